#pragma once
#include <QString>

namespace tunebench::ui {

// What the setup panel says about a TorchScript file: two short lines (its parameter count;
// its weight layers and what the initializers leave alone) and the whole story for the tooltip
// (every layer with its shape), or why it can't be used.
struct ModelSummaryText {
  QString brief;
  QString details;
};
ModelSummaryText torchScriptSummaryText(const QString& path);

}  // namespace tunebench::ui
