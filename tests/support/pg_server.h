#pragma once
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

namespace tunebench::testing {

// A throw-away PostgreSQL server for the tests that need one: initdb into a fresh temp folder,
// started with pg_ctl on a free loopback port, as an unprivileged user (the `postgres` account
// when the tests run as root, since PostgreSQL refuses to run as root); stopped and its folder
// removed by the destructor. Needs Debian's postgresql-15 (tools/setup.sh --test): without it
// the constructor throws std::runtime_error saying so.
class PgServer {
 public:
  PgServer();
  ~PgServer();
  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;

  // The shared server of this test program, started on first use.
  static PgServer& shared();

  // A fresh, empty database on the server and its URL (postgresql://tunebench@127.0.0.1:P/db).
  std::string newDatabase(const std::string& prefix = "t");
  // How many client connections the server has to `database` right now.
  int connectionsTo(const std::string& url) const;
  int port() const { return port_; }

  // Stops the server (fast shutdown: clients are disconnected) and starts it again on the same
  // port and data.
  void stop();
  void start();

 private:
  int run(const std::string& command) const;  // as the server's user; the exit status
  std::filesystem::path folder_;
  std::filesystem::path bin_;
  std::string run_as_;  // "" or "runuser -u postgres -- "
  int port_ = 0;
  int databases_ = 0;
};

namespace detail {
struct GateConnections;
}

// Holds the trials table of the study database at `url` locked (EXCLUSIVE: reads go on, claims
// and proposals wait) from construction until release(), so that workers started meanwhile
// begin claiming together: none still loading its libraries while another runs the whole study.
class TrialsTableGate {
 public:
  explicit TrialsTableGate(const std::string& url);
  ~TrialsTableGate();
  // Waits until `sessions` connections to the database wait on a lock (or `limit` passes), then
  // lets them all go; whether they were all waiting. The gate's connections close here.
  bool releaseWhenWaiting(int sessions, std::chrono::seconds limit);

 private:
  std::string database_;
  std::unique_ptr<detail::GateConnections> connections_;
};

}  // namespace tunebench::testing
