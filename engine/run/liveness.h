#pragma once

namespace tunebench {

// How workers on one study (threads, processes, hosts) tell each other they are alive: each
// running trial's heartbeat is refreshed every `heartbeat_seconds`; a RUNNING trial silent for
// `stale_after_seconds` is declared STALE and, up to `max_attempts` runs of one configuration
// and seed (the first included), queued again.
struct Liveness {
  double heartbeat_seconds = 10.0;
  double stale_after_seconds = 60.0;
  int max_attempts = 3;
};

}  // namespace tunebench
