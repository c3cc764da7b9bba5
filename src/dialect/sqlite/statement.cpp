// Statement and Script: prepared statements that keep their connection open while they live.
#include <fmt/format.h>

#include <utility>

#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::sqlite {

Statement::Statement(const Connection& connection, std::string_view sql)
    : db_(connection.db_), sql_(sql) {
  sqlite3_stmt* raw = nullptr;
  const int rc =
      sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  stmt_.reset(raw);
  if (rc != SQLITE_OK) throw last_error(db_.get(), sql);
}

Statement::Statement(std::shared_ptr<sqlite3> db, sqlite3_stmt* statement, std::string sql)
    : db_(std::move(db)), stmt_(statement), sql_(std::move(sql)) {}

void Statement::check_bind(int rc) {
  if (rc != SQLITE_OK) throw last_error(db_.get(), sql_);
}

Statement& Statement::bind(int index, std::string_view text) {
  check_bind(sqlite3_bind_text64(stmt_.get(), index, text.data(), text.size(), SQLITE_TRANSIENT,
                                 SQLITE_UTF8));
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(stmt_.get(), index, value));
  return *this;
}

Statement& Statement::bind_null(int index) {
  check_bind(sqlite3_bind_null(stmt_.get(), index));
  return *this;
}

bool Statement::step() {
  if (stmt_ == nullptr) return false;
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw last_error(db_.get(), sql_);
}

void Statement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

std::string Statement::text(int column) const {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), column));
  if (data == nullptr) return {};
  return std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column)));
}

std::optional<std::string> Statement::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

std::optional<std::string_view> Statement::text_view(int column) const {
  if (is_null(column)) return std::nullopt;
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), column));
  return std::string_view(text,
                          static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column)));
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_.get(), column);
}

int Statement::column_count() const {
  return sqlite3_column_count(stmt_.get());
}

Script::Script(const Connection& connection, std::string_view sql, Skip skip)
    : db_(connection.db_), sql_(sql), skip_(skip) {}

std::string_view Script::text() const noexcept {
  return std::string_view(sql_).substr(offset_, end_ - offset_);
}

std::optional<Statement> Script::next() {
  for (offset_ = end_; offset_ < sql_.size(); offset_ = end_) {
    if (skip_ != nullptr && (offset_ = skip_(sql_, offset_)) >= sql_.size()) break;
    if (before_prepare_) before_prepare_(offset_);
    const char* start = sql_.data() + offset_;
    const char* tail = nullptr;
    sqlite3_stmt* raw = nullptr;
    // The length counts the terminating NUL: SQLite copies text that does not end in one, which
    // for every statement of a large script would be the whole rest of it.
    const int rc = sqlite3_prepare_v2(db_.get(), start, static_cast<int>(sql_.size() - offset_ + 1),
                                      &raw, &tail);
    end_ = tail != nullptr ? static_cast<std::size_t>(tail - sql_.data()) : sql_.size();
    Statement statement(db_, raw, std::string(text()));
    if (rc != SQLITE_OK) throw last_error(db_.get(), text());
    if (raw != nullptr) return statement;
    // No statement: only blanks, comments or a stray ';' were left, or SQLite stopped at a NUL
    // byte (then the text after it is not read: finished() says so).
    if (end_ == offset_) return std::nullopt;
  }
  offset_ = end_ = sql_.size();
  return std::nullopt;
}

}  // namespace dbmigrate::sqlite
