// tunebench-cli: the headless front end. Parses the command line and hands over to the commands.
#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>

#include "cli_commands.h"
#include "common/storage_error.h"
#include "common/user_error.h"

namespace {

constexpr int kExitUserError = 2;

// --jobs: a whole number from 1 to 256, and a message that says which of the two is wrong.
CLI::Validator jobsValidator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        std::size_t used = 0;
        long value = 0;
        try {
          value = std::stol(text, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used == 0 || used != text.size()) return "must be a whole number, got '" + text + "'";
        if (value < 1 || value > 256) return "must be from 1 to 256, got " + text;
        return "";
      },
      "1..256");
}
tunebench::StopSource g_stop;

void onInterrupt(int) { g_stop.requestStop(); }

}  // namespace

int main(int argc, char** argv) {
  using namespace tunebench::cli;
  CLI::App app{"TuneBench: compare initializers, optimizers and hyperparameters with LibTorch"};
  app.require_subcommand(1);
  RunOptions options;
  std::string study_path, format_name = "table";
  bool groups_only = false, trials_only = false, probes = false, importance = false;
  std::string importance_metric = "loss";
  std::int64_t probe_step = 0;

  bool if_missing = false;
  const char* const kStorageHelp = "SQLite study file or postgresql://user@host:port/db";
  // The stored study's location: as the first argument or with --storage (either one).
  const auto addStorage = [&](CLI::App* command) {
    command->add_option("file", options.storage, kStorageHelp);
    command->add_option("--storage", options.storage, kStorageHelp);
    command->add_option("--study", options.study_name, "Which study of the storage");
  };
  CLI::App* run =
      app.add_subcommand("run", "Run a study file's configurations (listed and/or searched)");
  run->add_option("study", study_path, "Study file (JSON)")->required();
  run->add_option("--storage", options.storage,
                  "Where to keep the study: a SQLite file or a postgresql:// URL");
  CLI::App* resume =
      app.add_subcommand("resume", "Continue a stored study after a crash or a stop");
  addStorage(resume);
  CLI::App* create = app.add_subcommand(
      "create", "Put a study file's study in storage for workers to run, and print its name");
  create->add_option("study", study_path, "Study file (JSON)")->required();
  create->add_option("--storage", options.storage, kStorageHelp)->required();
  create->add_flag("--if-missing", if_missing,
                   "A study of that name already there is fine (several create jobs at once)");
  CLI::App* worker = app.add_subcommand(
      "worker", "Claim and run a stored study's trials until its plan is done (one of many)");
  addStorage(worker);
  worker->add_option("--data-root", options.data_root,
                     "Where this host keeps the study's relative data paths");
  for (CLI::App* command : {run, resume, worker}) {
    command->add_option("--jobs,-j", options.jobs, "Trials at once (default: the study's)")
        ->check(jobsValidator());
    command->add_option("--device", options.device,
                        "auto, cpu, cuda or cuda:N (overrides the study)");
    if (command != worker)
      command->add_flag("--json", options.json, "Print the trials as JSON instead of tables");
    command->add_flag("--quiet,-q", options.quiet, "No progress lines");
    command
        ->add_option("--heartbeat", options.liveness.heartbeat_seconds,
                     "Seconds between a running trial's heartbeats (default 10)")
        ->check(CLI::Range(0.05, 3600.0));
    command
        ->add_option("--stale-after", options.liveness.stale_after_seconds,
                     "Seconds of silence after which a running trial is STALE and queued again "
                     "(default 60; more than twice --heartbeat)")
        ->check(CLI::Range(0.1, 86400.0));
    command
        ->add_option("--max-attempts", options.liveness.max_attempts,
                     "Runs of one configuration and seed before a stale one is not queued "
                     "again (default 3)")
        ->check(CLI::Range(1, 100));
  }
  CLI::App* show = app.add_subcommand("show", "Print a stored study's comparison");
  addStorage(show);
  show->add_flag("--groups", groups_only, "Only the per-configuration groups");
  show->add_flag("--trials", trials_only, "Only the per-trial rows");
  show->add_flag("--probes", probes, "Per-layer signal through depth (needs training.probe_every)");
  show->add_option("--at-step", probe_step,
                   "With --probes: the probe step to show (default 0, initialization)");
  show->add_flag("--importance", importance,
                 "Which parameters mattered (PED-ANOVA over the configurations)");
  show->add_option("--metric", importance_metric,
                   "With --importance: loss (default, minimized) or accuracy (maximized)")
      ->check(CLI::IsMember({"loss", "accuracy"}));
  show->add_option("--format", format_name, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  CLI::App* exporter = app.add_subcommand("export", "Write every trial's per-epoch metrics");
  addStorage(exporter);
  exporter->add_option("--format", format_name, "csv or json")
      ->required()
      ->check(CLI::IsMember({"csv", "json"}));
  CLI::App* lr_find = app.add_subcommand(
      "lr-find", "Learning-rate range test on one configuration (trains a throw-away copy)");
  lr_find->add_option("study", study_path, "Study file (JSON)")->required();
  int lr_configuration = 0;
  tunebench::LrFindSettings lr_settings;
  lr_find->add_option("--configuration", lr_configuration,
                      "Which listed configuration, from 0 (default 0; the defaults if none)");
  lr_find->add_option("--steps", lr_settings.steps, "Optimizer steps of the sweep (default 100)")
      ->check(CLI::Range(2, 100000));
  lr_find->add_option("--start", lr_settings.start_lr, "First learning rate (default 1e-7)")
      ->check(CLI::PositiveNumber);
  lr_find->add_option("--end", lr_settings.end_lr, "Last learning rate (default 10)")
      ->check(CLI::PositiveNumber);
  lr_find->add_option("--device", options.device,
                      "auto, cpu, cuda or cuda:N (overrides the study)");
  lr_find->add_option("--format", format_name, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  CLI::App* presets = app.add_subcommand("presets", "List the built-in preset studies");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : kExitUserError;
  }
  for (CLI::App* command : {resume, worker, show, exporter}) {
    if (*command && options.storage.empty()) {
      std::cerr << "tunebench-cli: error: " << command->get_name()
                << " needs the stored study: a SQLite file or a postgresql:// URL\n";
      return kExitUserError;
    }
  }
  if ((*run || *resume || *worker) &&
      options.liveness.stale_after_seconds <= 2 * options.liveness.heartbeat_seconds) {
    std::cerr << "tunebench-cli: error: --stale-after: must be more than twice --heartbeat ("
              << options.liveness.heartbeat_seconds
              << " s), or live trials would be declared stale\n";
    return kExitUserError;
  }
  const Format format = format_name == "csv"    ? Format::kCsv
                        : format_name == "json" ? Format::kJson
                                                : Format::kTable;
  try {
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    // A file-size limit (ulimit -f) then fails the write like a full disk, with a clear storage
    // error and the study kept, instead of killing the process mid-write.
    std::signal(SIGXFSZ, SIG_IGN);
    if (*presets) return listPresets();
    if (*run) return runStudy(study_path, options, g_stop.token());
    if (*resume) return resumeStudy(options, g_stop.token());
    if (*create) return createStudy(study_path, options, if_missing);
    if (*lr_find)
      return findLearningRateRange(study_path, options, lr_configuration, lr_settings, format,
                                   g_stop.token());
    if (*worker) return workOnStudy(options, g_stop.token());
    if (*show && probes) return showProbes(options, probe_step, format);
    if (*show && importance)
      return showImportance(options, importance_metric == "accuracy", format);
    if (*show) {
      const View view = groups_only && !trials_only   ? View::kGroups
                        : trials_only && !groups_only ? View::kTrials
                                                      : View::kBoth;
      return showStudy(options, view, format);
    }
    return exportStudy(options, format);
  } catch (const tunebench::UserErrors& errors) {
    for (const auto& problem : errors.problems())
      std::cerr << "tunebench-cli: error: " << problem.what() << "\n";
    return kExitUserError;
  } catch (const tunebench::UserError& error) {
    std::cerr << "tunebench-cli: error: " << error.what() << "\n";
    return kExitUserError;
  } catch (const RunStopped& error) {  // the study's file failed mid-run: the user's disk or file
    std::cerr << "tunebench-cli: error: " << error.what() << "\n";
    return kExitUserError;
  } catch (const tunebench::StorageError& error) {  // a damaged, locked or unreachable storage
    std::cerr << "tunebench-cli: error: " << error.what() << "\n";
    return kExitUserError;
  } catch (const std::exception& error) {
    std::cerr << "tunebench-cli: internal error: " << error.what() << "\n";
    return 1;
  }
}
