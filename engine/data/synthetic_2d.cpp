#include "data/synthetic_2d.h"

#include <ATen/ATen.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "common/name_table.h"
#include "common/portable_random.h"

namespace tunebench {
namespace {

constexpr double kPi = 3.14159265358979323846;

struct Point {
  double x;
  double y;
  std::int64_t label;
};

void circle(std::int64_t n, double noise, PortableRandom& rng, std::vector<Point>& out) {
  const double radius = 5.0;
  auto add = [&](double r_low, double r_high) {
    const double r = rng.uniform(r_low, r_high);
    const double angle = rng.uniform(0, 2 * kPi);
    const double x = r * std::sin(angle);
    const double y = r * std::cos(angle);
    const double noise_x = rng.uniform(-radius, radius) * noise;
    const double noise_y = rng.uniform(-radius, radius) * noise;
    const double dist = std::hypot(x + noise_x, y + noise_y);
    out.push_back({x, y, dist < radius * 0.5 ? 1 : 0});
  };
  for (std::int64_t i = 0; i < n / 2; ++i) add(0, radius * 0.5);
  for (std::int64_t i = n / 2; i < n; ++i) add(radius * 0.7, radius);
}

void xorSet(std::int64_t n, double noise, PortableRandom& rng, std::vector<Point>& out) {
  const double padding = 0.3;
  for (std::int64_t i = 0; i < n; ++i) {
    double x = rng.uniform(-5, 5);
    x += x > 0 ? padding : -padding;
    double y = rng.uniform(-5, 5);
    y += y > 0 ? padding : -padding;
    const double noise_x = rng.uniform(-5, 5) * noise;
    const double noise_y = rng.uniform(-5, 5) * noise;
    out.push_back({x, y, (x + noise_x) * (y + noise_y) >= 0 ? 1 : 0});
  }
}

void gaussians(std::int64_t n, double noise, PortableRandom& rng, std::vector<Point>& out) {
  const double variance = 0.5 + (4.0 - 0.5) * noise;
  for (std::int64_t i = 0; i < n; ++i) {
    const bool positive = i < n / 2;
    const double center = positive ? 2.0 : -2.0;
    out.push_back({rng.normal(center, variance), rng.normal(center, variance), positive ? 1 : 0});
  }
}

void spiral(std::int64_t n, double noise, PortableRandom& rng, std::vector<Point>& out) {
  const std::int64_t half = n / 2;
  auto arm = [&](std::int64_t count, double delta, std::int64_t label) {
    for (std::int64_t i = 0; i < count; ++i) {
      const double r = static_cast<double>(i) / count * 5.0;
      const double t = 1.75 * static_cast<double>(i) / count * 2 * kPi + delta;
      const double x = r * std::sin(t) + rng.uniform(-1, 1) * noise;
      const double y = r * std::cos(t) + rng.uniform(-1, 1) * noise;
      out.push_back({x, y, label});
    }
  };
  arm(half, 0.0, 1);
  arm(n - half, kPi, 0);
}

}  // namespace

constexpr NamedValue<Synthetic2dKind> kGeneratorNames[] = {
    {"circle", Synthetic2dKind::kCircle},
    {"xor", Synthetic2dKind::kXor},
    {"gaussians", Synthetic2dKind::kGaussians},
    {"spiral", Synthetic2dKind::kSpiral},
};

std::optional<Synthetic2dKind> parseSynthetic2dKind(const std::string& name) {
  return valueForName(kGeneratorNames, name);
}

std::string synthetic2dKindName(Synthetic2dKind kind) {
  return nameForValue(kGeneratorNames, kind);
}

Dataset generateSynthetic2d(Synthetic2dKind kind, std::int64_t samples, double noise,
                            std::uint64_t seed) {
  if (samples < 2) throw std::invalid_argument("a 2-D set needs at least 2 samples");
  PortableRandom rng(seed);
  std::vector<Point> points;
  points.reserve(static_cast<std::size_t>(samples));
  switch (kind) {
    case Synthetic2dKind::kCircle:
      circle(samples, noise, rng, points);
      break;
    case Synthetic2dKind::kXor:
      xorSet(samples, noise, rng, points);
      break;
    case Synthetic2dKind::kGaussians:
      gaussians(samples, noise, rng, points);
      break;
    case Synthetic2dKind::kSpiral:
      spiral(samples, noise, rng, points);
      break;
  }
  Dataset data;
  data.inputs = at::empty({samples, 2}, at::TensorOptions().dtype(at::kFloat));
  data.targets = at::empty({samples}, at::TensorOptions().dtype(at::kLong));
  auto inputs = data.inputs.accessor<float, 2>();
  auto targets = data.targets.accessor<std::int64_t, 1>();
  for (std::int64_t i = 0; i < samples; ++i) {
    inputs[i][0] = static_cast<float>(points[i].x);
    inputs[i][1] = static_cast<float>(points[i].y);
    targets[i] = points[i].label;
  }
  data.num_classes = 2;
  data.class_names = {"negative", "positive"};
  return data;
}

}  // namespace tunebench
