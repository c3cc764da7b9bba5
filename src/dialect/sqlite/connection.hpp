// RAII handles for SQLite: a connection, a prepared statement, a transaction.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

class Connection {
 public:
  // Opens (flags as for sqlite3_open_v2); throws Error(database) naming the path.
  explicit Connection(const std::string& path,
                      int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  ~Connection();

  [[nodiscard]] sqlite3* handle() const noexcept { return db_; }

  // Runs one or more statements; throws Error(database) with SQLite's message, its extended
  // code and the statement at fault.
  void execute(std::string_view sql);
  [[nodiscard]] Statement prepare(std::string_view sql);
  [[nodiscard]] std::optional<std::string> query_text(std::string_view sql);
  [[nodiscard]] std::int64_t query_int(std::string_view sql);

 private:
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind_null(int index);

  // Advances to the next row; false when done. Throws Error(database) on failure.
  bool step();
  void reset();

  [[nodiscard]] bool is_null(int column) const;
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::optional<std::string> optional_text(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;
  [[nodiscard]] int column_count() const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

// BEGIN (IMMEDIATE by default) now; ROLLBACK on destruction unless committed.
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

}  // namespace dbmigrate::sqlite
