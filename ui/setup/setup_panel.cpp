#include "ui/setup/setup_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QSpinBox>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/bridge/param_table_view.h"
#include "ui/setup/choice_catalogue.h"
#include "ui/setup/configurations_editor.h"
#include "ui/setup/number_choice_editor.h"
#include "ui/setup/plan_text.h"
#include "ui/setup/setup_fields.h"
#include "ui/teaching/method_notes.h"

namespace tunebench::ui {
namespace {

void fillCombo(QComboBox* combo, const QList<Choice>& choices) {
  for (const Choice& choice : choices) {
    combo->addItem(choice.label(), choice.name);
    if (!choice.explanation().isEmpty())
      combo->setItemData(combo->count() - 1, choice.explanation(), Qt::ToolTipRole);
  }
}

QString comboValue(const QComboBox* combo) { return combo->currentData().toString(); }

void setComboValue(QComboBox* combo, const QString& name) {
  int index = combo->findData(name);
  if (index < 0) {  // a value the panel does not list (a newer file): keep it selectable
    combo->addItem(name, name);
    index = combo->count() - 1;
  }
  combo->setCurrentIndex(index);
}

QListWidget* checklist(const QList<Choice>& choices, QWidget* parent) {
  auto* list = new QListWidget(parent);
  for (const Choice& choice : choices) {
    auto* item = new QListWidgetItem(choice.label(), list);
    item->setData(Qt::UserRole, choice.name);
    const QString note = methodTooltip(choice.name);  // formula, assumptions, failure modes
    item->setToolTip(note.isEmpty() ? choice.explanation() : note);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Unchecked);
  }
  list->setMaximumHeight(list->sizeHintForRow(0) * static_cast<int>(choices.size()) +
                         2 * list->frameWidth() + 2);
  return list;
}

QStringList checkedNames(const QListWidget* list) {
  QStringList names;
  for (int i = 0; i < list->count(); ++i) {
    if (list->item(i)->checkState() == Qt::Checked)
      names << list->item(i)->data(Qt::UserRole).toString();
  }
  return names;
}

// Choices a listed configuration uses show partly checked (unless searched: checked).
void markUsed(QListWidget* list, const QStringList& used) {
  const QSignalBlocker blocker(list);
  for (int i = 0; i < list->count(); ++i) {
    QListWidgetItem* item = list->item(i);
    if (item->checkState() == Qt::Checked) continue;
    item->setCheckState(used.contains(item->data(Qt::UserRole).toString()) ? Qt::PartiallyChecked
                                                                           : Qt::Unchecked);
  }
}

void setCheckedNames(QListWidget* list, const QStringList& names) {
  const QSignalBlocker blocker(list);  // set, not clicked: no choiceClicked
  for (int i = 0; i < list->count(); ++i) {
    QListWidgetItem* item = list->item(i);
    item->setCheckState(names.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                            : Qt::Unchecked);
  }
}

QSpinBox* spinBox(int low, int high, QWidget* parent) {
  auto* spin = new QSpinBox(parent);
  spin->setRange(low, high);
  return spin;
}

// A line edit with a "..." button that asks for a folder, or for a file of `filter`.
QWidget* pathField(QLineEdit* edit, bool folder, QWidget* parent, const QString& title,
                   const QString& filter = QString()) {
  auto* row = new QWidget(parent);
  auto* layout = new QHBoxLayout(row);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* browse = new QToolButton(row);
  browse->setText(QStringLiteral("..."));
  layout->addWidget(edit, 1);
  layout->addWidget(browse);
  QObject::connect(browse, &QToolButton::clicked, edit, [edit, folder, title, filter] {
    const QString path = folder ? QFileDialog::getExistingDirectory(edit, title)
                                : QFileDialog::getOpenFileName(edit, title, QString(), filter);
    if (!path.isEmpty()) {
      edit->setText(path);
      Q_EMIT edit->textEdited(path);
    }
  });
  return row;
}

}  // namespace

