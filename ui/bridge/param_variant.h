#pragma once
#include <QString>
#include <QVariant>
#include <QVariantMap>

#include "trial/param_map.h"

namespace tunebench::ui {

// A parameter value as the panels hold it (a double or a name) and back.
QVariant variantOf(const ParamValue& value);
QVariantMap variantsOf(const ParamMap& params);
ParamValue paramValueOf(const QVariant& value);
// The value in words, as labels and table cells write it ("Xavier uniform", "0.01").
QString valueInWords(const QString& name, const QVariant& value);
// The parameter's title ("lr" -> "Learning rate").
QString titleOf(const QString& name);

}  // namespace tunebench::ui
