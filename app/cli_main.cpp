// tunebench-cli: the headless front end. Parses the command line and hands over to the commands.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <utility>
#include <vector>

#include "cli_commands.h"
#include "common/abandonable.h"
#include "common/redact.h"
#include "common/storage_error.h"
#include "common/user_error.h"
#include "train/fuse_mode.h"

namespace {

using tunebench::cli::kExitInternalError;
using tunebench::cli::kExitUserError;

// An error line on standard error, any password in it hidden.
void printError(const char* kind, const std::string& what) {
  std::cerr << "tunebench-cli: " << kind << ": " << tunebench::redactSecrets(what) << "\n";
}

// Whether everything written to standard output got there (a full disk, a closed pipe).
bool outputWritten() {
  std::cout.flush();
  return std::fflush(stdout) == 0 && !std::ferror(stdout) && std::cout.good();
}

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

// After Ctrl+C or SIGTERM the work stops within seconds (trials INTERRUPTED, resumable). Should
// the process still be here kForceExitSecondsAfterStop later (a wait nothing could cut short),
// it ends anyway: its running trials are left RUNNING, and a resume queues them again.
constexpr unsigned kForceExitSecondsAfterStop = 20;

void onOverdue(int) {
  const char message[] =
      "tunebench-cli: still busy 20 s after the stop; exiting now (continue with resume)\n";
  [[maybe_unused]] const auto written = write(STDERR_FILENO, message, sizeof message - 1);
  _exit(tunebench::cli::kExitInterrupted);
}

volatile std::sig_atomic_t g_signalled = 0;

void onInterrupt(int) {
  g_stop.requestStop();
  if (g_signalled) return;  // the count started with the first signal; another never delays it
  g_signalled = 1;
  std::signal(SIGALRM, onOverdue);
  alarm(kForceExitSecondsAfterStop);
}

using tunebench::cli::Format;
using tunebench::cli::RunOptions;
using tunebench::cli::View;

// What the command line sets, for whichever command it names.
struct CommandLine {
  RunOptions options;
  std::string study_path;
  std::string format_name = "table";
  bool groups_only = false, trials_only = false, probes = false, importance = false;
  bool effects = false;
  std::string importance_metric = "loss";
  std::int64_t probe_step = 0;
  bool if_missing = false;
  int lr_configuration = 0;
  tunebench::LrFindSettings lr_settings;

  Format format() const {
    return format_name == "csv"    ? Format::kCsv
           : format_name == "json" ? Format::kJson
                                   : Format::kTable;
  }
};

const char* const kStorageHelp = "SQLite study file or postgresql://user@host:port/db";

// The stored study's location: as the first argument or with --storage (either one).
void addStorage(CLI::App& command, CommandLine& line) {
  command.add_option("file", line.options.storage, kStorageHelp);
  command.add_option("--storage", line.options.storage, kStorageHelp);
  command.add_option("--study", line.options.study_name, "Which study of the storage");
}

void addStudyFile(CLI::App& command, CommandLine& line) {
  command.add_option("study", line.study_path, "Study file (JSON)")->required();
}

// What the commands that train take: trials at once, device, output, heartbeats.
void addTraining(CLI::App& command, CommandLine& line, bool json) {
  RunOptions& o = line.options;
  command.add_option("--jobs,-j", o.jobs, "Trials at once (default: the study's)")
      ->check(jobsValidator());
  command.add_option("--device", o.device, "auto, cpu, cuda or cuda:N (overrides the study)");
  command
      .add_option("--fuse", o.fuse,
                  std::string("Train same-shape trials as one model: ") +
                      tunebench::kFuseModeNames +
                      " (default: the study's training.fuse, else auto)")
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            return tunebench::parseFuseMode(text)
                       ? ""
                       : std::string("expected ") + tunebench::kFuseModeNames;
          },
          tunebench::kFuseModeNames));
  if (json) command.add_flag("--json", o.json, "Print the trials as JSON instead of tables");
  command.add_flag("--quiet,-q", o.quiet, "No progress lines");
  command
      .add_option("--heartbeat", o.liveness.heartbeat_seconds,
                  "Seconds between a running trial's heartbeats (default 10)")
      ->check(CLI::Range(0.05, 3600.0));
  command
      .add_option("--stale-after", o.liveness.stale_after_seconds,
                  "Seconds of silence after which a running trial is STALE and queued again "
                  "(default 60; more than twice --heartbeat)")
      ->check(CLI::Range(0.1, 86400.0));
  command
      .add_option("--max-attempts", o.liveness.max_attempts,
                  "Runs of one configuration and seed before a stale one is not queued again "
                  "(default 3)")
      ->check(CLI::Range(1, 100));
}

