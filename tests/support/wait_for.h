#pragma once
#include <chrono>
#include <functional>

namespace tunebench::testing {

// Polls `ready` every 50 ms for up to `limit`: whether it came true (waiting for an event, with
// a generous deadline, never for a fixed time).
bool waitFor(const std::function<bool()>& ready, std::chrono::seconds limit);

}  // namespace tunebench::testing
