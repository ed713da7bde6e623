#pragma once
#include <QObject>
#include <QString>

#include <memory>

#include "ui/bridge/ui_post.h"

namespace tunebench::ui {

// Reads a TorchScript file's summary (torchScriptSummaryText: torch::jit::load) on a thread of
// its own, so a big, slow or hostile file never holds up the window. Only the newest path asked
// for is reported: a summary of a path asked for earlier is dropped when it arrives.
class ModelSummaryReader : public QObject {
  Q_OBJECT

 public:
  explicit ModelSummaryReader(QObject* parent = nullptr);
  ~ModelSummaryReader() override;

  // Starts reading `path` (an empty path is answered at once, with what to choose).
  void read(const QString& path);

 Q_SIGNALS:
  // The summary of `path`: two short lines and the whole story for a tooltip.
  void summarized(const QString& path, const QString& brief, const QString& details);

 private:
  std::shared_ptr<UiPost> post_;
  QString pending_;  // the newest path asked for, until its summary arrives
};

}  // namespace tunebench::ui
