// The setup panel is a view of the engine's parameter table (trial/param_table.h): it offers
// exactly the table's choices, one row per number an optimizer reads with the table's default,
// shown while a ticked optimizer reads it, and the engine's bounds come back beside the field.
// Checked against the engine's table itself, not the window's copy of it.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>

#include <set>
#include <string>
#include <vector>

#include "trial/param_table.h"
#include "ui/main_window.h"
#include "ui/setup/number_choice_editor.h"
#include "ui/setup/setup_fields.h"
#include "ui/setup/setup_panel.h"
#include "widget_driver.h"

namespace tunebench::ui {
namespace {

const QString kPresets = QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets");

std::vector<std::string> listNames(const QListWidget* list) {
  std::vector<std::string> names;
  for (int i = 0; i < list->count(); ++i)
    names.push_back(list->item(i)->data(Qt::UserRole).toString().toStdString());
  return names;
}

std::vector<std::string> comboNames(const QComboBox* combo) {
  std::vector<std::string> names;
  for (int i = 0; i < combo->count(); ++i)
    names.push_back(combo->itemData(i).toString().toStdString());
  return names;
}

// The numbers an optimizer reads that the panel gives a row of their own (the learning rate has
// the search's own row).
std::set<std::string> optimizerNumbers() {
  std::set<std::string> names;
  for (const ParamEntry& entry : paramTable()) {
    if (entry.group == ParamGroup::kOptimizer && entry.type == ParamType::kNumber &&
        entry.name != "lr")
      names.insert(entry.name);
  }
  return names;
}

// Opens the TPE preset (a search over optimizers) in a shown window; its optimizer checklist.
QListWidget* showSearchStudy(MainWindow& window) {
  EXPECT_TRUE(window.openStudy(kPresets + QStringLiteral("/fashion-mlp-tpe.json")));
  window.resize(1200, 800);
  window.show();
  auto* optimizers = qobject_cast<QListWidget*>(
      window.setupPanel()->fieldWidget(QStringLiteral("search.optimizer")));
  EXPECT_NE(optimizers, nullptr);
  return optimizers;
}

// Ticks or unticks the optimizer `name` with a click, as a person does.
void setTicked(QListWidget* optimizers, const std::string& name, bool ticked) {
  for (int i = 0; i < optimizers->count(); ++i) {
    QListWidgetItem* item = optimizers->item(i);
    if (item->data(Qt::UserRole).toString().toStdString() == name &&
        (item->checkState() == Qt::Checked) != ticked)
      testing::clickCheckBox(optimizers, item->text());
  }
}

TEST(ParamTablePanelTest, ThePanelOffersExactlyTheChoicesAndRowsOfTheEngineTable) {
  MainWindow window(kPresets);
  SetupPanel* setup = window.setupPanel();
  auto* initializers =
      qobject_cast<QListWidget*>(setup->fieldWidget(QStringLiteral("search.initializer")));
  auto* optimizers =
      qobject_cast<QListWidget*>(setup->fieldWidget(QStringLiteral("search.optimizer")));
  auto* activation =
      qobject_cast<QComboBox*>(setup->fieldWidget(QStringLiteral("model.activation")));
  auto* model = qobject_cast<QComboBox*>(setup->fieldWidget(QStringLiteral("model.kind")));
  ASSERT_TRUE(initializers && optimizers && activation && model);
  EXPECT_EQ(listNames(initializers), findParamEntry("initializer")->choiceNames());
  EXPECT_EQ(listNames(optimizers), findParamEntry("optimizer")->choiceNames());
  EXPECT_EQ(comboNames(activation), findParamEntry("activation")->choiceNames());
  EXPECT_EQ(comboNames(model), findParamEntry("model")->choiceNames());

  // Every hyperparameter row is a number of the table, and every such number has a row, showing
  // the table's default before anything is typed.
  std::set<std::string> rows;
  for (NumberChoiceEditor* editor : setup->findChildren<NumberChoiceEditor*>()) {
    const QString name = editor->objectName();
    if (name == QLatin1String("search.lr")) continue;
    ASSERT_TRUE(name.startsWith(QLatin1String("search."))) << name.toStdString();
    const std::string key = name.mid(7).toStdString();
    rows.insert(key);
    const ParamEntry* entry = findParamEntry(key);
    ASSERT_NE(entry, nullptr) << key;
    ASSERT_TRUE(entry->default_value.has_value()) << key;
    EXPECT_DOUBLE_EQ(editor->choice().low, *entry->default_value) << key;
    EXPECT_FALSE(editor->choice().is_range) << key;
  }
  EXPECT_EQ(rows, optimizerNumbers());
}

TEST(ParamTablePanelTest, ARowShowsWhileATickedOptimizerReadsItAsTheEngineSays) {
  MainWindow window(kPresets);
  QListWidget* optimizers = showSearchStudy(window);
  SetupPanel* setup = window.setupPanel();
  ASSERT_NE(optimizers, nullptr);
  const std::vector<std::string> all = findParamEntry("optimizer")->choiceNames();
  for (const std::string& ticked : all) {
    SCOPED_TRACE(ticked);
    for (const std::string& name : all) setTicked(optimizers, name, name == ticked);
    for (const std::string& name : optimizerNumbers()) {
      QWidget* row = setup->fieldWidget(QStringLiteral("search.") + QString::fromStdString(name));
      ASSERT_NE(row, nullptr) << name;
      EXPECT_EQ(row->isVisible(), findParamEntry(name)->readBy(ticked)) << name;
    }
  }
}

TEST(ParamTablePanelTest, AValueOutsideTheEnginesBoundsIsFlaggedBesideItsRow) {
  MainWindow window(kPresets);
  QListWidget* optimizers = showSearchStudy(window);
  SetupPanel* setup = window.setupPanel();
  ASSERT_NE(optimizers, nullptr);
  setTicked(optimizers, "adam", true);
  auto* beta2 =
      qobject_cast<NumberChoiceEditor*>(setup->fieldWidget(QStringLiteral("search.beta2")));
  ASSERT_NE(beta2, nullptr);
  testing::typeInto(beta2->lowEdit(), QStringLiteral("1.5"));
  // The engine's words for its bounds ("must be in [0, 1)"), beside the row; Run is disabled.
  EXPECT_FALSE(window.runAction()->isEnabled());
  const std::string bounds = findParamEntry("beta2")->bounds.problem(1.5);
  EXPECT_TRUE(window.runAction()->toolTip().contains(QString::fromStdString(bounds)))
      << window.runAction()->toolTip().toStdString();
}

// The Data, Model and Study rows are the setup field table's: each of its keys is a row whose
// value goes into the draft and back out unchanged (the highest value, the last choice).
TEST(ParamTablePanelTest, EveryRowOfTheSetupFieldTableCarriesItsValueBothWays) {
  SetupPanel setup({QStringLiteral("cpu")});
  StudyDraft draft;
  for (const SetupField& field : setupFields()) {
    ASSERT_NE(setup.fieldWidget(QString::fromLatin1(field.key)), nullptr) << field.key;
    switch (field.editor) {
      case SetupField::Editor::kChoice:
        draft.*field.text =
            field.choices != nullptr ? field.choices().back().name : QStringLiteral("cpu");
        break;
      case SetupField::Editor::kWhole:
        draft.*field.whole = static_cast<int>(field.high);
        break;
      case SetupField::Editor::kNumber:
        draft.*field.number = field.high;
        break;
      case SetupField::Editor::kCheck:
        draft.*field.flag = !(draft.*field.flag);  // away from the default
        break;
      default:
        draft.*field.text = QStringLiteral("/some/%1").arg(QString::fromLatin1(field.key));
    }
  }
  setup.setDraft(draft);
  const StudyDraft back = setup.draft();
  for (const SetupField& field : setupFields()) {
    if (field.whole != nullptr) {
      EXPECT_EQ(back.*field.whole, draft.*field.whole) << field.key;
    } else if (field.number != nullptr) {
      EXPECT_DOUBLE_EQ(back.*field.number, draft.*field.number) << field.key;
    } else if (field.flag != nullptr) {
      EXPECT_EQ(back.*field.flag, draft.*field.flag) << field.key;
    } else {
      EXPECT_EQ(back.*field.text, draft.*field.text) << field.key;
    }
  }
  // A row shows only while its controlling choice allows: the grid's points with the grid.
  auto* points = setup.fieldWidget(QStringLiteral("sampler.grid_points"));
  setup.show();
  draft.sampler = QStringLiteral("grid");
  setup.setDraft(draft);
  EXPECT_TRUE(points->isVisible());
  draft.sampler = QStringLiteral("random");
  setup.setDraft(draft);
  EXPECT_FALSE(points->isVisible());
}

}  // namespace
}  // namespace tunebench::ui
