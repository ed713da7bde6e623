#include "ui/bridge/model_summary_text.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include "run/model_summary.h"

namespace tunebench::ui {
namespace {

QString joined(const std::vector<std::string>& items) {
  QStringList list;
  for (const std::string& item : items) list << QString::fromStdString(item);
  return list.join(QStringLiteral(", "));
}

}  // namespace

ModelSummaryText torchScriptSummaryText(const QString& path) {
  ModelSummaryText text;
  if (path.isEmpty()) {
    text.brief = QCoreApplication::translate("ModelSummary", "Choose the .pt file");
    text.details =
        QCoreApplication::translate("ModelSummary", "Choose the .pt file torch.jit.save wrote.");
    return text;
  }
  try {
    const TorchScriptSummary s = summarizeTorchScript(path.toStdString());
    text.brief = QCoreApplication::translate("ModelSummary", "%1 parameters")
                     .arg(QLocale().toString(static_cast<qlonglong>(s.parameters))) +
                 QLatin1Char('\n') +
                 QCoreApplication::translate("ModelSummary", "%1 weight layers, %2 left as saved")
                     .arg(s.weight_layers.size())
                     .arg(s.left_alone.size());
    text.details = QCoreApplication::translate("ModelSummary", "Initialized: %1.")
                       .arg(joined(s.weight_layers));
    text.details += QLatin1Char(' ') +
                    (s.left_alone.empty()
                         ? QCoreApplication::translate("ModelSummary", "Nothing is left alone.")
                         : QCoreApplication::translate("ModelSummary", "Left as saved: %1.")
                               .arg(joined(s.left_alone)));
    if (!s.input_shape.empty()) {
      QStringList shape;
      for (std::int64_t d : s.input_shape) shape << QString::number(d);
      text.details +=
          QLatin1Char(' ') + QCoreApplication::translate("ModelSummary", "Takes samples of [%1].")
                                 .arg(shape.join(QStringLiteral(", ")));
    }
  } catch (const std::exception& error) {
    text.brief = QCoreApplication::translate("ModelSummary", "Not usable (see the tooltip)");
    text.details = QString::fromStdString(error.what());
  }
  return text;
}

}  // namespace tunebench::ui
