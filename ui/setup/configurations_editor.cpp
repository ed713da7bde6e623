#include "ui/setup/configurations_editor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/bridge/param_table_view.h"
#include "ui/bridge/param_variant.h"

namespace tunebench::ui {
namespace {

// A named parameter's values (the engine's table), or nullptr for a number.
const QList<Choice>* choicesFor(const QString& key) {
  const QList<Choice>& choices = parameterChoices(key);
  return choices.isEmpty() ? nullptr : &choices;
}

// Named choices are shown by their label and picked from a list; anything else is typed.
class CellDelegate : public QStyledItemDelegate {
 public:
  CellDelegate(const QStringList* keys, QObject* parent)
      : QStyledItemDelegate(parent), keys_(keys) {}

  void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
    QStyledItemDelegate::initStyleOption(option, index);
    // A name reads as in the legend ("Xavier uniform", "SGD+momentum").
    const QString key = keys_->value(index.column());
    if (choicesFor(key) != nullptr && !option->text.isEmpty()) {
      option->text = valueInWords(key, option->text);
    }
  }
  QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                        const QModelIndex& index) const override {
    const QList<Choice>* choices = choicesFor(keys_->value(index.column()));
    if (choices == nullptr) return QStyledItemDelegate::createEditor(parent, option, index);
    auto* combo = new QComboBox(parent);
    for (const Choice& choice : *choices) combo->addItem(choice.label(), choice.name);
    return combo;
  }
  void setEditorData(QWidget* editor, const QModelIndex& index) const override {
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
      combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::EditRole))));
      return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
  }
  void setModelData(QWidget* editor, QAbstractItemModel* model,
                    const QModelIndex& index) const override {
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
      model->setData(index, combo->currentData(), Qt::EditRole);
      return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
  }

 private:
  const QStringList* keys_;
};

QString cellText(const QJsonValue& value) {
  if (value.isDouble()) return QString::number(value.toDouble(), 'g', 12);
  if (value.isBool()) return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
  return value.toString();
}

// A typed cell as the study file writes it: a number, true/false, or a name.
QJsonValue cellValue(const QString& text) {
  bool number = false;
  const double value = text.toDouble(&number);
  if (number) return value;
  if (text == QLatin1String("true")) return true;
  if (text == QLatin1String("false")) return false;
  return text;
}

// The columns in the parameter table's display order (what a comparison is about first).
int keyRank(const QString& key) { return parameterRank(key); }

}  // namespace

ConfigurationsEditor::ConfigurationsEditor(QWidget* parent)
    : QWidget(parent),
      table_(new QTableWidget(this)),
      duplicate_(new QToolButton(this)),
      remove_(new QToolButton(this)) {
  table_->setObjectName(QStringLiteral("configurationsTable"));
  table_->setItemDelegate(new CellDelegate(&keys_, table_));
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                          QAbstractItemView::AnyKeyPressed);
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->setToolTip(
      tr("The configurations the study lists; double-click a cell to change it. "
         "An empty cell leaves the parameter to the study's defaults."));
  auto* add = new QToolButton(this);
  add->setObjectName(QStringLiteral("addConfiguration"));
  add->setText(tr("Add"));
  add->setToolTip(tr("Add a configuration (a copy of the first one) at the end"));
  duplicate_->setObjectName(QStringLiteral("duplicateConfiguration"));
  duplicate_->setText(tr("Duplicate"));
  duplicate_->setToolTip(tr("Copy the selected configuration below it"));
  remove_->setObjectName(QStringLiteral("removeConfiguration"));
  remove_->setText(tr("Remove"));
  remove_->setToolTip(tr("Remove the selected configuration"));
  auto* buttons = new QHBoxLayout();
  buttons->addWidget(add);
  buttons->addWidget(duplicate_);
  buttons->addWidget(remove_);
  buttons->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(table_);
  layout->addLayout(buttons);
  connect(add, &QToolButton::clicked, this, &ConfigurationsEditor::addRow);
  connect(duplicate_, &QToolButton::clicked, this, &ConfigurationsEditor::duplicateRow);
  connect(remove_, &QToolButton::clicked, this, &ConfigurationsEditor::removeRow);
  connect(table_, &QTableWidget::itemChanged, this, &ConfigurationsEditor::edited);
  auto selection_changed = [this] {
    const bool selected = !table_->selectionModel()->selectedRows().isEmpty();
    duplicate_->setEnabled(selected);
    remove_->setEnabled(selected);
  };
  connect(table_, &QTableWidget::itemSelectionChanged, this, selection_changed);
  selection_changed();
}

