#pragma once
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

namespace tunebench::ui {

// The columns both tables append after their own: one per parameter that varies across the
// study's configurations (as optuna-dashboard's trial table has), titled and worded as the
// labels are (report/configuration_label). Values sort as numbers or as names.
class ParameterColumns {
 public:
  void setNames(const QStringList& names) { names_ = names; }
  int count() const { return static_cast<int>(names_.size()); }
  const QStringList& names() const { return names_; }
  QString title(int column) const;
  // A row's cell: the value in words ("Xavier uniform", "0.01"), "-" when it has none.
  QVariant display(const QVariantMap& params, int column) const;
  // A row's sort key: the number, or the name; rows without the parameter sort last.
  QVariant sortKey(const QVariantMap& params, int column) const;

 private:
  QStringList names_;
};

}  // namespace tunebench::ui
