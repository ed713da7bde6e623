#pragma once
// What every backend writes when it declares a trial STALE (Storage::markStale), so the reason
// reads the same from memory, SQLite and PostgreSQL.
#include <string>

namespace tunebench {

// "stale: no heartbeat from host:42 for 31 s; queued again" (or "; not queued again: tried 3
// times", when the configuration and seed have used up their attempts).
std::string staleReason(const std::string& worker, double silent_seconds, bool queued_again,
                        int attempts);

// Now, in Unix seconds: the clock the local backends stamp heartbeats with.
double unixSecondsNow();

}  // namespace tunebench
