#include "ui/bridge/search_axes.h"

#include <algorithm>

#include "run/run_service.h"
#include "ui/bridge/param_variant.h"

namespace tunebench::ui {
namespace {

void addCategory(SearchAxis& axis, const QVariant& value) {
  const QString text = SearchAxis::text(value);
  if (axis.categories.contains(text)) return;
  axis.categories.append(text);
  axis.category_labels.append(valueInWords(axis.key, value));
}

SearchAxis axisOf(const SearchParam& param) {
  SearchAxis axis;
  axis.key = QString::fromStdString(param.name);
  axis.title = titleOf(axis.key);
  const Distribution& d = param.distribution;
  if (d.kind == Distribution::Kind::kCategorical) {
    axis.kind = SearchAxis::Kind::kCategorical;
    for (const ParamValue& choice : d.choices) addCategory(axis, variantOf(choice));
  } else {
    axis.kind = d.log ? SearchAxis::Kind::kLog : SearchAxis::Kind::kLinear;
    axis.low = d.low;
    axis.high = d.high;
  }
  return axis;
}

// A listed parameter: its values, numbers in numeric order and names in alphabetical order.
SearchAxis listedAxis(const QString& key, const QVector<TrialRow>& rows) {
  SearchAxis axis;
  axis.key = key;
  axis.title = titleOf(key);
  axis.kind = SearchAxis::Kind::kCategorical;
  std::vector<QVariant> values;
  for (const TrialRow& row : rows) {
    const QVariant value = row.params.value(key);
    if (value.isValid() && std::none_of(values.begin(), values.end(), [&](const QVariant& v) {
          return SearchAxis::text(v) == SearchAxis::text(value);
        }))
      values.push_back(value);
  }
  std::sort(values.begin(), values.end(), [](const QVariant& a, const QVariant& b) {
    const bool a_number = a.typeId() == QMetaType::Double;
    const bool b_number = b.typeId() == QMetaType::Double;
    if (a_number != b_number) return a_number;
    return a_number ? a.toDouble() < b.toDouble() : a.toString() < b.toString();
  });
  for (const QVariant& value : values) addCategory(axis, value);
  return axis;
}

}  // namespace

QVector<SearchAxis> searchAxesOf(const StudyOverview& study, const QStringList& varying,
                                 const QVector<TrialRow>& rows) {
  QVector<SearchAxis> axes;
  QStringList searched;
  for (const SearchParam& param : study.search.params()) {
    axes.append(axisOf(param));
    searched.append(axes.back().key);
  }
  for (const QString& key : varying) {
    if (!searched.contains(key)) axes.append(listedAxis(key, rows));
  }
  return axes;
}

}  // namespace tunebench::ui
