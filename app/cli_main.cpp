// tunebench-cli: the headless front end. Parses the command line and wires engine pieces together.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli_progress.h"
#include "common/user_error.h"
#include "config/study_file.h"
#include "report/results_table.h"
#include "study/study_runner.h"

namespace {

constexpr int kExitUserError = 2;
tunebench::StopSource g_stop;

void onInterrupt(int) { g_stop.requestStop(); }

std::vector<std::filesystem::path> presetFolders() {
  std::vector<std::filesystem::path> folders;
  if (const char* env = std::getenv("TUNEBENCH_PRESETS")) folders.emplace_back(env);
  folders.emplace_back(TUNEBENCH_SOURCE_PRESETS);
  folders.emplace_back(TUNEBENCH_INSTALL_PRESETS);
  return folders;
}

int listPresets() {
  for (const auto& folder : presetFolders()) {
    if (!std::filesystem::is_directory(folder)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      std::string summary;
      try {
        summary = tunebench::loadStudyFile(file.string()).description;
      } catch (const std::exception& error) {
        summary = std::string("(invalid: ") + error.what() + ")";
      }
      std::cout << file.stem().string() << "\t" << file.string() << "\n    " << summary << "\n";
    }
    return 0;
  }
  std::cerr << "tunebench-cli: no presets folder found (set TUNEBENCH_PRESETS)\n";
  return kExitUserError;
}

int runStudy(const std::string& path, const std::string& device, int threads, bool json, bool quiet) {
  tunebench::StudyRunOptions options;
  options.device = device;
  options.cpu_threads = threads;
  tunebench::StudyRunner runner(tunebench::loadStudyFile(path), options);
  runner.prepare();
  const bool show_progress = !quiet && isatty(STDERR_FILENO);
  tunebench::CliProgress progress(runner.plannedTrials().size(), stderr);
  tunebench::EventSink silent;
  if (!quiet) std::fprintf(stderr, "data: %s\n", runner.data().description.c_str());
  std::signal(SIGINT, onInterrupt);
  auto records = runner.run(show_progress ? static_cast<tunebench::EventSink&>(progress) : silent,
                            g_stop.token());
  if (json) {
    std::cout << tunebench::formatResultsJson(records);
  } else {
    std::cout << tunebench::formatResultsTable(records) << "\n"
              << tunebench::formatGroupTable(
                     tunebench::summarizeGroups(records, tunebench::CompareMetric::kValLoss),
                     tunebench::summarizeGroups(records, tunebench::CompareMetric::kValAccuracy));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"TuneBench: compare initializers, optimizers and hyperparameters with LibTorch"};
  app.require_subcommand(1);
  std::string study_path, device;
  int threads = 0;
  bool json = false, quiet = false;
  CLI::App* run = app.add_subcommand("run", "Train the configurations a study file lists");
  run->add_option("study", study_path, "Study file (JSON)")->required();
  run->add_option("--device", device, "auto, cpu, cuda or cuda:N (overrides the study)");
  run->add_option("--threads", threads, "LibTorch intra-op threads (0: the fastest default for this build)")
      ->check(CLI::Range(0, 1024));
  run->add_flag("--json", json, "Print the results as JSON instead of a table");
  run->add_flag("--quiet,-q", quiet, "No progress lines");
  CLI::App* presets = app.add_subcommand("presets", "List the built-in preset studies");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : kExitUserError;
  }
  try {
    if (*presets) return listPresets();
    return runStudy(study_path, device, threads, json, quiet);
  } catch (const tunebench::UserErrors& errors) {
    for (const auto& problem : errors.problems()) std::cerr << "tunebench-cli: error: " << problem.what() << "\n";
    return kExitUserError;
  } catch (const tunebench::UserError& error) {
    std::cerr << "tunebench-cli: error: " << error.what() << "\n";
    return kExitUserError;
  } catch (const std::exception& error) {
    std::cerr << "tunebench-cli: internal error: " << error.what() << "\n";
    return 1;
  }
}
