// The setup panel driven with clicks and typing, as a person sets up a study.
#include "ui/setup/setup_panel.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

#include "config/study_file.h"
#include "support/temp_dir.h"
#include "ui/bridge/study_controller.h"
#include "ui/charts/curve_chart.h"
#include "ui/main_window.h"
#include "ui/panels/group_table_model.h"
#include "ui/panels/trial_table_model.h"
#include "ui/setup/configurations_editor.h"
#include "widget_driver.h"

namespace tunebench::ui {
namespace {

using testing::chooseWithKeys;
using testing::clickCheckBox;
using testing::typeInto;
using testing::waitUntil;

const QString kPresets = QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/presets");

template <typename W>
W* field(const MainWindow& window, const char* name) {
  auto* widget = window.setupPanel()->findChild<W*>(QLatin1String(name));
  EXPECT_NE(widget, nullptr) << name;
  return widget;
}

QLineEdit* lrLow(const MainWindow& window) {
  return field<QWidget>(window, "search.lr")->findChild<QLineEdit*>("low");
}

// The label the panel shows beside `widget`.
QString labelBeside(const MainWindow& window, QWidget* widget) {
  for (QLabel* label : window.setupPanel()->findChildren<QLabel*>()) {
    if (label->buddy() == widget) return label->text();
  }
  return {};
}

QJsonObject studyJson(const MainWindow& window) {
  return QJsonDocument::fromJson(window.studyText().toUtf8()).object();
}

QStringList choicesOf(const QJsonObject& study, const char* param) {
  QStringList names;
  const QJsonArray choices =
      study["search"].toObject()[QLatin1String(param)].toObject()["choices"].toArray();
  for (const QJsonValue& value : choices) names << value.toString();
  return names;
}

TEST(SetupPanelTest, AStudySetUpWithClicksAndTypingRunsThroughTheWindow) {
  MainWindow window(kPresets);
  window.resize(1200, 800);
  window.show();
  chooseWithKeys(field<QComboBox>(window, "dataset.kind"), QStringLiteral("2-D data set"));
  chooseWithKeys(field<QComboBox>(window, "dataset.generator"), QStringLiteral("spiral"));
  typeInto(field<QSpinBox>(window, "dataset.samples"), QStringLiteral("400"));
  typeInto(field<QSpinBox>(window, "model.width"), QStringLiteral("16"));
  chooseWithKeys(field<QComboBox>(window, "model.activation"), QStringLiteral("tanh"));
  clickCheckBox(field<QListWidget>(window, "search.initializer"),
                QStringLiteral("Xavier (Glorot) uniform"));
  clickCheckBox(field<QListWidget>(window, "search.optimizer"), QStringLiteral("SGD + momentum"));
  clickCheckBox(field<QListWidget>(window, "search.optimizer"), QStringLiteral("Adam"));
  typeInto(lrLow(window), QStringLiteral("0.02"));
  typeInto(field<QLineEdit>(window, "training.batch_size"), QStringLiteral("16"));
  typeInto(field<QSpinBox>(window, "training.epochs"), QStringLiteral("3"));
  typeInto(field<QSpinBox>(window, "seeds"), QStringLiteral("2"));
  chooseWithKeys(field<QComboBox>(window, "sampler.kind"), QStringLiteral("Grid"));
  typeInto(field<QSpinBox>(window, "jobs"), QStringLiteral("2"));

  // What the clicks wrote is a study file the engine takes: 1 initializer x 2 optimizers.
  const QJsonObject study = studyJson(window);
  EXPECT_EQ(study["dataset"].toObject()["kind"].toString(), QStringLiteral("synthetic-2d"));
  EXPECT_EQ(study["dataset"].toObject()["samples"].toInt(), 400);
  EXPECT_EQ(choicesOf(study, "initializer"), QStringList{QStringLiteral("xavier_uniform")});
  EXPECT_EQ(choicesOf(study, "optimizer"),
            (QStringList{QStringLiteral("momentum"), QStringLiteral("adam")}));
  EXPECT_EQ(study["search"].toObject()["lr"].toObject()["choices"].toArray().first().toDouble(),
            0.02);
  ASSERT_TRUE(window.runAction()->isEnabled()) << window.runAction()->toolTip().toStdString();

  bool finished = false;
  QObject::connect(window.controller(), &StudyController::runFinished,
                   [&finished] { finished = true; });
  testing::clickToolbarButton(window, QStringLiteral("studyToolbar"), window.runAction());
  EXPECT_FALSE(window.setupPanel()->isEnabled());  // no edits while the study runs
  ASSERT_TRUE(waitUntil([&] { return finished; }, 120000));
  EXPECT_EQ(window.chart()->seriesCount(), 4);  // 2 configurations x 2 seeds
  ASSERT_EQ(window.trials()->rowCount(), 4);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(window.trials()->row(i).state, QStringLiteral("COMPLETE"));
    EXPECT_EQ(window.trials()->row(i).epochs_done, 3);
  }
  ASSERT_EQ(window.groups()->rowCount(), 2);
  EXPECT_EQ(window.groups()->group(0).completed, 2);
  EXPECT_EQ(window.groups()->group(1).completed, 2);
  EXPECT_TRUE(window.setupPanel()->isEnabled());
}

TEST(SetupPanelTest, InvalidInputIsFlaggedBesideTheFieldAndDisablesRunWithTheReason) {
  MainWindow window(kPresets);
  window.show();
  ASSERT_TRUE(window.openStudy(kPresets + QStringLiteral("/fashion-mlp-tpe.json")));
  QWidget* lr = field<QWidget>(window, "search.lr");
  ASSERT_TRUE(window.runAction()->isEnabled());
  EXPECT_FALSE(labelBeside(window, lr).contains(QStringLiteral("⚠")));

  typeInto(lrLow(window), QStringLiteral("0"));  // a log range touching 0
  EXPECT_FALSE(window.runAction()->isEnabled());
  EXPECT_TRUE(window.runAction()->toolTip().contains(
      QStringLiteral("Learning rate (from): must be > 0 for a log scale, got 0")))
      << window.runAction()->toolTip().toStdString();
  EXPECT_TRUE(labelBeside(window, lr).contains(QStringLiteral("⚠")));
  EXPECT_EQ(window.setupPanel()->fieldWidget(QStringLiteral("search.lr.low")), lr);

  typeInto(lrLow(window), QStringLiteral("0.5"));  // low > high (0.1)
  EXPECT_FALSE(window.runAction()->isEnabled());
  EXPECT_TRUE(window.runAction()->toolTip().contains(QStringLiteral("low must be < high")));

  typeInto(lrLow(window), QStringLiteral("0.001"));
  EXPECT_TRUE(window.runAction()->isEnabled()) << window.runAction()->toolTip().toStdString();
  EXPECT_FALSE(labelBeside(window, lr).contains(QStringLiteral("⚠")));

  auto* optimizers = field<QListWidget>(window, "search.optimizer");
  clickCheckBox(optimizers, QStringLiteral("SGD + momentum"));
  clickCheckBox(optimizers, QStringLiteral("Adam"));  // an empty choice
  EXPECT_FALSE(window.runAction()->isEnabled());
  EXPECT_TRUE(
      window.runAction()->toolTip().contains(QStringLiteral("choose at least one optimizer")));
  EXPECT_TRUE(labelBeside(window, optimizers).contains(QStringLiteral("⚠")));
  clickCheckBox(optimizers, QStringLiteral("Adam"));
  EXPECT_TRUE(window.runAction()->isEnabled());

  typeInto(field<QLineEdit>(window, "training.batch_size"), QStringLiteral("64, lots"));
  EXPECT_FALSE(window.runAction()->isEnabled());
  EXPECT_TRUE(window.runAction()->toolTip().contains(QStringLiteral("got 'lots'")));
}

TEST(SetupPanelTest, SaveWritesAStudyTheCliReadsAndOpenBringsItBack) {
  tunebench::testing::TempDir dir;
  const QString saved = QString::fromStdString((dir.path() / "mine.json").string());
  {
    MainWindow window(kPresets);
    ASSERT_TRUE(window.openStudy(kPresets + QStringLiteral("/fashion-mlp-tpe.json")));
    typeInto(field<QSpinBox>(window, "training.epochs"), QStringLiteral("3"));
    clickCheckBox(field<QListWidget>(window, "search.initializer"),
                  QStringLiteral("Plain normal N(0, σ²)"));
    ASSERT_TRUE(window.saveStudy(saved));
  }
  // The engine reads it as the CLI would; what the panel does not edit (width, description) stayed.
  const StudyFile study = loadStudyFile(saved.toStdString());
  EXPECT_EQ(study.base.epochs, 3);
  EXPECT_EQ(study.budget, 30);
  EXPECT_EQ(study.sampler.kind, SamplerSpec::Kind::kTpe);
  EXPECT_EQ(study.pruner.kind, PrunerSpec::Kind::kMedian);
  EXPECT_FALSE(study.description.empty());
  std::vector<std::string> names;
  for (const SearchParam& param : study.search.params()) names.push_back(param.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"batch_size", "initializer", "lr", "optimizer", "width"}));

  MainWindow reopened(kPresets);
  ASSERT_TRUE(reopened.openStudy(saved));
  EXPECT_EQ(field<QSpinBox>(reopened, "training.epochs")->value(), 3);
  EXPECT_EQ(reopened.setupPanel()->draft().initializers,
            (QStringList{QStringLiteral("xavier_uniform"), QStringLiteral("kaiming_normal")}));
  EXPECT_TRUE(reopened.recentStudies().value(0).endsWith(QStringLiteral("mine.json")));
}