void declareShow(CLI::App& show, CommandLine& line) {
  addStorage(show, line);
  show.add_flag("--groups", line.groups_only, "Only the per-configuration groups");
  show.add_flag("--trials", line.trials_only, "Only the per-trial rows");
  show.add_flag("--probes", line.probes,
                "Per-layer signal through depth (needs training.probe_every)");
  show.add_option("--at-step", line.probe_step,
                  "With --probes: the probe step to show (default 0, initialization)");
  show.add_flag("--importance", line.importance,
                "Which parameters mattered (PED-ANOVA over the configurations)");
  show.add_flag("--effects", line.effects,
                "What each parameter did: its levels paired over the other parameters and seeds");
  show.add_option("--metric", line.importance_metric,
                  "With --importance or --effects: loss (default, minimized) or accuracy")
      ->check(CLI::IsMember({"loss", "accuracy"}));
  show.add_option("--format", line.format_name, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
}

int runShow(CommandLine& line) {
  if (line.probes) return tunebench::cli::showProbes(line.options, line.probe_step, line.format());
  if (line.effects) {
    return tunebench::cli::showEffects(line.options, line.importance_metric == "accuracy",
                                       line.format());
  }
  if (line.importance) {
    return tunebench::cli::showImportance(line.options, line.importance_metric == "accuracy",
                                          line.format());
  }
  const View view = line.groups_only && !line.trials_only   ? View::kGroups
                    : line.trials_only && !line.groups_only ? View::kTrials
                                                            : View::kBoth;
  return tunebench::cli::showStudy(line.options, view, line.format());
}

void declareLrFind(CLI::App& lr_find, CommandLine& line) {
  addStudyFile(lr_find, line);
  tunebench::LrFindSettings& settings = line.lr_settings;
  lr_find.add_option("--configuration", line.lr_configuration,
                     "Which listed configuration, from 0 (default 0; the defaults if none)");
  lr_find.add_option("--steps", settings.steps, "Optimizer steps of the sweep (default 100)")
      ->check(CLI::Range(2, 100000));
  lr_find.add_option("--start", settings.start_lr, "First learning rate (default 1e-7)")
      ->check(CLI::PositiveNumber);
  lr_find.add_option("--end", settings.end_lr, "Last learning rate (default 10)")
      ->check(CLI::PositiveNumber);
  lr_find.add_option("--device", line.options.device,
                     "auto, cpu, cuda or cuda:N (overrides the study)");
  lr_find.add_option("--format", line.format_name, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
}

// One command of tunebench-cli: its name and help, its options, and what it runs.
struct Command {
  const char* name;
  const char* help;
  void (*declare)(CLI::App&, CommandLine&);
  int (*run)(CommandLine&, const tunebench::StopToken&);
  bool needs_storage;  // the stored study's location is required
  bool trains;         // heartbeats apply (--stale-after is checked)
};

// The commands, in the order --help lists them.
const Command kCommands[] = {
    {"plan", "Print what a study file will run: configurations, seeds, trials, rough time",
     [](CLI::App& c, CommandLine& line) {
       addStudyFile(c, line);
       c.add_option("--format", line.format_name, "table or json")
           ->check(CLI::IsMember({"table", "json"}));
     },
     [](CommandLine& line, const tunebench::StopToken&) {
       return tunebench::cli::printPlan(line.study_path, line.format());
     },
     false, false},
    {"run", "Run a study file's configurations (listed and/or searched)",
     [](CLI::App& c, CommandLine& line) {
       addStudyFile(c, line);
       c.add_option("--storage", line.options.storage,
                    "Where to keep the study: a SQLite file or a postgresql:// URL");
       addTraining(c, line, true);
     },
     [](CommandLine& line, const tunebench::StopToken& stop) {
       return tunebench::cli::runStudy(line.study_path, line.options, stop);
     },
     false, true},
    {"resume", "Continue a stored study after a crash or a stop",
     [](CLI::App& c, CommandLine& line) {
       addStorage(c, line);
       addTraining(c, line, true);
       c.add_option("--seeds", line.options.seeds,
                    "Seeds per configuration from now on: the new ones run for every "
                    "configuration (more seeds for a difference not yet significant)")
           ->check(CLI::Range(1, 1000));
     },
     [](CommandLine& line, const tunebench::StopToken& stop) {
       return tunebench::cli::resumeStudy(line.options, stop);
     },
     true, true},
    {"create", "Put a study file's study in storage for workers to run, and print its name",
     [](CLI::App& c, CommandLine& line) {
       addStudyFile(c, line);
       c.add_option("--storage", line.options.storage, kStorageHelp)->required();
       c.add_flag("--if-missing", line.if_missing,
                  "A study of that name already there is fine (several create jobs at once)");
     },
     [](CommandLine& line, const tunebench::StopToken&) {
       return tunebench::cli::createStudy(line.study_path, line.options, line.if_missing);
     },
     false, false},
    {"worker", "Claim and run a stored study's trials until its plan is done (one of many)",
     [](CLI::App& c, CommandLine& line) {
       addStorage(c, line);
       c.add_option("--data-root", line.options.data_root,
                    "Where this host keeps the study's relative data paths");
       addTraining(c, line, false);
     },
     [](CommandLine& line, const tunebench::StopToken& stop) {
       return tunebench::cli::workOnStudy(line.options, stop);
     },
     true, true},
    {"show", "Print a stored study's comparison", declareShow,
     [](CommandLine& line, const tunebench::StopToken&) { return runShow(line); }, true, false},
    {"export", "Write every trial's per-epoch metrics",
     [](CLI::App& c, CommandLine& line) {
       addStorage(c, line);
       c.add_option("--format", line.format_name, "csv or json")
           ->required()
           ->check(CLI::IsMember({"csv", "json"}));
     },
     [](CommandLine& line, const tunebench::StopToken&) {
       return tunebench::cli::exportStudy(line.options, line.format());
     },
     true, false},
    {"lr-find", "Learning-rate range test on one configuration (trains a throw-away copy)",
     declareLrFind,
     [](CommandLine& line, const tunebench::StopToken& stop) {
       return tunebench::cli::findLearningRateRange(line.study_path, line.options,
                                                    line.lr_configuration, line.lr_settings,
                                                    line.format(), stop);
     },
     false, false},
    {"presets", "List the built-in preset studies", [](CLI::App&, CommandLine&) {},
     [](CommandLine&, const tunebench::StopToken&) { return tunebench::cli::listPresets(); }, false,
     false},
};

}  // namespace

int runCommandLine(int argc, char** argv) {
  CLI::App app{"TuneBench: compare initializers, optimizers and hyperparameters with LibTorch"};
  app.require_subcommand(1);
  CommandLine line;
  std::vector<std::pair<const Command*, CLI::App*>> declared;
  for (const Command& command : kCommands) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    command.declare(*sub, line);
    declared.emplace_back(&command, sub);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : kExitUserError;
  }
  const Command* chosen = nullptr;
  for (const auto& [command, sub] : declared) {
    if (*sub) chosen = command;
  }
  if (chosen->needs_storage && line.options.storage.empty()) {
    std::cerr << "tunebench-cli: error: " << chosen->name
              << " needs the stored study: a SQLite file or a postgresql:// URL\n";
    return kExitUserError;
  }
  const tunebench::Liveness& liveness = line.options.liveness;
  if (chosen->trains && liveness.stale_after_seconds <= 2 * liveness.heartbeat_seconds) {
    std::cerr << "tunebench-cli: error: --stale-after: must be more than twice --heartbeat ("
              << liveness.heartbeat_seconds << " s), or live trials would be declared stale\n";
    return kExitUserError;
  }
  try {
    // Commands that train stop cleanly (trials INTERRUPTED, resumable); the others write nothing
    // or one row, and end at once on the signal as any program does.
    if (chosen->trains) {
      std::signal(SIGINT, onInterrupt);
      std::signal(SIGTERM, onInterrupt);
    }
    // A file-size limit (ulimit -f) then fails the write like a full disk, with a clear storage
    // error and the study kept, instead of killing the process mid-write.
    std::signal(SIGXFSZ, SIG_IGN);
    const int code = chosen->run(line, g_stop.token());
    if (!outputWritten()) {
      printError("error",
                 "standard output: could not write everything (a full disk or a closed "
                 "pipe); nothing stored was changed by that");
      return kExitUserError;
    }
    return code;
  } catch (const tunebench::UserErrors& errors) {
    for (const auto& problem : errors.problems()) printError("error", problem.what());
    return kExitUserError;
  } catch (const tunebench::UserError& error) {
    printError("error", error.what());
    return kExitUserError;
  } catch (const tunebench::cli::RunStopped& error) {  // the user's disk, file or server
    printError("error", error.what());
    return kExitUserError;
  } catch (const tunebench::StorageError& error) {  // a damaged, locked or unreachable storage
    printError("error", error.what());
    return kExitUserError;
  } catch (const std::filesystem::filesystem_error& error) {  // a path of the user's
    printError("error", error.what());
    return kExitUserError;
  } catch (const std::exception& error) {
    printError("internal error", std::string(error.what()) +
                                     " (a bug in TuneBench: please report it with the command "
                                     "that gave it)");
    return kExitInternalError;
  }
}

int main(int argc, char** argv) {
  const int code = runCommandLine(argc, argv);
  if (tunebench::abandonedThreads() > 0) {  // a user's model left looping: destroy nothing
    std::cout.flush();
    std::fflush(nullptr);
    std::_Exit(code);
  }
  return code;
}
