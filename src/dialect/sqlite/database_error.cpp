// SQLite's result codes as DatabaseError: the environment's faults told apart from the SQL's.
#include <fmt/format.h>

#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::sqlite {
namespace {

std::string first_line(std::string_view sql) {
  auto text = std::string(sql.substr(0, sql.find('\n')));
  if (text.size() > 200) text = text.substr(0, 200) + "...";
  return text;
}

}  // namespace

std::optional<EnvironmentFault> environment_fault(int result_code) {
  switch (result_code & 0xff) {
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return EnvironmentFault{
          "the database file or its folder cannot be written",
          "SQLite writes a journal beside the file, so both need write access; fix the "
          "permissions or the mount, or point --url at a writable copy"};
    case SQLITE_FULL:
      return EnvironmentFault{"the disk is full", "free space and run again"};
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return EnvironmentFault{
          "the database file is damaged or is not an SQLite database",
          "restore it from a backup ('PRAGMA integrity_check' in the sqlite3 shell says what is "
          "wrong) and check --url"};
    case SQLITE_IOERR:
      return EnvironmentFault{"reading or writing the database file failed (an I/O error)",
                              "check the disk and the file system, then run again"};
    default:
      return std::nullopt;
  }
}

bool is_busy(const DatabaseError& error) noexcept {
  return (error.code() & 0xff) == SQLITE_BUSY;
}

// A fault of the environment is bad input (exit 2), said as such; anything else is the
// statement's own failure.
DatabaseError last_error(sqlite3* db, std::string_view statement) {
  const int code = sqlite3_extended_errcode(db);
  const std::string reason = sqlite3_errmsg(db);
  const std::string what = fmt::format("in statement '{}'", first_line(statement));
  if (const auto fault = environment_fault(code)) {
    return DatabaseError(ErrorKind::input,
                         fmt::format("{}: {} ({}, SQLite error {}); {}", what, fault->cause, reason,
                                     code, fault->advice),
                         code, reason, std::string(statement));
  }
  return DatabaseError(ErrorKind::database,
                       fmt::format("{}: {} (SQLite error {})", what, reason, code), code, reason,
                       std::string(statement));
}

}  // namespace dbmigrate::sqlite
