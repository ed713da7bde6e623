#pragma once
// The SQLite backend's own tools (storage/sqlite_storage.cpp only): prepared statements, write
// transactions, errors in the Storage contract's terms, file URIs.
#include <sqlite3.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "common/storage_error.h"

namespace tunebench::sqlite {

// A failed SQLite call on `db`, as the error the Storage contract names.
inline StorageError sqliteError(sqlite3* db, const std::string& what) {
  const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
  return StorageError(file ? file : "", what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

// A prepared statement; binds by position (1-based) and steps through rows.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) {
      throw sqliteError(db, "SQLite prepare failed");
    }
  }
  Statement(sqlite3* db, const std::string& sql) : Statement(db, sql.c_str()) {}
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, std::int64_t v) { return check(sqlite3_bind_int64(stmt_, i, v)); }
  Statement& bind(int i, double v) {
    return check(std::isnan(v) ? sqlite3_bind_null(stmt_, i) : sqlite3_bind_double(stmt_, i, v));
  }
  Statement& bind(int i, const std::string& v) {
    return check(
        sqlite3_bind_text(stmt_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  }
  Statement& bindOptional(int i, const std::optional<std::int64_t>& v) {
    return v ? bind(i, *v) : check(sqlite3_bind_null(stmt_, i));
  }
  // True while there is a row to read.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw sqliteError(db_, "SQLite step failed");
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL ? std::nan("")
                                                             : sqlite3_column_double(stmt_, column);
  }
  bool isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::optional<std::int64_t> optionalInteger(int column) const {
    if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
    return integer(column);
  }
  std::string text(int column) const {
    const auto* bytes = sqlite3_column_text(stmt_, column);
    return bytes ? reinterpret_cast<const char*>(bytes) : "";
  }

 private:
  Statement& check(int rc) {
    if (rc != SQLITE_OK) throw sqliteError(db_, "SQLite bind failed");
    return *this;
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back if the scope is left by an exception.
class WriteTransaction {
 public:
  explicit WriteTransaction(sqlite3* db) : db_(db) { run("BEGIN IMMEDIATE"); }
  ~WriteTransaction() {
    if (!done_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit() {
    run("COMMIT");
    done_ = true;
  }

 private:
  void run(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
      throw sqliteError(db_, std::string("SQLite ") + sql + " failed");
    }
  }
  sqlite3* db_;
  bool done_ = false;
};

// A path as an SQLite URI ("file:/a%3Fb.db?immutable=1"): %, ? and # escaped.
std::string fileUri(const std::string& path, const std::string& query);

}  // namespace tunebench::sqlite
