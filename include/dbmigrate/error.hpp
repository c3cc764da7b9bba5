// The one exception type every stage throws; `kind` maps to the exit code in main.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace dbmigrate {

enum class ErrorKind {
  usage,     // bad command line: exit 2
  input,     // malformed file, snapshot, revision, URL: exit 2
  database,  // the database refused a statement or cannot be opened
  check,     // a check or migration failed: exit 1
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  [[nodiscard]] ErrorKind kind() const noexcept { return kind_; }

 private:
  ErrorKind kind_;
};

// What the database itself said when it refused a statement or an open: its own result code
// (for SQLite the extended code, e.g. 2067 SQLITE_CONSTRAINT_UNIQUE, 5 SQLITE_BUSY; 0 for a
// database that reports a state instead), its SQLSTATE when it has one (PostgreSQL: "23505",
// "55P03"; empty for SQLite), its own words, and the statement at fault (empty for an open). The
// kind is `database`, or `input` when the code blames the environment (a read-only file, a full
// disk, a damaged file).
class DatabaseError : public Error {
 public:
  DatabaseError(ErrorKind kind, const std::string& message, int code, std::string reason,
                std::string statement, std::string sqlstate = {})
      : Error(kind, message),
        code_(code),
        reason_(std::move(reason)),
        statement_(std::move(statement)),
        sqlstate_(std::move(sqlstate)) {}
  // The same cause, told with more context (which revision, which file).
  DatabaseError(const DatabaseError& cause, ErrorKind kind, const std::string& message)
      : DatabaseError(kind, message, cause.code_, cause.reason_, cause.statement_,
                      cause.sqlstate_) {}

  [[nodiscard]] int code() const noexcept { return code_; }
  [[nodiscard]] const std::string& sqlstate() const noexcept { return sqlstate_; }
  [[nodiscard]] const std::string& reason() const noexcept { return reason_; }
  [[nodiscard]] const std::string& statement() const noexcept { return statement_; }

 private:
  int code_;
  std::string reason_;
  std::string statement_;
  std::string sqlstate_;
};

}  // namespace dbmigrate
