// tunebench-cli plan: what a study file will run, before anything trains (writes nothing).
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli_commands.h"
#include "common/user_error.h"
#include "report/configuration_label.h"
#include "run/run_service.h"

namespace tunebench::cli {
namespace {

// Each planned configuration's name, by what tells it apart from the others.
std::vector<std::string> labelsOf(const PlanSummary& plan) {
  const ConfigurationNamer namer(plan.configurations);
  std::vector<std::string> labels;
  for (const ParamMap& configuration : plan.configurations)
    labels.push_back(namer.label(configuration));
  return labels;
}

void printJson(const StudyOverview& study) {
  const PlanSummary& plan = study.plan;
  const std::vector<std::string> labels = labelsOf(plan);
  nlohmann::json configurations = nlohmann::json::array();
  for (std::size_t i = 0; i < plan.configurations.size(); ++i) {
    configurations.push_back(
        {{"index", i}, {"label", labels[i]}, {"params", paramsToJson(plan.configurations[i])}});
  }
  std::cout << nlohmann::json{{"study", study.name},
                              {"sentence", planSentence(plan)},
                              {"trials", plan.trials},
                              {"seeds", plan.seeds},
                              {"listed", plan.listed},
                              {"search_points", plan.search_points},
                              {"sampler", plan.sampler},
                              {"crossed", plan.crossed},
                              {"unused", plan.unused},
                              {"chosen_later", plan.chosen_later},
                              {"configurations", configurations},
                              {"estimated_seconds", plan.seconds ? nlohmann::json(*plan.seconds)
                                                                 : nlohmann::json(nullptr)},
                              {"notes", planNotes(plan)}}
                   .dump(2)
            << "\n";
}

void printTable(const StudyOverview& study) {
  const PlanSummary& plan = study.plan;
  const std::vector<std::string> labels = labelsOf(plan);
  std::cout << "Plan of \"" << study.name << "\": " << planSentence(plan) << "\n\n";
  std::printf("%5s  %s\n", "#", "configuration");
  for (std::size_t i = 0; i < plan.configurations.size(); ++i)
    std::printf("%5zu  %s\n", i + 1, labels[i].c_str());
  if (plan.chosen_later > 0)
    std::printf("%5s  (%lld chosen by TPE as results come in)\n", "...",
                static_cast<long long>(plan.chosen_later));
  std::printf("\nEach runs under %lld seed(s).\n", static_cast<long long>(plan.seeds));
  for (const std::string& note : planNotes(plan)) std::cout << "note: " << note << "\n";
  std::fflush(stdout);
}

}  // namespace

int printPlan(const std::string& study_path, Format format) {
  if (format == Format::kCsv) throw UserError("--format", "plan prints a table or json");
  const StudyOverview study = loadStudyOverview(study_path);
  if (format == Format::kJson) {
    printJson(study);
  } else {
    printTable(study);
  }
  return 0;
}

}  // namespace tunebench::cli
