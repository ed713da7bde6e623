#include "ui/setup/setup_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
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

SetupPanel::SetupPanel(const QStringList& devices, QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  listed_note_ = new QLabel(this);
  listed_note_->setWordWrap(true);
  layout->addWidget(listed_note_);
  layout->addWidget(buildDataGroup());
  layout->addWidget(buildModelGroup());
  layout->addWidget(buildSearchGroup());
  layout->addWidget(buildStudyGroup());
  // "auto" takes the first GPU when there is one: the combo says which device that is.
  device_->addItem(tr("auto (%1)").arg(devices.value(devices.size() > 1 ? 1 : 0)),
                   QStringLiteral("auto"));
  for (const QString& device : devices) device_->addItem(device, device);
  problems_label_ = new QLabel(this);
  problems_label_->setObjectName(QStringLiteral("setupProblems"));
  problems_label_->setWordWrap(true);
  problems_label_->setStyleSheet(QStringLiteral("color: #d62728;"));
  layout->addWidget(problems_label_);
  layout->addStretch(1);
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

QWidget* SetupPanel::buildDataGroup() {
  auto* group = new QGroupBox(tr("Data"), this);
  auto* form = new QFormLayout(group);
  dataset_kind_ = new QComboBox(group);
  fillCombo(dataset_kind_, datasetChoices());
  generator_ = new QComboBox(group);
  fillCombo(generator_, generatorChoices());
  noise_ = new QDoubleSpinBox(group);
  noise_->setRange(0.0, 1.0);
  noise_->setSingleStep(0.05);
  samples_ = spinBox(10, 1000000, group);
  folder_ = new QLineEdit(group);
  csv_path_ = new QLineEdit(group);
  label_column_ = new QLineEdit(group);
  subset_ = spinBox(0, 10000000, group);
  subset_->setSpecialValueText(tr("all"));
  subset_->setToolTip(tr("Train on the first N samples only (quick looks)"));
  addField(form, QStringLiteral("dataset.kind"), tr("Data set"), dataset_kind_);
  addField(form, QStringLiteral("dataset.generator"), tr("Shape"), generator_);
  addField(form, QStringLiteral("dataset.noise"), tr("Noise"), noise_);
  addField(form, QStringLiteral("dataset.samples"), tr("Samples"), samples_);
  addField(form, QStringLiteral("dataset.folder"), tr("Folder"),
           pathField(folder_, true, group, tr("Data folder")));
  addField(
      form, QStringLiteral("dataset.path"), tr("CSV file"),
      pathField(csv_path_, false, group, tr("CSV file"), tr("CSV files (*.csv);;All files (*)")));
  addField(form, QStringLiteral("dataset.label_column"), tr("Label column"), label_column_);
  addField(form, QStringLiteral("dataset.subset"), tr("Subset"), subset_);
  return group;
}

QWidget* SetupPanel::buildModelGroup() {
  auto* group = new QGroupBox(tr("Model"), this);
  auto* form = new QFormLayout(group);
  model_kind_ = new QComboBox(group);
  fillCombo(model_kind_, parameterChoices(QStringLiteral("model")));
  model_path_ = new QLineEdit(group);
  model_path_->setObjectName(QStringLiteral("modelPath"));
  model_path_->setToolTip(tr("A module saved from PyTorch with torch.jit.script(net).save(...)"));
  model_summary_ = new QLabel(group);
  model_summary_->setObjectName(QStringLiteral("modelSummary"));
  // Short lines, not word wrap: a height-for-width label in the form left the row beside it
  // with no height (Qt 6.4's QFormLayout).
  depth_ = spinBox(1, 100, group);
  depth_->setToolTip(tr("Hidden layers"));
  width_ = spinBox(1, 8192, group);
  width_->setToolTip(tr("Units per hidden layer"));
  activation_ = new QComboBox(group);
  fillCombo(activation_, parameterChoices(QStringLiteral("activation")));
  addField(form, QStringLiteral("model.kind"), tr("Network"), model_kind_);
  // The file and, under it, what it holds.
  auto* model_file = new QWidget(group);
  auto* model_file_layout = new QVBoxLayout(model_file);
  model_file_layout->setContentsMargins(0, 0, 0, 0);
  model_file_layout->addWidget(pathField(model_path_, false, model_file, tr("TorchScript file"),
                                         tr("TorchScript modules (*.pt *.pth);;All files (*)")));
  model_file_layout->addWidget(model_summary_);
  addField(form, QStringLiteral("model.path"), tr("File"), model_file);
  addField(form, QStringLiteral("model.depth"), tr("Depth"), depth_);
  addField(form, QStringLiteral("model.width"), tr("Width"), width_);
  addField(form, QStringLiteral("model.activation"), tr("Activation"), activation_);
  return group;
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
  connect(initializers_, &QListWidget::itemChanged, this, &SetupPanel::edited);
  connect(optimizers_, &QListWidget::itemChanged, this, &SetupPanel::edited);
  connect(lr_, &NumberChoiceEditor::edited, this, &SetupPanel::edited);
  connect(batch_sizes_, &QLineEdit::textEdited, this, &SetupPanel::edited);
  return group;
}

QWidget* SetupPanel::buildStudyGroup() {
  auto* group = new QGroupBox(tr("Study"), this);
  auto* form = new QFormLayout(group);
  epochs_ = spinBox(1, 10000, group);
  seeds_ = spinBox(1, 1000, group);
  seeds_->setToolTip(
      tr("Each configuration runs under seeds 0..N-1, the same seeds for every configuration"));
  sampler_ = new QComboBox(group);
  fillCombo(sampler_, samplerChoices());
  budget_ = spinBox(0, 100000, group);
  budget_->setSpecialValueText(tr("auto"));
  budget_->setToolTip(tr("Configurations in all; auto: the whole grid, or 20"));
  grid_points_ = spinBox(1, 100, group);
  grid_points_->setToolTip(tr("Points per numeric range in the grid (log-spaced on a log scale)"));
  pruner_ = new QComboBox(group);
  fillCombo(pruner_, prunerChoices());
  jobs_ = spinBox(1, 256, group);
  jobs_->setToolTip(tr("Trials at once; the CPU cores are shared among them (%1 here)")
                        .arg(QThread::idealThreadCount()));
  device_ = new QComboBox(group);
  addField(form, QStringLiteral("training.epochs"), tr("Epochs"), epochs_);
  addField(form, QStringLiteral("seeds"), tr("Seeds each"), seeds_);
  addField(form, QStringLiteral("sampler.kind"), tr("Sampler"), sampler_);
  addField(form, QStringLiteral("budget"), tr("Configurations"), budget_);
  addField(form, QStringLiteral("sampler.grid_points"), tr("Grid points"), grid_points_);
  addField(form, QStringLiteral("pruner.kind"), tr("Pruner"), pruner_);
  addField(form, QStringLiteral("jobs"), tr("Parallel trials"), jobs_);
  addField(form, QStringLiteral("device"), tr("Device"), device_);

  for (QComboBox* combo :
       {dataset_kind_, generator_, model_kind_, activation_, sampler_, pruner_, device_}) {
    connect(combo, &QComboBox::currentIndexChanged, this, &SetupPanel::edited);
  }
  for (QSpinBox* spin :
       {samples_, subset_, depth_, width_, epochs_, seeds_, budget_, grid_points_, jobs_}) {
    connect(spin, &QSpinBox::valueChanged, this, &SetupPanel::edited);
  }
  connect(noise_, &QDoubleSpinBox::valueChanged, this, &SetupPanel::edited);
  for (QLineEdit* edit : {folder_, csv_path_, label_column_, model_path_})
    connect(edit, &QLineEdit::textEdited, this, &SetupPanel::edited);
  connect(this, &SetupPanel::edited, this, &SetupPanel::updateVisibleRows);
  return group;
}

void SetupPanel::setModelSummary(const QString& brief, const QString& details) {
  model_summary_->setText(brief);
  model_summary_->setToolTip(details);
}

QString SetupPanel::modelSummary() const {
  return model_summary_->text() + QLatin1Char('\n') + model_summary_->toolTip();
}

void SetupPanel::updateVisibleRows() {
  const QString kind = comboValue(dataset_kind_);
  auto show = [this](const QString& field, bool visible) {
    const Field& f = fields_[field];
    f.form->setRowVisible(f.widget, visible);
    f.form->setRowVisible(f.label, visible);  // its own row when the widget is full width
  };
  const bool synthetic = kind == QLatin1String("synthetic-2d");
  for (const char* field : {"dataset.generator", "dataset.noise", "dataset.samples"})
    show(QLatin1String(field), synthetic);
  show(QStringLiteral("dataset.folder"),
       kind == QLatin1String("mnist-folder") || kind == QLatin1String("image-folder"));
  show(QStringLiteral("dataset.path"), kind == QLatin1String("csv"));
  show(QStringLiteral("dataset.label_column"), kind == QLatin1String("csv"));
  const QString model = comboValue(model_kind_);
  show(QStringLiteral("model.depth"), model == QLatin1String("mlp"));
  show(QStringLiteral("model.width"), model != QLatin1String("torchscript"));
  show(QStringLiteral("model.path"), model == QLatin1String("torchscript"));
  show(QStringLiteral("sampler.grid_points"), comboValue(sampler_) == QLatin1String("grid"));
  show(QStringLiteral("configurations"), loaded_.listedConfigurations() > 0);
  markListedChoices();
  const QStringList optimizers = checkedNames(optimizers_);
  for (const OptimizerHyperparameter& h : optimizerHyperparameters()) {
    bool used = false;
    for (const QString& optimizer : optimizers) used = used || h.optimizers.contains(optimizer);
    show(QStringLiteral("search.") + h.name, used);
  }
}

void SetupPanel::markListedChoices() {
  const QJsonArray listed = configurations_->configurations();
  markUsed(initializers_, valuesUsed(listed, QStringLiteral("initializer")));
  markUsed(optimizers_, valuesUsed(listed, QStringLiteral("optimizer")));
}

void SetupPanel::setDraft(const StudyDraft& draft) {
  const QSignalBlocker blocker(this);
  loaded_ = draft;
  setComboValue(dataset_kind_, draft.dataset_kind);
  setComboValue(generator_, draft.generator);
  noise_->setValue(draft.noise);
  samples_->setValue(draft.samples);
  folder_->setText(draft.folder);
  csv_path_->setText(draft.csv_path);
  label_column_->setText(draft.label_column);
  subset_->setValue(draft.subset);
  setComboValue(model_kind_, draft.model_kind);
  model_path_->setText(draft.model_path);
  depth_->setValue(draft.depth);
  width_->setValue(draft.width);
  setComboValue(activation_, draft.activation);
  configurations_->setConfigurations(draft.configurations);
  setCheckedNames(initializers_, draft.initializers);
  setCheckedNames(optimizers_, draft.optimizers);
  lr_->setChoice(draft.lr);
  for (const OptimizerHyperparameter& h : optimizerHyperparameters()) {
    hyperparameters_[h.name]->setChoice(
        draft.hyperparameters.value(h.name, {h.default_value, h.default_value}));
  }
  QStringList sizes;
  for (int size : draft.batch_sizes) sizes << QString::number(size);
  batch_sizes_->setText(sizes.join(QStringLiteral(", ")));
  epochs_->setValue(draft.epochs);
  seeds_->setValue(draft.seeds);
  setComboValue(sampler_, draft.sampler);
  budget_->setValue(draft.budget);
  grid_points_->setValue(draft.grid_points);
  setComboValue(pruner_, draft.pruner);
  jobs_->setValue(draft.jobs);
  setComboValue(device_, draft.device);

  QStringList notes;
  if (draft.listedConfigurations() > 0) {
    notes << tr(
        "The study lists %n configuration(s) (the table below); they run first. A partly "
        "ticked box is used by a listed configuration; tick boxes to search more.",
        nullptr, draft.listedConfigurations());
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
  draft.dataset_kind = comboValue(dataset_kind_);
  draft.generator = comboValue(generator_);
  draft.noise = noise_->value();
  draft.samples = samples_->value();
  draft.folder = folder_->text().trimmed();
  draft.csv_path = csv_path_->text().trimmed();
  draft.label_column = label_column_->text().trimmed();
  draft.subset = subset_->value();
  draft.model_kind = comboValue(model_kind_);
  draft.model_path = model_path_->text().trimmed();
  draft.depth = depth_->value();
  draft.width = width_->value();
  draft.activation = comboValue(activation_);
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
  draft.epochs = epochs_->value();
  draft.seeds = seeds_->value();
  draft.sampler = comboValue(sampler_);
  draft.budget = budget_->value();
  draft.grid_points = grid_points_->value();
  draft.pruner = comboValue(pruner_);
  draft.jobs = jobs_->value();
  draft.device = comboValue(device_);
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
