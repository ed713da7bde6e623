#include "report/results_table.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/redact.h"
#include "report/configuration_label.h"

namespace tunebench {
namespace {

// Names the trials' configurations by what tells them apart.
ConfigurationNamer namerOf(const std::vector<FrozenTrial>& trials) {
  std::vector<ParamMap> configurations;
  std::set<std::string> seen;
  for (const FrozenTrial& trial : trials) {
    if (seen.insert(trial.configuration).second) configurations.push_back(trial.params);
  }
  return ConfigurationNamer(configurations);
}

std::string fixed(double value, int digits) {
  if (!std::isfinite(value)) return "-";
  std::ostringstream text;
  text << std::fixed << std::setprecision(digits) << value;
  return text.str();
}

std::string csvCell(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string csvNumber(double value) {
  if (!std::isfinite(value)) return "";
  std::ostringstream text;
  text << std::setprecision(10) << value;
  return text.str();
}

std::string csvLine(const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + csvCell(cells[i]);
  return line + "\n";
}

nlohmann::json numberOrNull(double value) {
  return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

// Characters a terminal shows for UTF-8 text ("·" and "±" are one each, not two bytes).
std::size_t displayWidth(const std::string& text) {
  std::size_t width = 0;
  for (unsigned char c : text) width += (c & 0xC0) != 0x80 ? 1 : 0;
  return width;
}

// Left-aligns the given text columns, right-aligns the rest, two spaces between columns.
std::string alignedTable(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows,
                         const std::vector<std::size_t>& text_columns) {
  std::vector<std::size_t> widths(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) {
    widths[c] = displayWidth(header[c]);
    for (const auto& row : rows) widths[c] = std::max(widths[c], displayWidth(row[c]));
  }
  std::ostringstream out;
  auto emit = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const bool text =
          std::find(text_columns.begin(), text_columns.end(), c) != text_columns.end();
      const std::string pad(widths[c] - displayWidth(cells[c]), ' ');
      out << (c ? "  " : "") << (text ? cells[c] + pad : pad + cells[c]);
    }
    out << '\n';
  };
  emit(header);
  for (const auto& row : rows) emit(row);
  return out.str();
}

}  // namespace

std::string utcTimeText(double unix_seconds) {
  const auto whole = static_cast<std::time_t>(std::floor(unix_seconds));
  std::tm utc{};
  gmtime_r(&whole, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string ageText(double seconds) {
  if (!(seconds >= 1)) return "just now";
  const auto ago = [](double count, const char* unit) {
    return std::to_string(static_cast<long long>(count)) + unit + " ago";
  };
  if (seconds >= 86400) return ago(seconds / 86400, "d");
  if (seconds >= 3600) return ago(seconds / 3600, "h");
  if (seconds >= 60) return ago(seconds / 60, "m");
  return ago(seconds, "s");
}

std::string formatResultsTable(const std::vector<FrozenTrial>& trials,
                               std::optional<double> now_unix_seconds) {
  const std::vector<std::string> header = {
      "trial",   "configuration", "seed",   "state",  "train loss",    "best val loss",
      "val acc", "seconds",       "device", "worker", "last heartbeat"};
  const auto heartbeat = [&](const FrozenTrial& trial) -> std::string {
    if (!trial.heartbeat) return "-";
    return now_unix_seconds ? ageText(*now_unix_seconds - *trial.heartbeat)
                            : utcTimeText(*trial.heartbeat);
  };
  const ConfigurationNamer namer = namerOf(trials);
  std::vector<std::vector<std::string>> rows;
  for (const FrozenTrial& trial : trials) {
    const TrialResult& r = trial.result;
    const double last_loss = r.epochs.empty() ? r.last_train_loss : r.finalTrainLoss();
    rows.push_back({std::to_string(trial.id), namer.label(trial.params), std::to_string(trial.seed),
                    trialStateName(r.state), fixed(last_loss, 4), fixed(r.bestValLoss(), 4),
                    fixed(r.finalValAccuracy(), 4), fixed(r.seconds, 1),
                    trial.device.empty() ? "-" : trial.device,
                    trial.worker.empty() ? "-" : trial.worker, heartbeat(trial)});
  }
  // Why each failed trial failed, under the table (a reason is too long for a column).
  std::string reasons;
  for (const FrozenTrial& trial : trials) {
    if (trial.result.state != TrialState::kFailed || trial.result.reason.empty()) continue;
    reasons += "trial " + std::to_string(trial.id) +
               " FAILED: " + shortened(trial.result.reason, 300) + "\n";
  }
  return alignedTable(header, rows, {1, 3, 9}) + (reasons.empty() ? "" : "\n" + reasons);
}

namespace {
// "+0.0212 [+0.0180, +0.0244] 98.3%": the difference from the best and its Holm-adjusted
// interval, at the level it was drawn (it excludes 0 exactly when the row is significant).
std::string differenceText(const GroupSummary& group) {
  if (group.is_best || !std::isfinite(group.difference_interval.low)) return "-";
  const auto signed_fixed = [](double v) { return (v >= 0 ? "+" : "") + fixed(v, 4); };
  return signed_fixed(group.difference) + " [" + signed_fixed(group.difference_interval.low) +
         ", " + signed_fixed(group.difference_interval.high) + "] " +
         fixed(100.0 * group.interval_level, 1) + "%";
}

// "0.0001 paired" / "0.335 Welch": the p-value the marks use, and its test.
std::string markedText(const GroupSummary& group) {
  if (!std::isfinite(group.p_value_marked)) return "-";
  return fixed(group.p_value_marked, group.p_value_marked < 0.001 ? 5 : 3) +
         (group.paired_complete ? " paired" : " Welch");
}

// "1.5 (2/3)": mean epochs over the seeds that reached the target, and how many did.
std::string epochsToTarget(const GroupSummary& group) {
  if (!group.has_target) return "-";
  if (group.reached_target == 0) return group.completed > 0 ? "never" : "-";
  return fixed(group.mean_epochs_to_target, 1) + " (" + std::to_string(group.reached_target) + "/" +
         std::to_string(group.trials) + ")";
}
}  // namespace

std::string formatGroupTable(const std::vector<GroupSummary>& loss_groups,
                             const std::vector<GroupSummary>& accuracy_groups) {
  const std::vector<std::string> header = {"",
                                           "configuration",
                                           "seeds",
                                           "val loss mean ± sd",
                                           "95% CI",
                                           "Δ vs best [Holm-adjusted CI]",
                                           "p vs best (Holm)",
                                           "val acc mean",
                                           "epochs to target",
                                           "diverged",
                                           "pruned"};
  std::vector<std::vector<std::string>> rows;
  for (std::size_t g = 0; g < loss_groups.size(); ++g) {
    const GroupSummary& group = loss_groups[g];
    const SampleSummary& loss = group.metric;
    const std::string mark = group.is_best ? "best" : (group.tied_with_best ? "~best" : "");
    const std::string ci = std::isfinite(loss.ci_low)
                               ? "[" + fixed(loss.ci_low, 4) + ", " + fixed(loss.ci_high, 4) + "]"
                               : "-";
    rows.push_back(
        {mark, group.label, std::to_string(group.completed) + "/" + std::to_string(group.trials),
         fixed(loss.mean, 4) + " ± " + fixed(loss.sd, 4), ci, differenceText(group),
         group.is_best ? "-" : markedText(group), fixed(accuracy_groups[g].metric.mean, 4),
         epochsToTarget(group), std::to_string(group.diverged), std::to_string(group.pruned)});
  }
  return alignedTable(header, rows, {0, 1});
}

std::string formatResultsJson(const std::vector<FrozenTrial>& trials) {
  const ConfigurationNamer namer = namerOf(trials);
  nlohmann::json rows = nlohmann::json::array();
  for (const FrozenTrial& trial : trials) {
    const TrialResult& r = trial.result;
    nlohmann::json epochs = nlohmann::json::array();
    for (const auto& e : r.epochs) {
      epochs.push_back({{"epoch", e.epoch},
                        {"train_loss", numberOrNull(e.train_loss)},
                        {"val_loss", numberOrNull(e.val_loss)},
                        {"val_accuracy", e.val_accuracy},
                        {"seconds", e.seconds},
                        {"samples_per_second", e.samples_per_second},
                        {"lr", e.lr}});
    }
    rows.push_back({{"trial", trial.id},
                    {"configuration", trial.configuration},
                    {"label", namer.label(trial.params)},
                    {"seed", trial.seed},
                    {"device", trial.device},
                    {"worker", trial.worker},
                    {"heartbeat", trial.heartbeat ? nlohmann::json(utcTimeText(*trial.heartbeat))
                                                  : nlohmann::json(nullptr)},
                    {"heartbeat_unix",
                     trial.heartbeat ? nlohmann::json(*trial.heartbeat) : nlohmann::json(nullptr)},
                    {"state", trialStateName(r.state)},
                    {"reason", r.reason},
                    {"final_train_loss",
                     numberOrNull(r.epochs.empty() ? r.last_train_loss : r.finalTrainLoss())},
                    {"best_val_loss", numberOrNull(r.bestValLoss())},
                    {"val_accuracy", numberOrNull(r.finalValAccuracy())},
                    {"steps", r.steps},
                    {"diverged_step",
                     r.diverged_step ? nlohmann::json(*r.diverged_step) : nlohmann::json(nullptr)},
                    {"seconds", r.seconds},
                    {"epochs", epochs}});
  }
  return rows.dump(2) + "\n";
}

}  // namespace tunebench

namespace tunebench {

std::string formatResultsCsv(const std::vector<FrozenTrial>& trials) {
  std::string out =
      csvLine({"trial", "configuration", "seed", "state", "reason", "epochs", "final_train_loss",
               "best_val_loss", "val_accuracy", "seconds", "device", "worker", "heartbeat"});
  for (const FrozenTrial& trial : trials) {
    const TrialResult& r = trial.result;
    out +=
        csvLine({std::to_string(trial.id), trial.configuration, std::to_string(trial.seed),
                 trialStateName(r.state), r.reason, std::to_string(r.epochs.size()),
                 csvNumber(r.epochs.empty() ? r.last_train_loss : r.finalTrainLoss()),
                 csvNumber(r.bestValLoss()), csvNumber(r.finalValAccuracy()), csvNumber(r.seconds),
                 trial.device, trial.worker, trial.heartbeat ? utcTimeText(*trial.heartbeat) : ""});
  }
  return out;
}

std::string formatEpochsCsv(const std::vector<FrozenTrial>& trials) {
  std::string out = csvLine({"trial", "configuration", "seed", "state", "epoch", "train_loss",
                             "val_loss", "val_accuracy", "seconds", "samples_per_second", "lr"});
  for (const FrozenTrial& trial : trials) {
    for (const EpochMetrics& e : trial.result.epochs) {
      out += csvLine({std::to_string(trial.id), trial.configuration, std::to_string(trial.seed),
                      trialStateName(trial.result.state), std::to_string(e.epoch),
                      csvNumber(e.train_loss), csvNumber(e.val_loss), csvNumber(e.val_accuracy),
                      csvNumber(e.seconds), csvNumber(e.samples_per_second), csvNumber(e.lr)});
    }
  }
  return out;
}

std::string formatGroupsCsv(const std::vector<GroupSummary>& loss_groups,
                            const std::vector<GroupSummary>& accuracy_groups) {
  std::string out =
      csvLine({"configuration", "trials", "completed", "val_loss_mean", "val_loss_sd",
               "val_loss_ci_low", "val_loss_ci_high", "p_value_vs_best", "best",
               "significantly_worse", "val_accuracy_mean", "diverged", "pruned", "failed"});
  for (std::size_t g = 0; g < loss_groups.size(); ++g) {
    const GroupSummary& group = loss_groups[g];
    out += csvLine({group.configuration, std::to_string(group.trials),
                    std::to_string(group.completed), csvNumber(group.metric.mean),
                    csvNumber(group.metric.sd), csvNumber(group.metric.ci_low),
                    csvNumber(group.metric.ci_high), csvNumber(group.p_value_vs_best),
                    group.is_best ? "true" : "false", group.significantly_worse ? "true" : "false",
                    csvNumber(accuracy_groups[g].metric.mean), std::to_string(group.diverged),
                    std::to_string(group.pruned), std::to_string(group.failed)});
  }
  return out;
}

std::string formatGroupsJson(const std::vector<GroupSummary>& loss_groups,
                             const std::vector<GroupSummary>& accuracy_groups) {
  nlohmann::json groups = nlohmann::json::array();
  for (std::size_t g = 0; g < loss_groups.size(); ++g) {
    const GroupSummary& group = loss_groups[g];
    groups.push_back(
        {{"configuration", group.configuration},
         {"label", group.label},
         {"trials", group.trials},
         {"completed", group.completed},
         {"val_loss_mean", numberOrNull(group.metric.mean)},
         {"val_loss_sd", numberOrNull(group.metric.sd)},
         {"val_loss_ci", {numberOrNull(group.metric.ci_low), numberOrNull(group.metric.ci_high)}},
         {"p_value_vs_best", numberOrNull(group.p_value_vs_best)},
         {"paired",
          {{"seeds", group.paired.n},
           {"mean_difference", numberOrNull(group.paired.mean_difference)},
           {"ci", {numberOrNull(group.paired.ci_low), numberOrNull(group.paired.ci_high)}},
           {"p_value", numberOrNull(group.paired.p_value)}}},
         {"difference_from_best",
          {{"value", numberOrNull(group.difference)},
           {"interval",
            {numberOrNull(group.difference_interval.low),
             numberOrNull(group.difference_interval.high)}},
           {"interval_level", numberOrNull(group.interval_level)}}},
         {"marked_test", group.is_best           ? ""
                         : group.paired_complete ? "paired"
                                                 : "welch"},
         {"p_value_marked", numberOrNull(group.p_value_marked)},
         {"best", group.is_best},
         {"significantly_worse", group.significantly_worse},
         {"val_accuracy_mean", numberOrNull(accuracy_groups[g].metric.mean)},
         {"best_seed",
          group.best_seed ? nlohmann::json(*group.best_seed) : nlohmann::json(nullptr)},
         {"worst_seed",
          group.worst_seed ? nlohmann::json(*group.worst_seed) : nlohmann::json(nullptr)},
         {"reached_target", group.reached_target},
         {"mean_epochs_to_target", group.reached_target
                                       ? nlohmann::json(group.mean_epochs_to_target)
                                       : nlohmann::json(nullptr)},
         {"mean_seconds", group.mean_seconds},
         {"diverged", group.diverged},
         {"pruned", group.pruned},
         {"failed", group.failed}});
  }
  return groups.dump(2) + "\n";
}

}  // namespace tunebench
