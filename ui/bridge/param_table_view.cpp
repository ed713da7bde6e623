#include "ui/bridge/param_table_view.h"

#include <QCoreApplication>
#include <QHash>

#include "report/configuration_label.h"
#include "trial/param_table.h"

namespace tunebench::ui {

QString Choice::label() const {
  return label_source == nullptr ? name
                                 : QCoreApplication::translate("ChoiceCatalogue", label_source);
}

QString Choice::explanation() const {
  return explanation_source == nullptr
             ? QString()
             : QCoreApplication::translate("ChoiceCatalogue", explanation_source);
}

const QList<Choice>& parameterChoices(const QString& name) {
  static const QHash<QString, QList<Choice>> by_name = [] {
    QHash<QString, QList<Choice>> lists;
    for (const ParamEntry& entry : paramTable()) {
      QList<Choice>& list = lists[QString::fromStdString(entry.name)];
      for (const ParamChoice& choice : entry.choices)
        list.append({QString::fromStdString(choice.name), choice.label, choice.explanation});
    }
    return lists;
  }();
  static const QList<Choice> none;
  const auto it = by_name.find(name);
  return it == by_name.end() ? none : *it;
}

double OptimizerHyperparameter::defaultFor(const QString& optimizer) const {
  return own_defaults.value(optimizer, default_value);
}

QString OptimizerHyperparameter::label() const {
  return QCoreApplication::translate("ParamTable", label_source);
}

const QList<OptimizerHyperparameter>& optimizerHyperparameters() {
  static const QList<OptimizerHyperparameter> list = [] {
    QList<OptimizerHyperparameter> hyperparameters;
    const ParamEntry* optimizer = findParamEntry("optimizer");
    for (const ParamEntry& entry : paramTable()) {
      if (entry.group != ParamGroup::kOptimizer || entry.type != ParamType::kNumber ||
          entry.name == "lr" || !entry.default_value)
        continue;
      OptimizerHyperparameter h;
      h.name = QString::fromStdString(entry.name);
      h.label_source = entry.title;
      h.help = QString::fromStdString(entry.help);
      for (const ParamChoice& choice : optimizer->choices) {
        if (entry.readBy(choice.name)) h.optimizers << QString::fromStdString(choice.name);
      }
      h.default_value = *entry.default_value;
      for (const auto& [owner, value] : entry.owner_defaults)
        h.own_defaults.insert(QString::fromStdString(owner), value);
      h.allow_log = entry.bounds.low && *entry.bounds.low == 0.0 && !entry.bounds.low_inclusive;
      hyperparameters.append(h);
    }
    return hyperparameters;
  }();
  return list;
}

int parameterRank(const QString& name) { return static_cast<int>(paramRank(name.toStdString())); }

QString parameterTitle(const QString& name) {
  const ParamEntry* entry = findParamEntry(name.toStdString());
  if (entry == nullptr) return QString::fromStdString(paramTitle(name.toStdString()));
  return QCoreApplication::translate("ParamTable", entry->title);
}

}  // namespace tunebench::ui
