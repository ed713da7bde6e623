#include "storage/pg_connection.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "common/redact.h"
#include "common/storage_error.h"
#include "common/user_error.h"

namespace tunebench::pg {
namespace {

// SQLSTATEs after which the same work may simply be tried again: the connection is gone
// (class 08, the server shutting down or starting up) or the server chose this transaction to
// give way (serialization failure, deadlock).
bool connectionState(const std::string& state) {
  return state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03";
}
bool retryState(const std::string& state) { return state == "40001" || state == "40P01"; }

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

Params& Params::add(std::int64_t value) {
  values_.emplace_back(std::to_string(value));
  return *this;
}

Params& Params::add(double value) {
  if (std::isnan(value)) {
    values_.emplace_back("NaN");
  } else if (std::isinf(value)) {
    values_.emplace_back(value > 0 ? "Infinity" : "-Infinity");
  } else {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    values_.emplace_back(text);
  }
  return *this;
}

Params& Params::add(const std::string& value) {
  values_.emplace_back(value);
  return *this;
}

Params& Params::add(const std::optional<std::int64_t>& value) {
  if (value) return add(*value);
  values_.emplace_back(std::nullopt);
  return *this;
}

std::vector<const char*> Params::pointers() const {
  std::vector<const char*> pointers;
  for (const auto& value : values_) pointers.push_back(value ? value->c_str() : nullptr);
  return pointers;
}

void Result::release(PGresult* result) { PQclear(result); }
bool Result::ok() const {
  const ExecStatusType status = PQresultStatus(result_.get());  // a null result: out of memory
  return result_ && (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK);
}
std::string Result::sqlstate() const {
  const char* state = result_ ? PQresultErrorField(result_.get(), PG_DIAG_SQLSTATE) : nullptr;
  return state ? state : "";
}
std::string Result::message() const {
  return trimmed(result_ ? PQresultErrorMessage(result_.get()) : "out of memory");
}
int Result::rows() const { return PQntuples(result_.get()); }
int Result::affected() const {
  const char* count = PQcmdTuples(result_.get());
  return count == nullptr || *count == '\0' ? 0 : std::atoi(count);
}
bool Result::isNull(int row, int column) const {
  return PQgetisnull(result_.get(), row, column) == 1;
}
std::string Result::text(int row, int column) const {
  return std::string(PQgetvalue(result_.get(), row, column),
                     static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
}
std::int64_t Result::integer(int row, int column) const {
  return isNull(row, column) ? 0
                             : std::strtoll(PQgetvalue(result_.get(), row, column), nullptr, 10);
}
double Result::real(int row, int column) const {
  return isNull(row, column) ? std::nan("")
                             : std::strtod(PQgetvalue(result_.get(), row, column), nullptr);
}
std::optional<std::int64_t> Result::optionalInteger(int row, int column) const {
  if (isNull(row, column)) return std::nullopt;
  return integer(row, column);
}
std::optional<double> Result::optionalReal(int row, int column) const {
  const double value = real(row, column);
  if (std::isnan(value)) return std::nullopt;
  return value;
}

Connection::Connection(std::string url, bool read_only, std::chrono::milliseconds reconnect_for,
                       StopToken stop)
    : url_(std::move(url)),
      shown_url_(redactSecrets(url_)),
      read_only_(read_only),
      reconnect_for_(reconnect_for),
      stop_(std::move(stop)) {
  // libpq splits the user information at its first '@': the rest of a password would become the
  // host (and show in its messages). Percent-encoded, '@' is %40.
  const std::size_t scheme = url_.find("://");
  if (scheme != std::string::npos) {
    const std::size_t authority_end = url_.find('/', scheme + 3);  // libpq's own boundary
    const std::string authority = url_.substr(scheme + 3, authority_end - (scheme + 3));
    if (std::count(authority.begin(), authority.end(), '@') > 1) {
      throw UserError(shown_url_,
                      "the user name or password holds '@': write it as %40 in the URL, or "
                      "leave the password out and put it in ~/.pgpass or PGPASSWORD");
    }
  }
  connect();
  if (PQstatus(conn_) != CONNECTION_OK) {
    const std::string why = redactSecrets(trimmed(PQerrorMessage(conn_)));
    PQfinish(conn_);
    conn_ = nullptr;
    throw UserError(shown_url_, "cannot connect to the PostgreSQL server (" + why + ")");
  }
}

Connection::~Connection() { PQfinish(conn_); }

void Connection::connect() {
  if (conn_) PQfinish(conn_);
  const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
  const char* values[] = {url_.c_str(), "5", "tunebench", nullptr};
  conn_ = PQconnectdbParams(keys, values, 1);
  if (PQstatus(conn_) != CONNECTION_OK) return;
  // CREATE ... IF NOT EXISTS and the like talk back as notices: not for the user's terminal.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
  if (read_only_) {
    PQclear(PQexec(conn_, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
  }
}

bool Connection::connectionLost() const { return !conn_ || PQstatus(conn_) != CONNECTION_OK; }

Result Connection::exec(const std::string& sql, const Params& params) {
  const auto pointers = params.pointers();
  // Without parameters: the simple protocol, which also runs several statements (the schema).
  Result result(pointers.empty() ? PQexec(conn_, sql.c_str())
                                 : PQexecParams(conn_, sql.c_str(), params.size(), nullptr,
                                                pointers.data(), nullptr, nullptr, 0));
  if (!result.ok()) throw StatementError(result.sqlstate(), result.message());
  return result;
}

void Connection::run(const std::function<void()>& work, bool transaction) {
  const auto deadline = std::chrono::steady_clock::now() + reconnect_for_;
  auto backoff = std::chrono::milliseconds(100);
  std::string last_problem;
  for (;;) {
    if (connectionLost()) {
      connect();
      if (connectionLost()) {
        last_problem = redactSecrets(trimmed(PQerrorMessage(conn_)));
        if (std::chrono::steady_clock::now() + backoff > deadline) {
          throw StorageError(shown_url_,
                             "the PostgreSQL server went away and did not come back "
                             "within " +
                                 std::to_string(reconnect_for_.count() / 1000) + " s (" +
                                 last_problem + ")");
        }
        waitOrStop(backoff, last_problem);
        backoff = std::min(backoff * 2, std::chrono::milliseconds(5000));
        continue;
      }
    }
    try {
      if (transaction) exec("BEGIN");
      work();
      if (transaction) exec("COMMIT");
      return;
    } catch (const StatementError& error) {
      const bool lost = connectionLost() || connectionState(error.sqlstate());
      if (transaction && !connectionLost()) PQclear(PQexec(conn_, "ROLLBACK"));
      if (!lost && !retryState(error.sqlstate()))
        throw StorageError(shown_url_, trimmed(error.what()));
      if (std::chrono::steady_clock::now() > deadline) {
        throw StorageError(shown_url_, "gave up after retrying for " +
                                           std::to_string(reconnect_for_.count() / 1000) + " s (" +
                                           trimmed(error.what()) + ")");
      }
      if (lost && !connectionLost()) {  // the server said it is going away: start afresh
        PQfinish(conn_);
        conn_ = nullptr;
      }
      if (!lost) waitOrStop(std::chrono::milliseconds(10), trimmed(error.what()));
    } catch (...) {
      if (transaction && !connectionLost()) PQclear(PQexec(conn_, "ROLLBACK"));
      throw;
    }
  }
}

void Connection::waitOrStop(std::chrono::milliseconds pause, const std::string& why) const {
  const auto until = std::chrono::steady_clock::now() + pause;
  for (;;) {
    if (stop_.stopRequested()) {
      throw StorageError(shown_url_,
                         "stopped while waiting for the PostgreSQL server (" + why + ")");
    }
    const auto now = std::chrono::steady_clock::now();
    if (now >= until) return;
    std::this_thread::sleep_for(
        std::min<std::chrono::steady_clock::duration>(until - now, std::chrono::milliseconds(50)));
  }
}

}  // namespace tunebench::pg
