#include "ui/bridge/model_summary_reader.h"

#include "ui/bridge/background_threads.h"
#include "ui/bridge/model_summary_text.h"

namespace tunebench::ui {

ModelSummaryReader::ModelSummaryReader(QObject* parent)
    : QObject(parent), post_(UiPost::to(this)) {}

ModelSummaryReader::~ModelSummaryReader() { post_->close(); }

void ModelSummaryReader::read(const QString& path) {
  pending_ = path;
  BackgroundThreads::start([this, post = post_, path] {
    const ModelSummaryText summary = torchScriptSummaryText(path);
    post->post([this, path, summary] {
      if (path != pending_) return;  // a newer path was asked for meanwhile
      pending_.clear();
      Q_EMIT summarized(path, summary.brief, summary.details);
    });
  });
}

}  // namespace tunebench::ui