SetupPanel::SetupPanel(const QStringList& devices, QWidget* parent)
    : QWidget(parent), devices_(devices) {
  auto* layout = new QVBoxLayout(this);
  plan_label_ = new QLabel(this);
  plan_label_->setObjectName(QStringLiteral("plan"));
  plan_label_->setWordWrap(true);
  plan_label_->setTextFormat(Qt::RichText);
  layout->addWidget(plan_label_);
  listed_note_ = new QLabel(this);
  listed_note_->setWordWrap(true);
  layout->addWidget(listed_note_);
  layout->addWidget(buildGroup(SetupField::Group::kData, tr("Data")));
  layout->addWidget(buildGroup(SetupField::Group::kModel, tr("Model")));
  layout->addWidget(buildSearchGroup());
  layout->addWidget(buildGroup(SetupField::Group::kStudy, tr("Study")));
  problems_label_ = new QLabel(this);
  problems_label_->setObjectName(QStringLiteral("setupProblems"));
  problems_label_->setWordWrap(true);
  problems_label_->setStyleSheet(QStringLiteral("color: #d62728;"));
  layout->addWidget(problems_label_);
  layout->addStretch(1);
  connect(this, &SetupPanel::edited, this, &SetupPanel::updateVisibleRows);
  setDraft(StudyDraft());
}

void SetupPanel::addField(QFormLayout* form, const QString& field, const QString& label,
                          QWidget* widget, bool full_width) {
  auto* label_widget = new QLabel(label, this);
  label_widget->setBuddy(widget);
  if (full_width) {  // the label on its own line, the widget under it across the group
    form->addRow(label_widget);
    form->addRow(widget);
  } else {
    form->addRow(label_widget, widget);
  }
  widget->setObjectName(field);
  fields_.insert(field, {form, label_widget, widget, label});
}

QWidget* SetupPanel::buildGroup(SetupField::Group which, const QString& title) {
  auto* group = new QGroupBox(title, this);
  auto* form = new QFormLayout(group);
  for (const SetupField& field : setupFields()) {
    if (field.group == which)
      addField(form, QString::fromLatin1(field.key), tr(field.label), buildEditor(field, group));
  }
  return group;
}

QWidget* SetupPanel::buildEditor(const SetupField& field, QWidget* parent) {
  const QString key = QString::fromLatin1(field.key);
  QWidget* editor = nullptr;
  QWidget* row = nullptr;  // what the form shows, when more than the editor
  switch (field.editor) {
    case SetupField::Editor::kChoice: {
      auto* combo = new QComboBox(parent);
      if (field.choices != nullptr) {
        fillCombo(combo, field.choices());
      } else {  // the devices; "auto" takes the first GPU when there is one: it says which
        combo->addItem(tr("auto (%1)").arg(devices_.value(devices_.size() > 1 ? 1 : 0)),
                       QStringLiteral("auto"));
        for (const QString& device : devices_) combo->addItem(device, device);
      }
      connect(combo, &QComboBox::currentIndexChanged, this, &SetupPanel::edited);
      editor = combo;
      break;
    }
    case SetupField::Editor::kWhole: {
      auto* spin = spinBox(static_cast<int>(field.low), static_cast<int>(field.high), parent);
      if (field.lowest_says != nullptr) spin->setSpecialValueText(tr(field.lowest_says));
      connect(spin, &QSpinBox::valueChanged, this, &SetupPanel::edited);
      editor = spin;
      break;
    }
    case SetupField::Editor::kNumber: {
      auto* spin = new QDoubleSpinBox(parent);
      spin->setRange(field.low, field.high);
      spin->setSingleStep(field.step);
      connect(spin, &QDoubleSpinBox::valueChanged, this, &SetupPanel::edited);
      editor = spin;
      break;
    }
    case SetupField::Editor::kCheck: {
      auto* check = new QCheckBox(parent);
      connect(check, &QCheckBox::toggled, this, &SetupPanel::edited);
      editor = check;
      break;
    }
    case SetupField::Editor::kText:
    case SetupField::Editor::kFolder:
    case SetupField::Editor::kFile: {
      auto* edit = new QLineEdit(parent);
      connect(edit, &QLineEdit::textEdited, this, &SetupPanel::edited);
      editor = edit;
      if (field.editor == SetupField::Editor::kText) break;
      const bool folder = field.editor == SetupField::Editor::kFolder;
      row = pathField(edit, folder, parent, folder ? tr("Data folder") : tr(field.label),
                      field.file_filter != nullptr ? tr(field.file_filter) : QString());
      edit->setObjectName(field.editor_name != nullptr ? QString::fromLatin1(field.editor_name)
                                                       : key + QStringLiteral(".edit"));
      break;
    }
  }
  if (field.tooltip != nullptr) {
    const QString tip = tr(field.tooltip);
    editor->setToolTip(tip.contains(QLatin1String("%1")) ? tip.arg(QThread::idealThreadCount())
                                                         : tip);
  }
  editors_.insert(key, editor);
  if (field.shows_model_summary) {  // the file and, under it, what it holds
    model_summary_ = new QLabel(parent);
    model_summary_->setObjectName(QStringLiteral("modelSummary"));
    // Short lines, not word wrap: a height-for-width label in the form left the row beside it
    // with no height (Qt 6.4's QFormLayout).
    auto* box = new QWidget(parent);
    auto* box_layout = new QVBoxLayout(box);
    box_layout->setContentsMargins(0, 0, 0, 0);
    box_layout->addWidget(row);
    box_layout->addWidget(model_summary_);
    row = box;
  }
  return row != nullptr ? row : editor;
}

