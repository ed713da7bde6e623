#pragma once
#include <cmath>
#include <cstdint>
#include <random>

namespace tunebench {

// Uniform and normal draws defined by their bit recipe (not by <random>'s distributions, which
// differ between standard libraries), so a seed means the same sequence everywhere.
class PortableRandom {
 public:
  explicit PortableRandom(std::uint64_t seed) : engine_(seed) {}
  // In [0, 1).
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  double uniform(double low, double high) { return low + (high - low) * unit(); }
  // An index in [0, n).
  std::size_t index(std::size_t n) {
    return static_cast<std::size_t>(unit() * static_cast<double>(n));
  }
  double normal(double mean, double variance) {
    const double u1 = 1.0 - unit();
    const double u2 = unit();
    return mean + std::sqrt(variance) * std::sqrt(-2.0 * std::log(u1)) *
                      std::cos(2.0 * 3.14159265358979323846 * u2);
  }

 private:
  std::mt19937_64 engine_;
};

// Mixes two numbers into one well-spread seed (splitmix64 finalizer).
inline std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b) {
  std::uint64_t z = a + 0x9E3779B97F4A7C15ULL * (b + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace tunebench
