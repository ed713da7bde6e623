#include "support/pg_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <stdexcept>

#include "storage/pg_connection.h"
#include "support/wait_for.h"

namespace tunebench::testing {
namespace {

std::filesystem::path serverBinaries() {
  std::error_code error;
  for (const char* version : {"15", "16", "17", "14", "13"}) {
    const std::filesystem::path bin = std::string("/usr/lib/postgresql/") + version + "/bin";
    if (std::filesystem::exists(bin / "pg_ctl", error)) return bin;
  }
  throw std::runtime_error(
      "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin: install postgresql-15 "
      "(tools/setup.sh --test)");
}

// A port nobody listens on now: the kernel's pick for a socket bound to port 0.
int freeLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t size = sizeof address;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    if (fd >= 0) close(fd);
    throw std::runtime_error("no free loopback port");
  }
  close(fd);
  return ntohs(address.sin_port);
}

}  // namespace

PgServer::PgServer() : bin_(serverBinaries()), port_(freeLoopbackPort()) {
  char pattern[] = "/tmp/tunebench-pg-XXXXXX";
  if (!mkdtemp(pattern)) throw std::runtime_error("cannot make a temp folder for PostgreSQL");
  folder_ = pattern;
  if (geteuid() == 0) {  // PostgreSQL will not run as root: hand the folder to its own account
    const passwd* account = getpwnam("postgres");
    if (!account) throw std::runtime_error("running as root and there is no `postgres` user");
    if (chown(folder_.c_str(), account->pw_uid, account->pw_gid) != 0)
      throw std::runtime_error("cannot hand " + folder_.string() + " to the postgres user");
    run_as_ = "runuser -u postgres -- ";
  }
  const std::string data = (folder_ / "data").string();
  if (run((bin_ / "initdb").string() + " -D " + data +
          " -U tunebench --auth=trust -E UTF8 --no-instructions > " + folder_.string() +
          "/initdb.log 2>&1") != 0)
    throw std::runtime_error("initdb failed; see " + folder_.string() + "/initdb.log");
  // The port was free when the kernel picked it, but another test program may take it before the
  // server binds it: on a failed start, again on a fresh port.
  for (int attempt = 1;; ++attempt) {
    try {
      start();
      return;
    } catch (const std::runtime_error&) {
      if (attempt == 5) throw;
      port_ = freeLoopbackPort();
    }
  }
}

PgServer::~PgServer() {
  stop();
  std::error_code error;
  std::filesystem::remove_all(folder_, error);
}

PgServer& PgServer::shared() {
  static PgServer server;
  return server;
}

int PgServer::run(const std::string& command) const {
  const int status = std::system((run_as_ + command).c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

void PgServer::start() {
  const std::string options = "-p " + std::to_string(port_) + " -k " + folder_.string() +
                              " -c listen_addresses=127.0.0.1 -c fsync=off"
                              " -c synchronous_commit=off -c max_connections=200";
  if (run((bin_ / "pg_ctl").string() + " -D " + (folder_ / "data").string() + " -l " +
          (folder_ / "server.log").string() + " -w -t 120 -o '" + options +
          "' start > /dev/null") != 0)
    throw std::runtime_error("pg_ctl start failed; see " + (folder_ / "server.log").string());
}

void PgServer::stop() {
  run((bin_ / "pg_ctl").string() + " -D " + (folder_ / "data").string() +
      " -m fast -w -t 120 stop > /dev/null 2>&1");
}

std::string PgServer::newDatabase(const std::string& prefix) {
  const std::string base = "postgresql://tunebench@127.0.0.1:" + std::to_string(port_) + "/";
  const std::string name =
      prefix + "_" + std::to_string(getpid()) + "_" + std::to_string(++databases_);
  pg::Connection admin(base + "postgres", false, std::chrono::seconds(30));
  admin.run([&] { admin.exec("CREATE DATABASE " + name); }, false);
  return base + name;
}

int PgServer::connectionsTo(const std::string& url) const {
  const std::string database = url.substr(url.rfind('/') + 1);
  pg::Connection admin(url.substr(0, url.rfind('/') + 1) + "postgres", false,
                       std::chrono::seconds(30));
  int count = 0;
  admin.run(
      [&] {
        count =
            static_cast<int>(admin
                                 .exec("SELECT count(*) FROM pg_stat_activity WHERE datname = $1",
                                       pg::Params().add(database))
                                 .integer(0, 0));
      },
      false);
  return count;
}

namespace detail {
// The gate's locking transaction on the study's database, and a connection to the server's
// `postgres` database that watches (not counted among the study's connections; and in the
// locking transaction the statistics would stay as they were when it began).
struct GateConnections {
  explicit GateConnections(const std::string& url)
      : gate(std::make_unique<pg::Connection>(url, false, std::chrono::seconds(30))),
        watch(url.substr(0, url.rfind('/') + 1) + "postgres", false, std::chrono::seconds(30)) {}
  std::unique_ptr<pg::Connection> gate;
  pg::Connection watch;
  std::int64_t gate_pid = 0;
};
}  // namespace detail

TrialsTableGate::TrialsTableGate(const std::string& url)
    : database_(url.substr(url.rfind('/') + 1)),
      connections_(std::make_unique<detail::GateConnections>(url)) {
  pg::Connection& gate = *connections_->gate;
  gate.run(
      [&] {
        gate.exec("BEGIN");
        gate.exec("LOCK TABLE tunebench_trials IN EXCLUSIVE MODE");
        connections_->gate_pid = gate.exec("SELECT pg_backend_pid()").integer(0, 0);
      },
      false);
}

TrialsTableGate::~TrialsTableGate() = default;

bool TrialsTableGate::releaseWhenWaiting(int sessions, std::chrono::seconds limit) {
  if (!connections_) return false;
  pg::Connection& watch = connections_->watch;
  const auto count = [&](const std::string& sql, pg::Params params) {
    std::int64_t n = 0;
    watch.run([&] { n = watch.exec(sql, params).integer(0, 0); }, false);
    return n;
  };
  const bool all_waiting = waitFor(
      [&] {
        return count(
                   "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND "
                   "wait_event_type = 'Lock'",
                   pg::Params().add(database_)) >= sessions;
      },
      limit);
  pg::Connection& gate = *connections_->gate;
  gate.run([&] { gate.exec("COMMIT"); }, false);
  connections_->gate.reset();
  // The server ends the gate's session after the client has gone: wait for it, so that a test
  // counting the study's connections next sees only its workers'.
  const std::int64_t pid = connections_->gate_pid;
  waitFor(
      [&] {
        return count("SELECT count(*) FROM pg_stat_activity WHERE pid = $1",
                     pg::Params().add(pid)) == 0;
      },
      limit);
  connections_.reset();
  return all_waiting;
}

}  // namespace tunebench::testing
