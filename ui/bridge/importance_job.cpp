#include "ui/bridge/importance_job.h"

#include <utility>

#include "ui/bridge/background_threads.h"
#include "ui/bridge/param_table_view.h"

namespace tunebench::ui {

ImportanceJob::ImportanceJob(QObject* parent) : QObject(parent), post_(UiPost::to(this)) {}

ImportanceJob::~ImportanceJob() { post_->close(); }

ImportanceJob::Result ImportanceJob::compute(const StudyOverview& study,
                                             const std::vector<FrozenTrial>& trials,
                                             int configurations) {
  Result result;
  result.configurations = configurations;
  try {
    for (const ParamImportance& p : parameterImportance(study, trials, false)) {
      result.parameters.append(parameterTitle(QString::fromStdString(p.name)));
      result.shares.append(p.share);
    }
  } catch (const std::exception&) {
    // nothing to show; the next finished configuration tries again
  }
  return result;
}

void ImportanceJob::request(int configurations, Snapshot snapshot) {
  if (configurations == asked_) return;  // cached: nothing new finished
  asked_ = configurations;
  if (busy_) {
    waiting_ = std::move(snapshot);  // the newest replaces any older one waiting
    return;
  }
  start(snapshot);
}

void ImportanceJob::start(const Snapshot& snapshot) {
  std::optional<Request> request = snapshot();
  if (!request) return;
  busy_ = true;
  BackgroundThreads::start(
      [this, post = post_, request = std::move(*request), generation = generation_] {
        const Result result = compute(request.study, request.trials, request.configurations);
        post->post([this, result, generation] { computed(result, generation); });
      });
}

void ImportanceJob::computed(const Result& result, int generation) {
  busy_ = false;
  if (generation == generation_) {
    last_ = result;
    Q_EMIT ready(result.parameters, result.shares, result.configurations);
  }
  if (waiting_) {
    const Snapshot next = std::move(waiting_);
    waiting_ = nullptr;
    start(next);
  }
}

void ImportanceJob::forget() {
  ++generation_;
  asked_ = -1;
  waiting_ = nullptr;
  last_ = Result{};
}

}  // namespace tunebench::ui
