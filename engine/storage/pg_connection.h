#pragma once
// The PostgreSQL backend's own tools (storage/postgres_storage.cpp only): one libpq connection
// that comes back after the server goes away, parameters in text form, results read by column.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/stop_token.h"

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

namespace tunebench::pg {

// One query's parameters, sent as text ($1, $2, ...). NaN and infinities are PostgreSQL's
// 'NaN' and 'Infinity'; an empty optional is NULL.
class Params {
 public:
  Params& add(std::int64_t value);
  Params& add(double value);
  Params& add(const std::string& value);
  Params& add(const std::optional<std::int64_t>& value);
  int size() const { return static_cast<int>(values_.size()); }
  std::vector<const char*> pointers() const;

 private:
  std::vector<std::optional<std::string>> values_;
};

// A query's rows; columns read by index.
class Result {
 public:
  explicit Result(PGresult* result) : result_(result, &release) {}
  bool ok() const;               // the statement succeeded (with or without rows)
  std::string sqlstate() const;  // when not ok: the server's code, "" for a client-side failure
  std::string message() const;
  int rows() const;
  int affected() const;  // rows an INSERT, UPDATE or DELETE wrote
  bool isNull(int row, int column) const;
  std::string text(int row, int column) const;
  std::int64_t integer(int row, int column) const;  // 0 when NULL
  double real(int row, int column) const;           // NaN when NULL
  std::optional<std::int64_t> optionalInteger(int row, int column) const;
  std::optional<double> optionalReal(int row, int column) const;  // NULL and NaN: none

 private:
  static void release(PGresult* result);
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_;
};

// A statement the server refused: its SQLSTATE ("23505": unique violation) and message.
class StatementError : public std::runtime_error {
 public:
  StatementError(std::string sqlstate, const std::string& message)
      : std::runtime_error(message), sqlstate_(std::move(sqlstate)) {}
  const std::string& sqlstate() const { return sqlstate_; }

 private:
  std::string sqlstate_;
};

// One connection to the server. Not thread-safe: the storage serializes its calls.
class Connection {
 public:
  // Connects (throws StorageError naming the redacted URL when the server can't be reached
  // within `reconnect_for`). `read_only` sessions refuse every write on the server side. A stop
  // requested on `stop` ends any wait for the server at once (run() throws StorageError).
  Connection(std::string url, bool read_only, std::chrono::milliseconds reconnect_for,
             StopToken stop = StopToken());
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  const std::string& shownUrl() const { return shown_url_; }

  // Runs `work` inside BEGIN ... COMMIT (or just once, with `transaction` false). When the
  // connection is lost, or the server asks for a retry (serialization failure, deadlock), it
  // reconnects with backoff (100 ms doubling to 5 s, for up to `reconnect_for` in all) and runs
  // `work` again from the start: `work` must be safe to repeat. A stop ends the waiting between
  // tries with StorageError (the work not done). Other failures throw
  // StorageError; exceptions from `work` pass through after a rollback.
  void run(const std::function<void()>& work, bool transaction = true);

  // One statement on the open connection (inside run()); throws StatementError when the server
  // refuses it.
  Result exec(const std::string& sql, const Params& params = Params());

 private:
  void connect();
  bool connectionLost() const;
  // Sleeps `pause`, or less when a stop comes first: then throws StorageError naming `why`.
  void waitOrStop(std::chrono::milliseconds pause, const std::string& why) const;
  std::string url_;
  std::string shown_url_;
  bool read_only_;
  std::chrono::milliseconds reconnect_for_;
  StopToken stop_;
  PGconn* conn_ = nullptr;
};

}  // namespace tunebench::pg
