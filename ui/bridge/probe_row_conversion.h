#pragma once
#include "ui/bridge/probe_row.h"

namespace tunebench {
struct BoundarySnapshot;
struct ProbeSnapshot;
}  // namespace tunebench

namespace tunebench::ui {

ProbeRow toProbeRow(const ProbeSnapshot& snapshot);
BoundaryRow toBoundaryRow(const BoundarySnapshot& snapshot);

}  // namespace tunebench::ui
