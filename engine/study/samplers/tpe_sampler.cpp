#include "study/samplers/tpe_sampler.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "study/samplers/param_sampling.h"

namespace tunebench {
namespace {

constexpr double kPriorWeight = 1.0;
constexpr double kPi = 3.14159265358979323846;

double normalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

// A mixture of Gaussians truncated to [low, high], in the parameter's internal space.
class ParzenEstimator {
 public:
  ParzenEstimator(std::vector<double> observed, double low, double high) : low_(low), high_(high) {
    const double range = high - low;
    std::vector<double> sorted = observed;
    sorted.push_back(0.5 * (low + high));  // the prior's centre
    std::sort(sorted.begin(), sorted.end());
    const double min_sigma = range / std::min(100.0, 1.0 + static_cast<double>(observed.size()));
    for (double mu : observed) {
      const auto it = std::lower_bound(sorted.begin(), sorted.end(), mu);
      const double left = it == sorted.begin() ? mu - low : mu - *std::prev(it);
      const auto next = std::upper_bound(sorted.begin(), sorted.end(), mu);
      const double right = next == sorted.end() ? high - mu : *next - mu;
      mus_.push_back(mu);
      sigmas_.push_back(std::clamp(std::max(left, right), min_sigma, range));
      weights_.push_back(1.0);
    }
    mus_.push_back(0.5 * (low + high));
    sigmas_.push_back(range);
    weights_.push_back(kPriorWeight);
    double total = 0.0;
    for (double w : weights_) total += w;
    for (double& w : weights_) w /= total;
    // Each component's weight over its truncated normalizer, computed once.
    for (std::size_t k = 0; k < mus_.size(); ++k) {
      const double mass =
          normalCdf((high_ - mus_[k]) / sigmas_[k]) - normalCdf((low_ - mus_[k]) / sigmas_[k]);
      coefficients_.push_back(weights_[k] /
                              (sigmas_[k] * std::sqrt(2 * kPi) * std::max(mass, 1e-12)));
    }
  }

  double sample(PortableRandom& rng) const {
    double pick = rng.unit();
    std::size_t k = 0;
    while (k + 1 < weights_.size() && pick >= weights_[k]) pick -= weights_[k++];
    for (int attempt = 0; attempt < 100; ++attempt) {
      const double x = rng.normal(mus_[k], sigmas_[k] * sigmas_[k]);
      if (x >= low_ && x <= high_) return x;
    }
    return std::clamp(mus_[k], low_, high_);
  }

  double logDensity(double x) const {
    double density = 0.0;
    for (std::size_t k = 0; k < mus_.size(); ++k) {
      const double z = (x - mus_[k]) / sigmas_[k];
      density += coefficients_[k] * std::exp(-0.5 * z * z);
    }
    return std::log(std::max(density, 1e-300));
  }

