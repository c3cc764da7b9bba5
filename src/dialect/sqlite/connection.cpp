// RAII handles for SQLite; every failure becomes Error(database) with the statement.
#include "dialect/sqlite/connection.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <utility>

#include "dbmigrate/error.hpp"

namespace dbmigrate::sqlite {
namespace {

// A fault of the environment is bad input (exit 2), said as such; anything else is the
// statement's own failure.
[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  const int code = sqlite3_extended_errcode(db);
  if (const auto fault = environment_fault(code)) {
    throw Error(ErrorKind::input,
                fmt::format("{}: {} ({}, SQLite error {}); {}", what, fault->cause,
                            sqlite3_errmsg(db), code, fault->advice));
  }
  throw Error(ErrorKind::database,
              fmt::format("{}: {} (SQLite error {})", what, sqlite3_errmsg(db), code));
}

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

namespace {

// A URI's mode=rw or mode=rwc asks for more than a read-only open allows, and SQLite refuses
// the open ("access mode not allowed"): reading, the file is opened mode=ro.
std::string read_only_uri(std::string uri) {
  const auto query = uri.find('?');
  if (!uri.starts_with("file:") || query == std::string::npos) return uri;
  for (auto at = uri.find("mode=", query); at != std::string::npos;
       at = uri.find("mode=", at + 1)) {
    if (uri[at - 1] != '?' && uri[at - 1] != '&') continue;
    const auto value = at + std::string_view("mode=").size();
    const auto end = std::min(uri.find_first_of("&#", value), uri.size());
    const std::string_view mode = std::string_view(uri).substr(value, end - value);
    if (mode == "rw" || mode == "rwc") uri.replace(value, end - value, "ro");
  }
  return uri;
}

}  // namespace

Connection::Connection(const std::string& path, int flags) {
  const std::string opened = (flags & SQLITE_OPEN_READONLY) != 0 ? read_only_uri(path) : path;
  if (sqlite3_open_v2(opened.c_str(), &db_, flags | SQLITE_OPEN_URI, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(ErrorKind::database, fmt::format("cannot open database '{}': {}", path, message));
  }
  sqlite3_extended_result_codes(db_, 1);
}

Connection::Connection(Connection&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    sqlite3_close(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Connection::~Connection() {
  sqlite3_close(db_);
}

void Connection::execute(std::string_view sql) {
  // Statement by statement, so that an error names the one that failed.
  const char* tail = sql.data();
  const char* end = sql.data() + sql.size();
  while (tail < end) {
    sqlite3_stmt* stmt = nullptr;
    const char* next = nullptr;
    if (sqlite3_prepare_v2(db_, tail, static_cast<int>(end - tail), &stmt, &next) != SQLITE_OK) {
      fail(db_, fmt::format("in statement '{}'", first_line(std::string_view(tail, end - tail))));
    }
    if (stmt == nullptr) break;  // only whitespace or comments were left
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
      std::string statement = first_line(sqlite3_sql(stmt));
      sqlite3_finalize(stmt);
      fail(db_, fmt::format("in statement '{}'", statement));
    }
    sqlite3_finalize(stmt);
    tail = next;
  }
}

Statement Connection::prepare(std::string_view sql) {
  return Statement(db_, sql);
}

std::optional<std::string> Connection::query_text(std::string_view sql) {
  Statement statement(db_, sql);
  if (!statement.step()) return std::nullopt;
  return statement.optional_text(0);
}

std::int64_t Connection::query_int(std::string_view sql) {
  Statement statement(db_, sql);
  if (!statement.step()) return 0;
  return statement.integer(0);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db), sql_(sql) {
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK) {
    fail(db_, fmt::format("in statement '{}'", first_line(sql)));
  }
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), sql_(std::move(other.sql_)) {}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Statement::step() {
  if (stmt_ == nullptr) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, fmt::format("in statement '{}'", first_line(sql_)));
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::string Statement::text(int column) const {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (data == nullptr) return {};
  return std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

int Statement::column_count() const {
  return sqlite3_column_count(stmt_);
}

Transaction::Transaction(Connection& connection, std::string_view begin) : connection_(connection) {
  connection_.execute(begin);
}

Transaction::~Transaction() {
  if (state_ == State::open) {
    sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit() {
  connection_.execute("COMMIT");
  state_ = State::committed;
}

void Transaction::rollback() {
  state_ = State::rolled_back;
  connection_.execute("ROLLBACK");
}

Connection open_for_reading(const std::string& path) {
  const std::string file = database_file(path);
  const bool hot_journal =
      std::filesystem::exists(file + "-journal") && ::access(file.c_str(), W_OK) == 0;
  return Connection(path, hot_journal ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY);
}

std::string database_file(const std::string& path) {
  if (!path.starts_with("file:")) return path;
  std::string_view rest = std::string_view(path).substr(std::string_view("file:").size());
  rest = rest.substr(0, rest.find_first_of("?#"));
  if (rest.starts_with("//")) {  // file://host/path: the authority is empty or localhost
    rest.remove_prefix(2);
    rest.remove_prefix(std::min(rest.find('/'), rest.size()));
  }
  std::string file;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    unsigned value = 0;
    if (rest[i] == '%' && i + 2 < rest.size() &&
        std::from_chars(rest.data() + i + 1, rest.data() + i + 3, value, 16).ptr ==
            rest.data() + i + 3) {
      file += static_cast<char>(value);
      i += 2;
    } else {
      file += rest[i];
    }
  }
  return file;
}

}  // namespace dbmigrate::sqlite