void ConfigurationsEditor::setConfigurations(const QJsonArray& configurations) {
  const QSignalBlocker blocker(table_);
  keys_.clear();
  for (const QJsonValue& configuration : configurations) {
    for (const QString& key : configuration.toObject().keys()) {
      if (!keys_.contains(key)) keys_.append(key);
    }
  }
  std::stable_sort(keys_.begin(), keys_.end(), [](const QString& a, const QString& b) {
    const int ra = keyRank(a), rb = keyRank(b);
    return ra != rb ? ra < rb : a < b;
  });
  table_->clear();
  table_->setRowCount(0);
  table_->setColumnCount(static_cast<int>(keys_.size()));
  for (int c = 0; c < keys_.size(); ++c) {
    auto* header = new QTableWidgetItem(titleOf(keys_[c]));
    header->setToolTip(keys_[c]);  // the study file's name
    table_->setHorizontalHeaderItem(c, header);
  }
  for (const QJsonValue& configuration : configurations)
    appendRow(configuration.toObject(), table_->rowCount());
  updateHeight();
}

void ConfigurationsEditor::appendRow(const QJsonObject& values, int at) {
  table_->insertRow(at);
  for (int c = 0; c < keys_.size(); ++c) {
    auto* item = new QTableWidgetItem();
    item->setData(Qt::EditRole, cellText(values.value(keys_[c])));
    table_->setItem(at, c, item);
  }
}

QJsonObject ConfigurationsEditor::rowValues(int row) const {
  QJsonObject values;
  for (int c = 0; c < keys_.size(); ++c) {
    const QTableWidgetItem* item = table_->item(row, c);
    const QString text =
        item == nullptr ? QString() : item->data(Qt::EditRole).toString().trimmed();
    if (!text.isEmpty()) values.insert(keys_[c], cellValue(text));
  }
  return values;
}

QJsonArray ConfigurationsEditor::configurations() const {
  QJsonArray rows;
  for (int r = 0; r < table_->rowCount(); ++r) rows.append(rowValues(r));
  return rows;
}

void ConfigurationsEditor::copyRow(int from, int at) {
  {
    const QSignalBlocker blocker(table_);
    appendRow(rowValues(from), at);
  }
  table_->selectRow(at);
  updateHeight();
  Q_EMIT edited();
}

void ConfigurationsEditor::addRow() {
  if (table_->rowCount() > 0) copyRow(0, table_->rowCount());  // none: no columns to fill
}

void ConfigurationsEditor::duplicateRow() {
  const QModelIndexList selected = table_->selectionModel()->selectedRows();
  if (!selected.isEmpty()) copyRow(selected.first().row(), selected.first().row() + 1);
}

void ConfigurationsEditor::removeRow() {
  const QModelIndexList selected = table_->selectionModel()->selectedRows();
  if (selected.isEmpty()) return;
  table_->removeRow(selected.first().row());
  updateHeight();
  Q_EMIT edited();
}

void ConfigurationsEditor::showProblems(const FieldProblems& problems) {
  const QSignalBlocker blocker(table_);
  for (int r = 0; r < table_->rowCount(); ++r) {
    for (int c = 0; c < table_->columnCount(); ++c) {
      if (QTableWidgetItem* item = table_->item(r, c)) {
        item->setBackground(QBrush());
        item->setToolTip(QString());
      }
    }
  }
  static const QRegularExpression path(QStringLiteral(R"(^configurations\[(\d+)\](?:\.(\w+))?)"));
  for (const FieldProblem& problem : problems) {
    const QRegularExpressionMatch match = path.match(problem.field);
    if (!match.hasMatch()) continue;
    const int row = match.captured(1).toInt();
    const qsizetype column = keys_.indexOf(match.captured(2));
    for (int c = 0; c < table_->columnCount(); ++c) {
      if (column >= 0 && c != column) continue;  // the cell, or the whole row
      if (QTableWidgetItem* item = table_->item(row, c)) {
        item->setBackground(QColor(0xf4, 0xc7, 0xc3));
        item->setToolTip(problem.why);
      }
    }
  }
}

void ConfigurationsEditor::updateHeight() {
  const int rows = std::min(table_->rowCount(), 8);
  table_->setFixedHeight(table_->horizontalHeader()->sizeHint().height() +
                         rows * table_->verticalHeader()->defaultSectionSize() +
                         table_->horizontalScrollBar()->sizeHint().height() +
                         2 * table_->frameWidth() + 2);
}

}  // namespace tunebench::ui