TEST(SetupPanelTest, AStudyOfListedConfigurationsSurvivesTheRoundTrip) {
  MainWindow window(kPresets);
  ASSERT_TRUE(window.openStudy(kPresets + QStringLiteral("/xavier-vs-he-vs-adam.json")));
  EXPECT_TRUE(window.runAction()->isEnabled());
  const StudyFile study = parseStudyText(window.studyText().toStdString(), "panel", "");
  ASSERT_EQ(study.configurations.size(), 6u);
  EXPECT_TRUE(study.search.empty());
  EXPECT_EQ(study.seeds, 3);
  EXPECT_EQ(study.jobs, 2);
  ASSERT_TRUE(study.target_accuracy.has_value());
}

TEST(SetupPanelTest, EveryPresetOpensReadyToRunAndThePanelKeepsItsStudy) {
  const QStringList presets = QDir(kPresets).entryList({QStringLiteral("*.json")}, QDir::Files);
  ASSERT_GE(presets.size(), 7);
  for (const QString& name : presets) {
    MainWindow window(kPresets);
    const QString path = kPresets + QLatin1Char('/') + name;
    ASSERT_TRUE(window.openStudy(path)) << name.toStdString();
    EXPECT_TRUE(window.runAction()->isEnabled())
        << name.toStdString() << window.runAction()->toolTip().toStdString();
    // What Run would start is the file's study: same configurations, space, seeds and budget.
    const StudyFile file = loadStudyFile(path.toStdString());
    const StudyFile panel =
        parseStudyText(window.studyText().toStdString(), "panel", kPresets.toStdString());
    EXPECT_EQ(panel.configurations.size(), file.configurations.size()) << name.toStdString();
    EXPECT_EQ(panel.search.params().size(), file.search.params().size()) << name.toStdString();
    EXPECT_EQ(panel.seed_list, file.seed_list) << name.toStdString();
    EXPECT_EQ(panel.budget, file.budget) << name.toStdString();
    EXPECT_EQ(panel.base.epochs, file.base.epochs) << name.toStdString();
    EXPECT_EQ(panel.base.probes.every_steps, file.base.probes.every_steps) << name.toStdString();
    EXPECT_EQ(panel.explanation, file.explanation) << name.toStdString();
  }
}

}  // namespace
}  // namespace tunebench::ui