 private:
  double low_, high_;
  std::vector<double> mus_, sigmas_, weights_, coefficients_;
};

double worstLast(const Observation& o) {
  const double v = *o.value;
  return std::isfinite(v) ? v : std::numeric_limits<double>::infinity();
}

// Numeric values of `name` among the observations that have it, in internal space.
std::vector<double> internalValues(const std::vector<const Observation*>& group,
                                   const SearchParam& param) {
  std::vector<double> values;
  for (const Observation* o : group) {
    const auto it = o->params.find(param.name);
    if (it != o->params.end())
      values.push_back(toInternal(param.distribution, std::get<double>(it->second)));
  }
  return values;
}

std::vector<double> categoricalWeights(const std::vector<const Observation*>& group,
                                       const SearchParam& param) {
  const auto& choices = param.distribution.choices;
  std::vector<double> weights(choices.size(), kPriorWeight / choices.size());
  for (const Observation* o : group) {
    const auto it = o->params.find(param.name);
    if (it == o->params.end()) continue;
    for (std::size_t c = 0; c < choices.size(); ++c) {
      if (sameParamValue(choices[c], it->second)) weights[c] += 1.0;
    }
  }
  double total = 0.0;
  for (double w : weights) total += w;
  for (double& w : weights) w /= total;
  return weights;
}

ParamValue sampleCategorical(const SearchParam& param, const std::vector<const Observation*>& below,
                             const std::vector<const Observation*>& above, int candidates,
                             PortableRandom& rng) {
  const std::vector<double> l = categoricalWeights(below, param);
  const std::vector<double> g = categoricalWeights(above, param);
  std::size_t best = 0;
  double best_score = -std::numeric_limits<double>::infinity();
  for (int i = 0; i < candidates; ++i) {
    double pick = rng.unit();
    std::size_t k = 0;
    while (k + 1 < l.size() && pick >= l[k]) pick -= l[k++];
    const double score = std::log(l[k]) - std::log(g[k]);
    if (score > best_score) {
      best_score = score;
      best = k;
    }
  }
  return param.distribution.choices[best];
}

ParamValue sampleNumeric(const SearchParam& param, const std::vector<const Observation*>& below,
                         const std::vector<const Observation*>& above, int candidates,
                         PortableRandom& rng) {
  const Distribution& d = param.distribution;
  const auto [low, high] = internalRange(d);
  const ParzenEstimator l(internalValues(below, param), low, high);
  const ParzenEstimator g(internalValues(above, param), low, high);
  double best = l.sample(rng);
  double best_score = -std::numeric_limits<double>::infinity();
  for (int i = 0; i < candidates; ++i) {
    const double x = l.sample(rng);
    const double score = l.logDensity(x) - g.logDensity(x);
    if (score > best_score) {
      best_score = score;
      best = x;
    }
  }
  return snapNumeric(d, fromInternal(d, best));
}

}  // namespace

std::optional<ParamMap> TpeSampler::sample(const StudyView& study, const SearchSpace& space) {
  PortableRandom rng(mixSeed(seed_, study.configurations.size()));
  std::vector<const Observation*> finished, pending;
  for (const Observation& o : study.configurations) {
    (o.value ? finished : pending).push_back(&o);
  }
  ParamMap chosen;
  if (finished.size() < static_cast<std::size_t>(std::max(startup_trials_, 1))) {
    for (const SearchParam& param : space.params()) {
      if (SearchSpace::isActive(param, chosen))
        chosen[param.name] = sampleUniformly(param.distribution, rng);
    }
    return chosen;
  }
  std::stable_sort(
      finished.begin(), finished.end(),
      [](const Observation* a, const Observation* b) { return worstLast(*a) < worstLast(*b); });
  const auto n_below = std::min<std::size_t>(
      static_cast<std::size_t>(std::ceil(0.1 * static_cast<double>(finished.size()))), 25);
  const std::vector<const Observation*> below(finished.begin(),
                                              finished.begin() + std::max<std::size_t>(1, n_below));
  std::vector<const Observation*> above(finished.begin() + std::max<std::size_t>(1, n_below),
                                        finished.end());
  // Constant liar (Optuna's constant_liar): configurations still running count among the worst,
  // so that proposals made while they run (a fused group's, another job's) stay away from them.
  above.insert(above.end(), pending.begin(), pending.end());
  for (const SearchParam& param : space.params()) {
    if (!SearchSpace::isActive(param, chosen)) continue;
    chosen[param.name] = param.distribution.kind == Distribution::Kind::kCategorical
                             ? sampleCategorical(param, below, above, ei_candidates_, rng)
                             : sampleNumeric(param, below, above, ei_candidates_, rng);
  }
  return chosen;
}

std::int64_t TpeSampler::proposalsAhead(std::int64_t finished, std::int64_t pending) const {
  if (finished < startup_trials_)
    return std::max<std::int64_t>(0, startup_trials_ - finished - pending);
  return std::max<std::int64_t>(0, std::max<std::int64_t>(1, finished / 4) - pending);
}

}  // namespace tunebench
