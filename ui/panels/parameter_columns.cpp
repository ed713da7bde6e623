#include "ui/panels/parameter_columns.h"

#include "ui/bridge/param_variant.h"

namespace tunebench::ui {
QString ParameterColumns::title(int column) const { return titleOf(names_.value(column)); }

QVariant ParameterColumns::display(const QVariantMap& params, int column) const {
  const QString& name = names_.value(column);
  const auto it = params.find(name);
  if (it == params.end()) return QStringLiteral("-");
  return valueInWords(name, *it);
}

QVariant ParameterColumns::sortKey(const QVariantMap& params, int column) const {
  const auto it = params.find(names_.value(column));
  return it == params.end() ? QVariant() : *it;  // invalid: after every value
}

}  // namespace tunebench::ui
