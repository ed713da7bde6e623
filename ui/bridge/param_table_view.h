#pragma once
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "ui/bridge/param_choice.h"

namespace tunebench::ui {

// The engine's parameter table (trial/param_table.h) as the window reads it: Qt types and
// translated words. The setup panel's lists and hyperparameter rows, the configurations editor's
// choices and column order, and every parameter column title come from here, so a parameter
// added to the table appears in the window without an edit under ui/.

// The values of a named parameter ("initializer", "optimizer", "activation", "model"...) in the
// table's order; empty for a parameter without choices or one the table does not have.
const QList<Choice>& parameterChoices(const QString& name);

// A number an optimizer reads, besides the learning rate (its own row in the panel): the panel
// offers a row for each, shown while a ticked optimizer reads it.
struct OptimizerHyperparameter {
  QString name;                        // the study file's parameter name
  const char* label_source = nullptr;  // "Adam β1": show it through label()
  QString help;                        // what it is, with its valid range (the engine's words)
  QStringList optimizers;              // the optimizers that read it
  double default_value = 0.0;
  QMap<QString, double> own_defaults;  // optimizers whose default differs
  bool allow_log = false;              // a positive number: a log range makes sense
  double defaultFor(const QString& optimizer) const;
  QString label() const;  // in the interface's language
};
const QList<OptimizerHyperparameter>& optimizerHyperparameters();

// A parameter's place in the display order (the table's; past the end for an unknown one).
int parameterRank(const QString& name);
// Its title in the interface's language ("Learning rate", "学习率").
QString parameterTitle(const QString& name);

}  // namespace tunebench::ui
