#pragma once
#include <QJsonArray>
#include <QWidget>

#include "ui/bridge/field_problem.h"

class QTableWidget;
class QToolButton;

namespace tunebench::ui {

// The study's listed configurations as a table a person edits: one row per configuration, one
// column per parameter they set (initializer, optimizer, lr, ...). Choices are picked from a list
// (Xavier uniform, Adam, ...), numbers typed; an empty cell leaves the parameter to the study's
// defaults. Add, Duplicate and Remove rows. The engine validates every cell (the window reloads
// the study on each edit) and showProblems() marks the cells it names ("configurations[1].lr").
class ConfigurationsEditor : public QWidget {
  Q_OBJECT

 public:
  explicit ConfigurationsEditor(QWidget* parent = nullptr);

  // Fills the table without emitting edited(); columns are the parameters the rows set.
  void setConfigurations(const QJsonArray& configurations);
  QJsonArray configurations() const;
  // Marks the cells (or rows) the problems name; clears the others.
  void showProblems(const FieldProblems& problems);
  QTableWidget* table() const { return table_; }
  void addRow();        // a copy of the first row at the end
  void duplicateRow();  // a copy of the selected row below it
  void removeRow();     // the selected row

 Q_SIGNALS:
  void edited();

 private:
  void appendRow(const QJsonObject& values, int at);
  void copyRow(int from, int at);  // row `from` copied in at `at`, selected
  QJsonObject rowValues(int row) const;
  void updateHeight();
  QTableWidget* table_;
  QToolButton* duplicate_;
  QToolButton* remove_;
  QStringList keys_;  // the columns' parameters
};

}  // namespace tunebench::ui