namespace tunebench::ui {
namespace {

// Opens the cell's editor (what a double-click does) and types `text` into it (or picks it from
// the list), then Enter.
void typeIntoCell(QTableWidget* table, int row, int column, const QString& text) {
  table->setCurrentCell(row, column);
  table->editItem(table->item(row, column));
  QApplication::processEvents();  // the editor is shown and focused
  QWidget* editor = nullptr;
  for (QWidget* child : table->viewport()->findChildren<QWidget*>()) {
    if (child->isVisible() && (qobject_cast<QLineEdit*>(child) || qobject_cast<QComboBox*>(child)))
      editor = child;
  }
  ASSERT_NE(editor, nullptr);
  if (auto* line = qobject_cast<QLineEdit*>(editor)) {
    line->selectAll();
    QTest::keyClicks(line, text);
    QTest::keyClick(line, Qt::Key_Return);
  } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
    combo->setCurrentIndex(combo->findText(text));
    ASSERT_GE(combo->currentIndex(), 0) << text.toStdString();
    QTest::keyClick(combo, Qt::Key_Return);
  } else {
    FAIL() << "no editor opened";
  }
  // The delegate commits and closes the editor from the event loop.
  const QPointer<QWidget> open = editor;
  ASSERT_TRUE(waitUntil([&] { return open.isNull() || !open->isVisible(); }, 10000));
}

int columnOf(QTableWidget* table, const QString& key) {
  for (int c = 0; c < table->columnCount(); ++c) {
    if (table->horizontalHeaderItem(c)->toolTip() == key) return c;
  }
  return -1;
}

TEST(SetupPanelTest, ATorchScriptNetworkShowsItsFileAndWhatItHolds) {
  MainWindow window(kPresets);
  ASSERT_TRUE(window.openStudy(kPresets + QStringLiteral("/torchscript-mlp.json")));
  window.resize(1200, 800);
  window.show();  // after opening, as the app does
  SetupPanel* setup = window.findChild<SetupPanel*>();
  ASSERT_NE(setup, nullptr);
  auto* kind = qobject_cast<QComboBox*>(setup->fieldWidget(QStringLiteral("model.kind")));
  ASSERT_NE(kind, nullptr);
  EXPECT_EQ(kind->currentData().toString(), QStringLiteral("torchscript"));
  EXPECT_TRUE(setup->fieldWidget(QStringLiteral("model.path"))->isVisible());
  EXPECT_GT(setup->fieldWidget(QStringLiteral("model.path"))->height(), 20);  // laid out, not 0
  // Read from the file on a thread of its own ("Reading the file..." until then): fc1 [128,
  // 784] + fc2 [64, 128] + out [10, 64], with biases.
  const auto summarySays = [&](const QString& text) {
    return testing::waitUntil([&] { return setup->modelSummary().contains(text); }, 60000);
  };
  EXPECT_TRUE(summarySays(QStringLiteral("109,386 parameters")))
      << setup->modelSummary().toStdString();
  EXPECT_TRUE(setup->modelSummary().contains(QStringLiteral("fc1 [128, 784]")));
  // Another file: the summary follows; a file that is no module says so.
  auto* path = setup->findChild<QLineEdit*>(QStringLiteral("modelPath"));
  ASSERT_NE(path, nullptr);
  testing::typeInto(path, QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/models/fashion_cnn.pt"));
  EXPECT_TRUE(summarySays(QStringLiteral("bn1.weight [16]")))
      << setup->modelSummary().toStdString();
  testing::typeInto(path, QStringLiteral(TUNEBENCH_SOURCE_DIR "/README.md"));
  EXPECT_TRUE(summarySays(QStringLiteral("not a TorchScript module")))
      << setup->modelSummary().toStdString();
  // Back to the built-in MLP: its width again, no file.
  testing::chooseWithKeys(kind, QStringLiteral("MLP"));
  EXPECT_FALSE(setup->fieldWidget(QStringLiteral("model.path"))->isVisible());
  EXPECT_TRUE(setup->fieldWidget(QStringLiteral("model.width"))->isVisible());
}

TEST(SetupPanelTest, TheListedConfigurationsAreEditedInATableAndSaved) {
  tunebench::testing::TempDir dir;
  const QString saved = QString::fromStdString((dir.path() / "edited.json").string());
  MainWindow window(kPresets);
  window.show();
  ASSERT_TRUE(window.openStudy(kPresets + QStringLiteral("/xavier-vs-he-vs-adam.json")));
  ConfigurationsEditor* editor = window.setupPanel()->configurationsEditor();
  QTableWidget* table = editor->table();
  QApplication::setActiveWindow(&window);  // typed keys go to the active window's editors
  ASSERT_TRUE(waitUntil([&] { return table->isVisible() && window.isActiveWindow(); }, 10000));
  ASSERT_EQ(table->rowCount(), 6);
  // The checklists show what the listed configurations use: partly ticked, not searched.
  auto* initializers = field<QListWidget>(window, "search.initializer");
  const auto state = [&](const QString& label) {
    return initializers->findItems(label, Qt::MatchExactly).first()->checkState();
  };
  EXPECT_EQ(state(QStringLiteral("He (Kaiming) normal")), Qt::PartiallyChecked);
  EXPECT_EQ(state(QStringLiteral("LeCun normal")), Qt::Unchecked);

  const int lr = columnOf(table, QStringLiteral("lr"));
  const int initializer = columnOf(table, QStringLiteral("initializer"));
  ASSERT_GE(lr, 0);
  ASSERT_GE(initializer, 0);
  // A bad value is the engine's problem, shown on its cell; Run waits.
  typeIntoCell(table, 1, lr, QStringLiteral("-1"));
  EXPECT_FALSE(window.runAction()->isEnabled());
  EXPECT_TRUE(table->item(1, lr)->toolTip().contains(QStringLiteral("must be > 0")))
      << table->item(1, lr)->toolTip().toStdString();
  // Run says where, as the table shows it: the row's number and the column's title.
  EXPECT_TRUE(window.runAction()->toolTip().contains(
      QStringLiteral("Listed configurations, row 2, Learning rate: must be > 0")))
      << window.runAction()->toolTip().toStdString();
  typeIntoCell(table, 1, lr, QStringLiteral("0.003"));
  EXPECT_TRUE(window.runAction()->isEnabled()) << window.runAction()->toolTip().toStdString();
  EXPECT_TRUE(table->item(1, lr)->toolTip().isEmpty());
  // A choice is picked from its list.
  typeIntoCell(table, 0, initializer, QStringLiteral("LeCun normal"));
  EXPECT_EQ(state(QStringLiteral("LeCun normal")), Qt::PartiallyChecked);
  // Duplicate the first row, remove the last.
  table->selectRow(0);
  testing::clickButton(editor->findChild<QToolButton*>(QStringLiteral("duplicateConfiguration")));
  table->selectRow(table->rowCount() - 1);
  testing::clickButton(editor->findChild<QToolButton*>(QStringLiteral("removeConfiguration")));
  ASSERT_EQ(table->rowCount(), 6);
  ASSERT_TRUE(window.saveStudy(saved));

  // The saved file has the edits, as the engine reads it.
  const StudyFile study = loadStudyFile(saved.toStdString());
  ASSERT_EQ(study.configurations.size(), 6u);
  EXPECT_EQ(std::get<std::string>(study.configurations[0].at("initializer")), "lecun_normal");
  EXPECT_EQ(std::get<std::string>(study.configurations[1].at("initializer")), "lecun_normal");
  EXPECT_DOUBLE_EQ(std::get<double>(study.configurations[2].at("lr")), 0.003);
  EXPECT_EQ(std::get<std::string>(study.configurations[2].at("optimizer")), "adam");
  EXPECT_EQ(std::get<std::string>(study.configurations[5].at("initializer")), "normal");
  EXPECT_EQ(std::get<std::string>(study.configurations[5].at("optimizer")), "momentum");
  // Open then Save of an unedited study keeps every listed configuration as it was.
  MainWindow reopened(kPresets);
  ASSERT_TRUE(reopened.openStudy(saved));
  EXPECT_EQ(studyJson(reopened).value(QStringLiteral("configurations")),
            studyJson(window).value(QStringLiteral("configurations")));
}

}  // namespace
}  // namespace tunebench::ui