QWidget* SetupPanel::buildSearchGroup() {
  auto* group = new QGroupBox(tr("Compare"), this);
  auto* form = new QFormLayout(group);
  configurations_ = new ConfigurationsEditor(group);
  addField(form, QStringLiteral("configurations"), tr("Listed configurations"), configurations_,
           true);
  connect(configurations_, &ConfigurationsEditor::edited, this, &SetupPanel::edited);
  initializers_ = checklist(parameterChoices(QStringLiteral("initializer")), group);
  optimizers_ = checklist(parameterChoices(QStringLiteral("optimizer")), group);
  lr_ = new NumberChoiceEditor(true, group);
  batch_sizes_ = new QLineEdit(group);
  batch_sizes_->setToolTip(tr("One batch size, or several separated by commas to compare them"));
  addField(form, QStringLiteral("search.initializer"), tr("Initializers"), initializers_);
  addField(form, QStringLiteral("search.optimizer"), tr("Optimizers"), optimizers_);
  addField(form, QStringLiteral("search.lr"), tr("Learning rate"), lr_);
  // One row per number an optimizer reads, from the engine's parameter table.
  for (const OptimizerHyperparameter& h : optimizerHyperparameters()) {
    auto* editor = new NumberChoiceEditor(h.allow_log, group);
    editor->setToolTip(h.help);
    hyperparameters_.insert(h.name, editor);
    addField(form, QStringLiteral("search.") + h.name, h.label(), editor);
    connect(editor, &NumberChoiceEditor::edited, this, &SetupPanel::edited);
  }
  addField(form, QStringLiteral("training.batch_size"), tr("Batch sizes"), batch_sizes_);
  for (auto [list, key] : {std::pair{initializers_, QStringLiteral("initializer")},
                           std::pair{optimizers_, QStringLiteral("optimizer")}}) {
    connect(list, &QListWidget::itemChanged, this,
            [this, key = key](QListWidgetItem* item) { choiceClicked(key, item); });
  }
  connect(lr_, &NumberChoiceEditor::edited, this, &SetupPanel::edited);
  connect(batch_sizes_, &QLineEdit::textEdited, this, &SetupPanel::edited);
  return group;
}

QString SetupPanel::choiceValue(const QString& key) const {
  const auto* combo = qobject_cast<const QComboBox*>(editors_.value(key));
  return combo != nullptr ? comboValue(combo) : QString();
}

void SetupPanel::setPlan(const PlanRow& plan) {
  QString html = QStringLiteral("<b>%1</b>").arg(planSentence(plan).toHtmlEscaped());
  for (const QString& note : planNotes(plan))
    html += QStringLiteral("<br><span style='color:#b35900'>⚠ %1</span>").arg(note.toHtmlEscaped());
  plan_label_->setText(html);
}

QString SetupPanel::planText() const { return plan_label_->text(); }

