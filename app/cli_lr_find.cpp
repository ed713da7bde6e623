// tunebench-cli lr-find: the learning-rate range test on one configuration of a study file.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli_commands.h"
#include "common/user_error.h"
#include "run/lr_find_service.h"

namespace tunebench::cli {
namespace {

nlohmann::json optionalNumber(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

void printTable(const std::string& header, const LrFindSettings& settings,
                const LrFindResult& result) {
  const LrSuggestion& s = result.suggestion;
  std::cout << header << "\n";
  std::cout << "sweep: lr " << formatLearningRate(settings.start_lr) << " .. "
            << formatLearningRate(settings.end_lr) << " over " << settings.steps << " steps; ran "
            << result.points.size();
  if (result.stopped_early) std::cout << " (" << result.stop_reason << ")";
  std::cout << "\n";
  if (s.steepest) std::cout << "steepest descent:  lr " << formatLearningRate(*s.steepest) << "\n";
  if (s.minimum)
    std::cout << "minimum:           lr " << formatLearningRate(*s.minimum)
              << "  (minimum / 10: " << formatLearningRate(*s.minimum_over_ten) << ")\n";
  if (const auto range = s.searchRange())
    std::cout << "suggested range:   lr " << formatLearningRate(range->first) << " .. "
              << formatLearningRate(range->second) << " (log scale)\n";
  if (!s.note.empty()) std::cout << "note: " << s.note << "\n";
  std::cout << "\n          lr        loss    smoothed\n";
  const std::size_t every = std::max<std::size_t>(1, result.points.size() / 20);
  for (std::size_t i = 0; i < result.points.size(); ++i) {
    if (i % every != 0 && i + 1 != result.points.size()) continue;
    const LrFindPoint& p = result.points[i];
    std::printf("%12.3g%12.4g%12.4g\n", p.lr, p.loss, p.smoothed);
  }
  std::fflush(stdout);
}

void printJson(const std::string& configuration, const LrFindResult& result) {
  nlohmann::json points = nlohmann::json::array();
  for (const LrFindPoint& p : result.points)
    points.push_back({{"lr", p.lr}, {"loss", p.loss}, {"smoothed", p.smoothed}});
  const LrSuggestion& s = result.suggestion;
  const auto range = s.searchRange();
  std::cout << nlohmann::json{{"configuration", configuration},
                              {"points", points},
                              {"stopped_early", result.stopped_early},
                              {"stop_reason", result.stop_reason},
                              {"steepest", optionalNumber(s.steepest)},
                              {"minimum", optionalNumber(s.minimum)},
                              {"minimum_over_ten", optionalNumber(s.minimum_over_ten)},
                              {"suggested", optionalNumber(s.suggested())},
                              {"range", range ? nlohmann::json{range->first, range->second}
                                              : nlohmann::json(nullptr)},
                              {"note", s.note}}
                   .dump(2)
            << "\n";
}

}  // namespace

int findLearningRateRange(const std::string& study_path, const RunOptions& options,
                          int configuration, const LrFindSettings& settings, Format format,
                          const StopToken& stop) {
  if (format == Format::kCsv) throw UserError("--format", "lr-find prints a table or json");
  const StudyOverview study = loadStudyOverview(study_path);
  const LrFindResult result =
      findStudyLearningRate(study, configuration, settings, options.device, stop);
  if (format == Format::kJson) {
    printJson(result.configuration, result);
  } else {
    printTable("lr-find on \"" + study.name + "\", configuration " + std::to_string(configuration) +
                   ": " +
                   (result.configuration.empty() ? "the study's defaults" : result.configuration),
               settings, result);
  }
  return 0;
}

}  // namespace tunebench::cli
