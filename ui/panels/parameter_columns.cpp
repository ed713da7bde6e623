#include "ui/panels/parameter_columns.h"

#include "report/configuration_label.h"

namespace tunebench::ui {
namespace {

ParamValue paramValueOf(const QVariant& value) {
  if (value.typeId() == QMetaType::Double) return value.toDouble();
  return value.toString().toStdString();
}

}  // namespace

QString ParameterColumns::title(int column) const {
  return QString::fromStdString(paramTitle(names_.value(column).toStdString()));
}

QVariant ParameterColumns::display(const QVariantMap& params, int column) const {
  const QString& name = names_.value(column);
  const auto it = params.find(name);
  if (it == params.end()) return QStringLiteral("-");
  return QString::fromStdString(valueWords(name.toStdString(), paramValueOf(*it)));
}

QVariant ParameterColumns::sortKey(const QVariantMap& params, int column) const {
  const auto it = params.find(names_.value(column));
  return it == params.end() ? QVariant() : *it;  // invalid: after every value
}

}  // namespace tunebench::ui