void SetupPanel::setModelSummary(const QString& brief, const QString& details) {
  model_summary_->setText(brief);
  model_summary_->setToolTip(details);
}

QString SetupPanel::modelSummary() const {
  return model_summary_->text() + QLatin1Char('\n') + model_summary_->toolTip();
}

void SetupPanel::updateVisibleRows() {
  auto show = [this](const QString& field, bool visible) {
    const Field& f = fields_[field];
    f.form->setRowVisible(f.widget, visible);
    f.form->setRowVisible(f.label, visible);  // its own row when the widget is full width
  };
  for (const SetupField& field : setupFields()) {
    show(QString::fromLatin1(field.key),
         fieldShown(field, [this](const QString& key) { return choiceValue(key); }));
  }
  show(QStringLiteral("configurations"), loaded_.listedConfigurations() > 0);
  markListedChoices();
  const QStringList optimizers = checkedNames(optimizers_);
  for (const OptimizerHyperparameter& h : optimizerHyperparameters()) {
    bool used = false;
    for (const QString& optimizer : optimizers) used = used || h.optimizers.contains(optimizer);
    show(QStringLiteral("search.") + h.name, used);
  }
}

void SetupPanel::choiceClicked(const QString& key, QListWidgetItem* item) {
  // A partly ticked choice (used by listed configurations) clicked: it goes, with the listed
  // configurations that use it; clicked again, it is searched.
  const QString name = item->data(Qt::UserRole).toString();
  if (item->checkState() == Qt::Checked &&
      valuesUsed(configurations_->configurations(), key).contains(name) &&
      !searched_[key].contains(name)) {
    QJsonArray kept;
    for (const QJsonValue& configuration : configurations_->configurations()) {
      if (configuration.toObject().value(key).toString() != name) kept.append(configuration);
    }
    configurations_->setConfigurations(kept);
    const QSignalBlocker blocker(item->listWidget());
    item->setCheckState(Qt::Unchecked);
  }
  searched_[key] = checkedNames(item->listWidget());
  Q_EMIT edited();
}

void SetupPanel::markListedChoices() {
  const QJsonArray listed = configurations_->configurations();
  markUsed(initializers_, valuesUsed(listed, QStringLiteral("initializer")));
  markUsed(optimizers_, valuesUsed(listed, QStringLiteral("optimizer")));
}

void SetupPanel::setDraft(const StudyDraft& draft) {
  const QSignalBlocker blocker(this);
  loaded_ = draft;
  for (const SetupField& field : setupFields()) {
    QWidget* editor = editors_.value(QString::fromLatin1(field.key));
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
      setComboValue(combo, draft.*field.text);
    } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
      spin->setValue(draft.*field.whole);
    } else if (auto* number = qobject_cast<QDoubleSpinBox*>(editor)) {
      number->setValue(draft.*field.number);
    } else if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
      edit->setText(draft.*field.text);
    } else if (auto* check = qobject_cast<QCheckBox*>(editor)) {
      check->setChecked(draft.*field.flag);
    }
  }
  configurations_->setConfigurations(draft.configurations);
  setCheckedNames(initializers_, draft.initializers);
  setCheckedNames(optimizers_, draft.optimizers);
  searched_[QStringLiteral("initializer")] = draft.initializers;
  searched_[QStringLiteral("optimizer")] = draft.optimizers;
  lr_->setChoice(draft.lr);
  for (const OptimizerHyperparameter& h : optimizerHyperparameters()) {
    hyperparameters_[h.name]->setChoice(
        draft.hyperparameters.value(h.name, {h.default_value, h.default_value}));
  }
  QStringList sizes;
  for (int size : draft.batch_sizes) sizes << QString::number(size);
  batch_sizes_->setText(sizes.join(QStringLiteral(", ")));

  QStringList notes;
  if (draft.listedConfigurations() > 0) {
    notes << tr(
        "A partly ticked box is used by a listed configuration (the table below). A learning-rate "
        "range is searched for every listed configuration whose rate is left empty.");
  }
  const QStringList others = draft.otherSearchedParameters();
  if (!others.isEmpty())
    notes << tr("Also searched, as the file says: %1.").arg(others.join(QStringLiteral(", ")));
  listed_note_->setText(notes.join(QLatin1Char(' ')));
  listed_note_->setVisible(!notes.isEmpty());
  updateVisibleRows();
}

