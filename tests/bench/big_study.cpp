#include "big_study.h"

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "storage/sqlite_storage.h"
#include "trial/param_map.h"

namespace tunebench::bench {
namespace {

void check(int code, sqlite3* db, const char* what) {
  if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW)
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

struct Statement {
  sqlite3_stmt* stmt = nullptr;
  sqlite3* db;
  Statement(sqlite3* database, const char* sql) : db(database) {
    check(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), db, sql);
  }
  ~Statement() { sqlite3_finalize(stmt); }
  void run() {
    check(sqlite3_step(stmt), db, "insert");
    sqlite3_reset(stmt);
  }
};

}  // namespace

std::string writeBigStudy(const std::string& path, std::int64_t trials, std::uint64_t seed) {
  std::ifstream preset(TUNEBENCH_SOURCE_DIR "/resources/presets/fashion-mlp-tpe.json");
  nlohmann::json definition = nlohmann::json::parse(preset);
  const std::string name = "big-study-" + std::to_string(trials);
  definition["name"] = name;
  definition["budget"] = trials;
  std::int64_t study_id = 0;
  {
    SqliteStorage storage(path);  // the real schema
    // As run/stored_study's storedDefinition writes it: the study text, its path and base folder.
    const nlohmann::json stored{{"path", "big-study.json"},
                                {"base_folder", TUNEBENCH_SOURCE_DIR "/resources/presets"},
                                {"study", definition.dump(2)}};
    study_id = storage.createStudy(name, stored.dump());
  }
  sqlite3* db = nullptr;
  check(sqlite3_open(path.c_str(), &db), db, "open");
  check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
  Statement trial(db,
                  "INSERT INTO trials(id, study_id, configuration_index, seed, params, "
                  "configuration, state, reason, worker, device, steps, seconds, diverged_step, "
                  "last_train_loss, pruned_epoch, prune_threshold) "
                  "VALUES(?,?,?,0,?,?,?,?,'bench:1','cpu',?,?,?,?,?,?)");
  Statement epoch(db,
                  "INSERT INTO epochs(trial_id, epoch, train_loss, val_loss, val_accuracy, "
                  "seconds, samples_per_second, elapsed_seconds, lr) VALUES(?,?,?,?,?,?,?,?,?)");
  Statement loss(db,
                 "INSERT INTO train_losses(trial_id, step, epoch, loss, seconds) "
                 "VALUES(?,?,?,?,?)");
  std::mt19937_64 random(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::normal_distribution<double> noise(0.0, 0.01);
  const char* initializers[] = {"xavier_uniform", "kaiming_normal", "normal"};
  const char* optimizers[] = {"momentum", "adam"};
  const double widths[] = {64, 128, 256};
  const double batches[] = {64, 128, 256};
  constexpr int kEpochs = 4;
  constexpr int kPointsPerEpoch = 5;
  for (std::int64_t i = 0; i < trials; ++i) {
    ParamMap params;
    const int init = static_cast<int>(unit(random) * 3) % 3;
    const int opt = static_cast<int>(unit(random) * 2) % 2;
    const double lr = std::pow(10.0, -4.0 + 3.0 * unit(random));
    const double width = widths[static_cast<int>(unit(random) * 3) % 3];
    const double batch = batches[static_cast<int>(unit(random) * 3) % 3];
    params["initializer"] = std::string(initializers[init]);
    params["optimizer"] = std::string(optimizers[opt]);
    params["lr"] = lr;
    params["width"] = width;
    params["batch_size"] = batch;
    // The truth: lr matters most (a best lr per optimizer), then the optimizer, a little width.
    const double best_log_lr = opt == 1 ? -2.7 : -1.7;
    const double final_loss = 0.33 + 0.06 * std::pow(std::log10(lr) - best_log_lr, 2) +
                              (init == 2 ? 0.03 : 0.0) - 0.005 * std::log2(width / 64.0) +
                              noise(random);
    const bool diverged = opt == 0 && lr > 0.05 && unit(random) < 0.5;
    const bool pruned = !diverged && final_loss > 0.42 && unit(random) < 0.6;
    const int epochs = diverged ? 1 : pruned ? 1 + static_cast<int>(unit(random) * 2) : kEpochs;
    const std::int64_t id = i + 1;
    const std::int64_t steps_per_epoch = static_cast<std::int64_t>(60000 / batch);
    double last_loss = 2.3;
    for (int e = 1; e <= epochs; ++e) {
      for (int p = 0; p < kPointsPerEpoch; ++p) {
        const double t = (e - 1) + (p + 1.0) / kPointsPerEpoch;
        last_loss = final_loss + (2.3 - final_loss) * std::exp(-1.5 * t) + noise(random);
        const std::int64_t step = static_cast<std::int64_t>(t * steps_per_epoch);
        sqlite3_bind_int64(loss.stmt, 1, id);
        sqlite3_bind_int64(loss.stmt, 2, step);
        sqlite3_bind_double(loss.stmt, 3, t);
        sqlite3_bind_double(loss.stmt, 4, last_loss);
        sqlite3_bind_double(loss.stmt, 5, t * 3.0);
        loss.run();
      }
      if (diverged) break;  // no finished epoch
      const double val = final_loss + (2.3 - final_loss) * std::exp(-1.5 * e) * 0.3;
      sqlite3_bind_int64(epoch.stmt, 1, id);
      sqlite3_bind_int64(epoch.stmt, 2, e);
      sqlite3_bind_double(epoch.stmt, 3, last_loss);
      sqlite3_bind_double(epoch.stmt, 4, val);
      sqlite3_bind_double(epoch.stmt, 5, std::clamp(1.05 - val * 0.5, 0.1, 0.95));
      sqlite3_bind_double(epoch.stmt, 6, 3.0);
      sqlite3_bind_double(epoch.stmt, 7, 20000.0);
      sqlite3_bind_double(epoch.stmt, 8, e * 3.0);
      sqlite3_bind_double(epoch.stmt, 9, lr);
      epoch.run();
    }
    const std::string params_text = paramsToJson(params).dump();
    const std::string configuration = formatParams(params);
    const char* state = diverged ? "DIVERGED" : pruned ? "PRUNED" : "COMPLETE";
    const std::string reason = diverged ? "loss became NaN at step 40" : pruned ? "pruned" : "";
    sqlite3_bind_int64(trial.stmt, 1, id);
    sqlite3_bind_int64(trial.stmt, 2, study_id);
    sqlite3_bind_int64(trial.stmt, 3, i);
    sqlite3_bind_text(trial.stmt, 4, params_text.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(trial.stmt, 5, configuration.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(trial.stmt, 6, state, -1, SQLITE_STATIC);
    sqlite3_bind_text(trial.stmt, 7, reason.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(trial.stmt, 8, epochs * steps_per_epoch);
    sqlite3_bind_double(trial.stmt, 9, epochs * 3.0);
    if (diverged) {
      sqlite3_bind_int64(trial.stmt, 10, 40);
    } else {
      sqlite3_bind_null(trial.stmt, 10);
    }
    sqlite3_bind_double(trial.stmt, 11, last_loss);
    if (pruned) {
      sqlite3_bind_int64(trial.stmt, 12, epochs);
    } else {
      sqlite3_bind_null(trial.stmt, 12);
    }
    sqlite3_bind_double(trial.stmt, 13, pruned ? 0.4 : 0.0);
    trial.run();
  }
  check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  sqlite3_close(db);
  return name;
}

}  // namespace tunebench::bench
