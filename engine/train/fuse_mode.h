#pragma once
#include <optional>
#include <string>

namespace tunebench {

// Whether a study trains same-shape trials together (`"training": {"fuse": ...}`, `--fuse`,
// the window's "Train same-shape trials together"): kAuto fuses the trials that can be, kOff
// trains every trial alone. The names below are the only spelling of these values.
enum class FuseMode { kAuto, kOff };
inline constexpr FuseMode kDefaultFuseMode = FuseMode::kAuto;
std::optional<FuseMode> parseFuseMode(const std::string& name);  // "auto", "off"
std::string fuseModeName(FuseMode mode);
inline constexpr const char* kFuseModeNames = "auto, off";

}  // namespace tunebench
