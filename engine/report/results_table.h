#pragma once
#include <optional>
#include <string>
#include <vector>

#include "report/group_summary.h"
#include "trial/frozen_trial.h"

namespace tunebench {

// One row per trial: configuration (named by what tells it apart: ConfigurationNamer), seed,
// state, final train loss, best validation loss, validation accuracy, seconds, the device it ran
// on, the worker (host:pid) that ran or holds it and its last heartbeat, as an aligned text table
// (NaN shown as "-"). The heartbeat is an age ("12s ago") when `now_unix_seconds` is given, else
// a UTC time. Each FAILED trial's reason follows the table on a line of its own.
std::string formatResultsTable(const std::vector<FrozenTrial>& trials,
                               std::optional<double> now_unix_seconds = std::nullopt);

// A heartbeat's Unix seconds as UTC, "2026-12-02T19:31:07Z".
std::string utcTimeText(double unix_seconds);
// How long ago: "4s ago", "3m ago", "2h ago", "5d ago" ("just now" within a second or ahead).
std::string ageText(double seconds);

// The same rows as a JSON array of objects (plus each trial's per-epoch metrics and reason;
// "heartbeat" is UTC text, "heartbeat_unix" its seconds, both null when none was recorded):
// "configuration" has every parameter, "label" the words the table shows.
std::string formatResultsJson(const std::vector<FrozenTrial>& trials);

// One row per configuration: seeds done, mean ± sd and 95% CI of the final validation loss, the
// paired difference from the best with its 95% CI, the p-value the marks use (paired when every
// seed is in both, else Welch's; Holm-adjusted) with its test, mean accuracy, diverged/pruned
// counts; the best row is marked "best", rows not significantly different from it "~best".
std::string formatGroupTable(const std::vector<GroupSummary>& loss_groups,
                             const std::vector<GroupSummary>& accuracy_groups);

// The same trial rows as CSV (RFC 4180 quoting), and one row per (trial, epoch) for analysis.
std::string formatResultsCsv(const std::vector<FrozenTrial>& trials);
std::string formatEpochsCsv(const std::vector<FrozenTrial>& trials);

// Group rows as CSV or JSON (loss statistics, with the accuracy groups' means beside them).
std::string formatGroupsCsv(const std::vector<GroupSummary>& loss_groups,
                            const std::vector<GroupSummary>& accuracy_groups);
std::string formatGroupsJson(const std::vector<GroupSummary>& loss_groups,
                             const std::vector<GroupSummary>& accuracy_groups);

}  // namespace tunebench