StudyDraft SetupPanel::draft() const {
  StudyDraft draft = loaded_;
  for (const SetupField& field : setupFields()) {
    const QWidget* editor = editors_.value(QString::fromLatin1(field.key));
    if (const auto* combo = qobject_cast<const QComboBox*>(editor)) {
      draft.*field.text = comboValue(combo);
    } else if (const auto* spin = qobject_cast<const QSpinBox*>(editor)) {
      draft.*field.whole = spin->value();
    } else if (const auto* number = qobject_cast<const QDoubleSpinBox*>(editor)) {
      draft.*field.number = number->value();
    } else if (const auto* edit = qobject_cast<const QLineEdit*>(editor)) {
      draft.*field.text = edit->text().trimmed();
    } else if (const auto* check = qobject_cast<const QCheckBox*>(editor)) {
      draft.*field.flag = check->isChecked();
    }
  }
  draft.configurations = configurations_->configurations();
  draft.initializers = checkedNames(initializers_);
  draft.optimizers = checkedNames(optimizers_);
  draft.lr = lr_->choice();
  for (auto it = hyperparameters_.begin(); it != hyperparameters_.end(); ++it) {
    draft.hyperparameters.insert(it.key(), it.value()->choice());
  }
  draft.batch_sizes.clear();
  for (const QString& part : batch_sizes_->text().split(
           QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
    bool ok = false;
    const int size = part.toInt(&ok);
    if (ok && size > 0) draft.batch_sizes << size;
  }
  return draft;
}

FieldProblems SetupPanel::inputProblems() const {
  FieldProblems problems;
  const QString lr_problem = lr_->textProblem();
  if (!lr_problem.isEmpty()) problems.append({QStringLiteral("search.lr"), lr_problem});
  for (auto it = hyperparameters_.begin(); it != hyperparameters_.end(); ++it) {
    const QString problem = it.value()->textProblem();
    if (!problem.isEmpty() &&
        fields_[QStringLiteral("search.") + it.key()].widget->isVisibleTo(this)) {
      problems.append({QStringLiteral("search.") + it.key(), problem});
    }
  }
  for (const QString& part : batch_sizes_->text().split(
           QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
    bool ok = false;
    if (part.toInt(&ok) <= 0 || !ok) {
      problems.append({QStringLiteral("training.batch_size"),
                       tr("expected whole numbers > 0, got '%1'").arg(part)});
    }
  }
  return problems;
}

QString SetupPanel::fieldKeyFor(const QString& field) const {
  const QString target =
      field == QLatin1String("search.batch_size") ? QStringLiteral("training.batch_size") : field;
  QString best;
  for (auto it = fields_.begin(); it != fields_.end(); ++it) {
    const QString& key = it.key();
    const bool match = target == key || target.startsWith(key + QLatin1Char('.')) ||
                       target.startsWith(key + QLatin1Char('['));
    if (match && key.size() > best.size()) best = key;
  }
  return best;
}

QWidget* SetupPanel::fieldWidget(const QString& field) const {
  const QString key = fieldKeyFor(field);
  return key.isEmpty() ? nullptr : fields_[key].widget;
}

void SetupPanel::showProblems(const FieldProblems& problems) {
  QHash<QString, QStringList> by_field;
  for (const FieldProblem& problem : problems) by_field[fieldKeyFor(problem.field)] << problem.why;
  for (auto it = fields_.begin(); it != fields_.end(); ++it) {
    const QStringList reasons = by_field.value(it.key());
    QLabel* label = it.value().label;
    label->setText(reasons.isEmpty() ? it.value().text : QStringLiteral("⚠ ") + it.value().text);
    label->setStyleSheet(reasons.isEmpty() ? QString()
                                           : QStringLiteral("color: #d62728; font-weight: bold;"));
    label->setToolTip(reasons.join(QLatin1Char('\n')));
  }
  configurations_->showProblems(problems);
  problems_label_->setText(describeProblems(problems));
  problems_label_->setVisible(!problems.isEmpty());
}

}  // namespace tunebench::ui
