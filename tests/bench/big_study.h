#pragma once
#include <cstdint>
#include <string>

namespace tunebench::bench {

// Fills a new SQLite study file at `path` with `trials` plausible finished trials of the
// fashion-mlp-tpe search (initializer, optimizer, log lr, width, batch size), without training:
// each trial's final validation loss follows a known function of its parameters plus noise, its
// epochs and training-loss curve decay towards it; about a quarter are pruned after epoch 1 or 2
// and a few diverge (momentum with lr > 0.05). The schema and the study are made by SqliteStorage,
// the rows are inserted in one transaction (what a real run writes, in seconds instead of days).
// Returns the study's name.
std::string writeBigStudy(const std::string& path, std::int64_t trials, std::uint64_t seed = 7);

}  // namespace tunebench::bench
