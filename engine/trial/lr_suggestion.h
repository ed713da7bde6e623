#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tunebench {

// The learning-rate range test (Smith 2015), with the fastai / Lightning lr_find defaults: the
// learning rate grows exponentially from start_lr to end_lr over `steps` optimizer steps, the
// loss is smoothed by an exponential moving average (beta, bias-corrected), and the sweep stops
// once the smoothed loss passes divergence_factor x its minimum (or a loss is NaN or infinite).
struct LrFindSettings {
  double start_lr = 1e-7;
  double end_lr = 10.0;
  int steps = 100;
  double beta = 0.98;
  double divergence_factor = 4.0;
};

// One step of the sweep: the learning rate it trained with, the batch's loss before the step,
// and the smoothed loss up to it.
struct LrFindPoint {
  double lr = 0.0;
  double loss = 0.0;
  double smoothed = 0.0;
};

// What the curve suggests. `steepest`: where the smoothed loss falls fastest per decade of
// learning rate, skipping the first tenth of the points (early noise) and looking only up to the
// minimum (the rise after it is divergence); the derivative handles uneven log spacing (points
// dropped as NaN). `minimum_over_ten`: a tenth of the learning rate at the smoothed minimum, the
// other classic rule. `note` says why a suggestion is missing (too few points, ...).
struct LrSuggestion {
  std::optional<double> steepest;
  std::optional<double> minimum;
  std::optional<double> minimum_over_ten;
  std::string note;
  // steepest, else minimum_over_ten.
  std::optional<double> suggested() const { return steepest ? steepest : minimum_over_ten; }
  // A log range around the suggestion, [suggested / 10, min(suggested x 10, minimum)], for a
  // search; nullopt without a suggestion.
  std::optional<std::pair<double, double>> searchRange() const;
};

// A learning rate as messages and tables print it: three significant digits ("0.0453", "1e-07").
std::string formatLearningRate(double lr);

// Computes the suggestions from a sweep's points (non-finite ones are ignored).
LrSuggestion suggestLearningRate(const std::vector<LrFindPoint>& points);

// A finished range test (train/lr_finder runs one).
struct LrFindResult {
  std::string configuration;  // what it trained, as the study's tables name it
  std::vector<LrFindPoint> points;
  bool stopped_early = false;
  std::string stop_reason;  // why it ended before `steps` ("", or what happened at which lr)
  LrSuggestion suggestion;
};

}  // namespace tunebench
