#pragma once
#include <QHash>
#include <QWidget>

#include "ui/bridge/field_problem.h"
#include "ui/bridge/plan_row.h"
#include "ui/setup/setup_fields.h"
#include "ui/setup/study_draft.h"

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QSpinBox;

namespace tunebench::ui {

class ConfigurationsEditor;
class NumberChoiceEditor;

// The study set up with the mouse: data, model, the initializers and optimizers to compare (with
// each optimizer's hyperparameters as fixed values or ranges), learning rate, batch sizes, epochs,
// seeds, sampler, pruner, parallel trials and device. It edits a StudyDraft; problems (its own and
// the engine's, by field path) are flagged beside the field they concern, with the reason.
class SetupPanel : public QWidget {
  Q_OBJECT

 public:
  explicit SetupPanel(const QStringList& devices, QWidget* parent = nullptr);

  void setDraft(const StudyDraft& draft);  // fills the widgets without emitting edited()
  StudyDraft draft() const;
  // Problems the widgets themselves see (text that is not a number, a bad batch size list).
  FieldProblems inputProblems() const;
  // Flags each problem beside its field (red label, reason as tooltip) and lists them below.
  void showProblems(const FieldProblems& problems);
  // The widget that edits `field` ("search.lr.low" -> the learning-rate editor), or nullptr.
  QWidget* fieldWidget(const QString& field) const;
  ConfigurationsEditor* configurationsEditor() const { return configurations_; }
  // The lines under a TorchScript file: what it holds, in brief and (tooltip) in full; the
  // window reads the file.
  void setModelSummary(const QString& brief, const QString& details);
  // The line at the top: what Run will run (the engine's plan), and what cannot take effect.
  void setPlan(const PlanRow& plan);
  QString planText() const;      // as shown (rich text)
  QString modelSummary() const;  // both

 Q_SIGNALS:
  void edited();

 private:
  // A group of rows from the setup field table (setup_fields.h), and one row's editor.
  QWidget* buildGroup(SetupField::Group which, const QString& title);
  QWidget* buildEditor(const SetupField& field, QWidget* parent);
  QWidget* buildSearchGroup();
  QString choiceValue(const QString& key) const;  // a choice row's value ("" for none)
  // `full_width`: the widget goes under its label, across the group (a table).
  void addField(QFormLayout* form, const QString& field, const QString& label, QWidget* widget,
                bool full_width = false);
  QString fieldKeyFor(const QString& field) const;
  void updateVisibleRows();
  // Marks (partly checked) the choices a listed configuration uses that are not searched.
  void markListedChoices();
  // A checklist item of `key` ("initializer") changed by a click (see its comment).
  void choiceClicked(const QString& key, QListWidgetItem* item);

  struct Field {
    QFormLayout* form;
    QLabel* label;
    QWidget* widget;
    QString text;
  };
  QHash<QString, Field> fields_;
  StudyDraft loaded_;

  QStringList devices_;
  QHash<QString, QWidget*> editors_;  // the table's rows by key: the widget that holds the value
  QLabel* model_summary_ = nullptr;
  ConfigurationsEditor* configurations_;
  QListWidget* initializers_;
  QListWidget* optimizers_;
  NumberChoiceEditor* lr_;
  QHash<QString, NumberChoiceEditor*> hyperparameters_;
  QHash<QString, QStringList> searched_;  // checklist key -> the choices ticked (searched)
  QLineEdit* batch_sizes_;
  QLabel* plan_label_;
  QLabel* listed_note_;
  QLabel* problems_label_;
};

}  // namespace tunebench::ui
