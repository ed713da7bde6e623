#include "ui/bridge/fuse_setting.h"

#include "run/run_service.h"

namespace tunebench::ui {

QString fuseSettingValue(bool together) {
  return QString::fromStdString(fuseModeName(together ? FuseMode::kAuto : FuseMode::kOff));
}

bool fusesTogether(const QString& value) {
  const FuseMode mode = value.isEmpty()
                            ? kDefaultFuseMode
                            : parseFuseMode(value.toStdString()).value_or(kDefaultFuseMode);
  return mode == FuseMode::kAuto;
}

}  // namespace tunebench::ui
