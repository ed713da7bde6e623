#include "ui/bridge/search_axis.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "report/axis_scale.h"

namespace tunebench::ui {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

QString SearchAxis::text(const QVariant& value) {
  if (value.typeId() == QMetaType::Double) return QString::number(value.toDouble(), 'g', 4);
  return value.toString();
}

double SearchAxis::position(const QVariant& value) const {
  if (!value.isValid()) return kNaN;
  if (kind == Kind::kCategorical) {
    const qsizetype index = categories.indexOf(text(value));
    if (index < 0) return kNaN;
    return categoryPosition(index);
  }
  bool number = false;
  const double x = value.toDouble(&number);
  if (!number || !std::isfinite(x)) return kNaN;
  if (kind == Kind::kLog) {
    if (x <= 0.0 || low <= 0.0 || high <= low) return kNaN;
    return (std::log(x) - std::log(low)) / (std::log(high) - std::log(low));
  }
  return high > low ? (x - low) / (high - low) : 0.5;
}

double SearchAxis::categoryPosition(qsizetype index) const {
  return (static_cast<double>(index) + 0.5) / static_cast<double>(categories.size());
}

double SearchAxis::valueAt(double p) const {
  switch (kind) {
    case Kind::kLinear:
      return low + p * (high - low);
    case Kind::kLog:
      return std::exp(std::log(low) + p * (std::log(high) - std::log(low)));
    case Kind::kCategorical:
      break;
  }
  return kNaN;
}

QVector<SearchAxis::Tick> SearchAxis::ticks() const {
  QVector<Tick> ticks;
  if (kind == Kind::kCategorical) {
    for (qsizetype i = 0; i < categories.size(); ++i) {
      ticks.append({categoryPosition(i), category_labels.value(i, categories[i])});
    }
  } else if (kind == Kind::kLog && low > 0.0 && high > low) {
    // Every power of ten in the range; the ends too when fewer than two fall inside.
    for (int e = static_cast<int>(std::ceil(std::log10(low) - 1e-9));
         e <= static_cast<int>(std::floor(std::log10(high) + 1e-9)); ++e) {
      const double v = std::pow(10.0, e);
      ticks.append({position(v), QString::number(v, 'g', 3)});
    }
    if (ticks.size() < 2) {
      ticks = {{0.0, QString::number(low, 'g', 3)}, {1.0, QString::number(high, 'g', 3)}};
    }
  } else {
    const AxisScale scale = niceScale(low, high, 5);
    for (int i = 0; i < scale.ticks; ++i) {
      const double v = scale.low + i * scale.step;
      const double p = position(v);
      if (p >= -1e-9 && p <= 1.0 + 1e-9) ticks.append({p, QString::number(v, 'f', scale.decimals)});
    }
  }
  return ticks;
}

SearchAxis SearchAxis::linearOver(const QString& title, const QVector<double>& values) {
  SearchAxis axis;
  axis.title = title;
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    low = std::min(low, v);
    high = std::max(high, v);
  }
  if (low > high) return axis;
  const AxisScale scale = niceScale(low, high, 5);
  axis.low = scale.low;
  axis.high = scale.high;
  return axis;
}

}  // namespace tunebench::ui
