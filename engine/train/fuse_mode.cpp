#include "train/fuse_mode.h"

namespace tunebench {

std::optional<FuseMode> parseFuseMode(const std::string& name) {
  if (name == "auto") return FuseMode::kAuto;
  if (name == "off") return FuseMode::kOff;
  return std::nullopt;
}

std::string fuseModeName(FuseMode mode) { return mode == FuseMode::kAuto ? "auto" : "off"; }

}  // namespace tunebench
