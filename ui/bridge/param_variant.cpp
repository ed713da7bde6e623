#include "ui/bridge/param_variant.h"

#include "ui/bridge/param_table_view.h"

#include "report/configuration_label.h"

namespace tunebench::ui {

QVariant variantOf(const ParamValue& value) {
  if (const auto* number = std::get_if<double>(&value)) return *number;
  return QString::fromStdString(std::get<std::string>(value));
}

QVariantMap variantsOf(const ParamMap& params) {
  QVariantMap values;
  for (const auto& [name, value] : params)
    values.insert(QString::fromStdString(name), variantOf(value));
  return values;
}

ParamValue paramValueOf(const QVariant& value) {
  if (value.typeId() == QMetaType::Double) return value.toDouble();
  return value.toString().toStdString();
}

QString valueInWords(const QString& name, const QVariant& value) {
  return QString::fromStdString(valueWords(name.toStdString(), paramValueOf(value)));
}

QString titleOf(const QString& name) { return parameterTitle(name); }

}  // namespace tunebench::ui
