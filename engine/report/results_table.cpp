#include "report/results_table.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

namespace tunebench {
namespace {

std::string fixed(double value, int digits) {
  if (!std::isfinite(value)) return "-";
  std::ostringstream text;
  text << std::fixed << std::setprecision(digits) << value;
  return text.str();
}

nlohmann::json numberOrNull(double value) {
  return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

// Left-aligns the given text columns, right-aligns the rest, two spaces between columns.
std::string alignedTable(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows,
                         const std::vector<std::size_t>& text_columns) {
  std::vector<std::size_t> widths(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) {
    widths[c] = header[c].size();
    for (const auto& row : rows) widths[c] = std::max(widths[c], row[c].size());
  }
  std::ostringstream out;
  auto emit = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const bool text = std::find(text_columns.begin(), text_columns.end(), c) != text_columns.end();
      out << (c ? "  " : "") << (text ? std::left : std::right)
          << std::setw(static_cast<int>(widths[c])) << cells[c];
    }
    out << '\n';
  };
  emit(header);
  for (const auto& row : rows) emit(row);
  return out.str();
}

}  // namespace

std::string formatResultsTable(const std::vector<TrialRecord>& records) {
  const std::vector<std::string> header = {"trial", "configuration", "seed", "state",
                                           "train loss", "best val loss", "val acc", "seconds"};
  std::vector<std::vector<std::string>> rows;
  for (const auto& record : records) {
    const TrialResult& r = record.result;
    const double last_loss = r.epochs.empty() ? r.last_train_loss : r.finalTrainLoss();
    rows.push_back({std::to_string(record.spec.trial_id), record.spec.configuration,
                    std::to_string(record.spec.seed), trialStateName(r.state), fixed(last_loss, 4),
                    fixed(r.bestValLoss(), 4), fixed(r.finalValAccuracy(), 4), fixed(r.seconds, 1)});
  }
  return alignedTable(header, rows, {1, 3});
}

std::string formatGroupTable(const std::vector<GroupSummary>& loss_groups,
                             const std::vector<GroupSummary>& accuracy_groups) {
  const std::vector<std::string> header = {"", "configuration", "seeds", "val loss mean ± sd",
                                           "95% CI", "p vs best", "val acc mean", "diverged",
                                           "pruned"};
  std::vector<std::vector<std::string>> rows;
  for (std::size_t g = 0; g < loss_groups.size(); ++g) {
    const GroupSummary& group = loss_groups[g];
    const SampleSummary& loss = group.metric;
    const std::string mark = group.is_best ? "best" : (group.completed > 0 && !group.significantly_worse ? "~best" : "");
    const std::string ci = std::isfinite(loss.ci_low) ? "[" + fixed(loss.ci_low, 4) + ", " + fixed(loss.ci_high, 4) + "]" : "-";
    rows.push_back({mark, group.configuration,
                    std::to_string(group.completed) + "/" + std::to_string(group.trials),
                    fixed(loss.mean, 4) + " ± " + fixed(loss.sd, 4), ci,
                    group.is_best ? "-" : fixed(group.p_value_vs_best, 3),
                    fixed(accuracy_groups[g].metric.mean, 4), std::to_string(group.diverged),
                    std::to_string(group.pruned)});
  }
  return alignedTable(header, rows, {0, 1});
}

std::string formatResultsJson(const std::vector<TrialRecord>& records) {
  nlohmann::json trials = nlohmann::json::array();
  for (const auto& record : records) {
    const TrialResult& r = record.result;
    nlohmann::json epochs = nlohmann::json::array();
    for (const auto& e : r.epochs) {
      epochs.push_back({{"epoch", e.epoch}, {"train_loss", numberOrNull(e.train_loss)},
                        {"val_loss", numberOrNull(e.val_loss)}, {"val_accuracy", e.val_accuracy},
                        {"seconds", e.seconds}, {"samples_per_second", e.samples_per_second},
                        {"lr", e.lr}});
    }
    trials.push_back({{"trial", record.spec.trial_id},
                      {"configuration", record.spec.configuration},
                      {"seed", record.spec.seed},
                      {"device", record.spec.device.str()},
                      {"state", trialStateName(r.state)},
                      {"reason", r.reason},
                      {"final_train_loss", numberOrNull(r.epochs.empty() ? r.last_train_loss : r.finalTrainLoss())},
                      {"best_val_loss", numberOrNull(r.bestValLoss())},
                      {"val_accuracy", numberOrNull(r.finalValAccuracy())},
                      {"steps", r.steps},
                      {"diverged_step", r.diverged_step ? nlohmann::json(*r.diverged_step) : nlohmann::json(nullptr)},
                      {"seconds", r.seconds},
                      {"epochs", epochs}});
  }
  return trials.dump(2) + "\n";
}

}  // namespace tunebench
