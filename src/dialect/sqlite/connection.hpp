// RAII handles for SQLite: a connection, a prepared statement, a script of statements, a
// transaction. Every failure throws DatabaseError with SQLite's extended code and the statement.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "dbmigrate/error.hpp"

namespace dbmigrate::sqlite {

class Statement;

// When SQLite's (extended) result code blames the environment rather than the SQL: a read-only
// file or folder, a full disk, a damaged file, an I/O error. Then the cause in words and what to
// do; nullopt for a statement's own failure (a constraint, a syntax error).
struct EnvironmentFault {
  std::string cause;
  std::string advice;
};
[[nodiscard]] std::optional<EnvironmentFault> environment_fault(int result_code);

// Whether the error is another connection holding the lock the statement needed (SQLITE_BUSY,
// after the busy timeout, if any, ran out).
[[nodiscard]] bool is_busy(const DatabaseError& error) noexcept;

// The connection's last error as a DatabaseError for `statement` (empty for an open): kind
// `input` for a fault of the environment (exit 2), `database` otherwise.
[[nodiscard]] DatabaseError last_error(sqlite3* db, std::string_view statement);

class Connection {
 public:
  // Opens (flags as for sqlite3_open_v2); throws DatabaseError naming the path.
  explicit Connection(const std::string& path,
                      int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  Connection(Connection&& other) noexcept = default;
  Connection& operator=(Connection&& other) noexcept = default;
  ~Connection() = default;

  // For SQLite's own APIs (busy handling, backup, authorizer); the connection keeps ownership.
  [[nodiscard]] sqlite3* handle() const noexcept { return db_.get(); }

  // Runs one or more statements; throws DatabaseError for the one that failed.
  void execute(std::string_view sql);
  [[nodiscard]] Statement prepare(std::string_view sql) const;
  [[nodiscard]] std::optional<std::string> query_text(std::string_view sql) const;
  [[nodiscard]] std::int64_t query_int(std::string_view sql) const;

  // How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
  void set_busy_timeout(std::chrono::milliseconds timeout);

 private:
  friend class Statement;
  friend class Script;
  // Shared with the connection's statements: closed (sqlite3_close_v2) when the connection and
  // every statement prepared on it are gone, so that a statement cannot outlive its database.
  std::shared_ptr<sqlite3> db_;
};

class Statement {
 public:
  // Prepares the first statement of `sql`; throws DatabaseError when SQLite cannot.
  Statement(const Connection& connection, std::string_view sql);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;
  ~Statement() = default;

  // Each throws DatabaseError when SQLite refuses the value (no such parameter, too big).
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind_null(int index);

  // Advances to the next row; false when done. Throws DatabaseError on failure.
  bool step();
  void reset();

  [[nodiscard]] bool is_null(int column) const;
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::optional<std::string> optional_text(int column) const;
  // The value without a copy, valid until the next step(); none for NULL.
  [[nodiscard]] std::optional<std::string_view> text_view(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;
  [[nodiscard]] int column_count() const;

 private:
  friend class Script;
  struct Finalize {
    void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
  };
  Statement(std::shared_ptr<sqlite3> db, sqlite3_stmt* statement, std::string sql);
  void check_bind(int rc);

  std::shared_ptr<sqlite3> db_;
  std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
  std::string sql_;
};

// The statements of a script, one at a time, cut where SQLite cuts them (its tail pointer, so
// a trigger's inner semicolons stay inside it). Each is prepared only when reached, as it may use
// a table the one before created. `skip` moves an offset past blanks and comments, so that
// offset() is where the statement's own text starts (for line numbers in messages).
class Script {
 public:
  using Skip = std::size_t (*)(std::string_view sql, std::size_t offset);
  Script(const Connection& connection, std::string_view sql, Skip skip = nullptr);

  // The next statement, prepared; nullopt at the end of the text, or where SQLite reads no
  // statement (a NUL byte: see finished()). Throws DatabaseError when one cannot be prepared.
  [[nodiscard]] std::optional<Statement> next();
  // Called with each statement's offset before SQLite prepares it (an authorizer's bookkeeping).
  void before_prepare(std::function<void(std::size_t offset)> callback) {
    before_prepare_ = std::move(callback);
  }
  // Where the statement last returned (or failed to prepare) starts, and its text.
  [[nodiscard]] std::size_t offset() const noexcept { return offset_; }
  [[nodiscard]] std::string_view text() const noexcept;
  // Whether next() read the whole text: false when it stopped at a NUL byte.
  [[nodiscard]] bool finished() const noexcept { return offset_ >= sql_.size(); }

 private:
  std::shared_ptr<sqlite3> db_;
  std::string sql_;  // a copy, NUL-terminated, so that SQLite need not copy each statement
  Skip skip_;
  std::function<void(std::size_t)> before_prepare_;
  std::size_t offset_ = 0;
  std::size_t end_ = 0;
};

// BEGIN (IMMEDIATE by default) now; ROLLBACK on destruction unless committed or rolled back.
class Transaction {
 public:
  explicit Transaction(Connection& connection, std::string_view begin = "BEGIN IMMEDIATE");
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  void commit();
  void rollback();

 private:
  enum class State { open, committed, rolled_back };
  Connection& connection_;
  State state_ = State::open;
};

// Opens an existing database to read it. Read-only, unless a journal left by a run that could
// not roll back (a crash, a full disk) is there and the file is writable: then read-write, so
// that SQLite rolls the journal back, as it does on any such open; a read-only open fails on it.
[[nodiscard]] Connection open_for_reading(const std::string& path);

// The file a database path or SQLite URI (file:app.db?mode=ro, file:///srv/app%20x.db) names.
[[nodiscard]] std::string database_file(const std::string& path);

}  // namespace dbmigrate::sqlite
