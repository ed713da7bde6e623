#include "ui/bridge/lr_find_job.h"

#include <cmath>

#include "common/redact.h"
#include "common/stop_token.h"
#include "run/lr_find_service.h"
#include "ui/bridge/background_threads.h"

namespace tunebench::ui {
namespace {

double orNan(const std::optional<double>& value) { return value ? *value : std::nan(""); }

LrCurve toCurve(const LrFindResult& result) {
  LrCurve curve;
  curve.configuration = QString::fromStdString(result.configuration);
  for (const LrFindPoint& p : result.points) {
    curve.lr.append(p.lr);
    curve.loss.append(p.loss);
    curve.smoothed.append(p.smoothed);
  }
  curve.stop_reason = QString::fromStdString(result.stop_reason);
  const LrSuggestion& s = result.suggestion;
  curve.steepest = orNan(s.steepest);
  curve.minimum = orNan(s.minimum);
  curve.minimum_over_ten = orNan(s.minimum_over_ten);
  const auto range = s.searchRange();
  curve.range_low = range ? range->first : std::nan("");
  curve.range_high = range ? range->second : std::nan("");
  curve.note = QString::fromStdString(s.note);
  return curve;
}

}  // namespace

LrFindJob::LrFindJob(QObject* parent) : QObject(parent), post_(UiPost::to(this)) {}

LrFindJob::~LrFindJob() {
  if (stop_) stop_->requestStop();
  post_->close();
}

bool LrFindJob::start(const QString& text, const QString& origin, const QString& base_folder,
                      int configuration, int steps) {
  if (running_) return false;
  running_ = true;
  stop_ = std::make_unique<StopSource>();
  BackgroundThreads::start([this, post = post_, text = text.toStdString(),
                            origin = origin.toStdString(), folder = base_folder.toStdString(),
                            configuration, steps, token = stop_->token()] {
    std::function<void()> report;
    try {
      LrFindSettings settings;
      settings.steps = steps;
      const StudyOverview study = parseStudyOverview(text, origin, folder);
      const LrCurve curve =
          toCurve(findStudyLearningRate(study, configuration, settings, "", token));
      report = [this, curve] {
        running_ = false;
        Q_EMIT found(curve);
      };
    } catch (const std::exception& error) {
      const QString message = QString::fromStdString(redactSecrets(error.what()));
      report = [this, message] {
        running_ = false;
        Q_EMIT failed(message);
      };
    }
    post->post(std::move(report));  // dropped if the job is gone by then
  });
  return true;
}

}  // namespace tunebench::ui
