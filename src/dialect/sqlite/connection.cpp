// Connection: an open SQLite database, and finding the file a path or URI names.
#include "dialect/sqlite/connection.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <utility>

#include "dialect/sqlite/sql_tokens.hpp"

namespace dbmigrate::sqlite {
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

struct Close {
  // _v2: should a statement still be open, the handle is closed when it is finalized.
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};

}  // namespace

Connection::Connection(const std::string& path, int flags) {
  const std::string opened = (flags & SQLITE_OPEN_READONLY) != 0 ? read_only_uri(path) : path;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(opened.c_str(), &raw, flags | SQLITE_OPEN_URI, nullptr);
  db_ = std::shared_ptr<sqlite3>(raw, Close{});
  if (rc != SQLITE_OK) {
    const int code = raw != nullptr ? sqlite3_extended_errcode(raw) : SQLITE_NOMEM;
    const std::string reason = raw != nullptr ? sqlite3_errmsg(raw) : "out of memory";
    throw DatabaseError(ErrorKind::database,
                        fmt::format("cannot open database '{}': {}", path, reason), code, reason,
                        "");
  }
  sqlite3_extended_result_codes(raw, 1);
}

void Connection::execute(std::string_view sql) {
  // Statement by statement, so that an error names the one that failed.
  Script script(*this, sql, &skip_blank);
  while (auto statement = script.next()) {
    while (statement->step()) {
    }
  }
}

Statement Connection::prepare(std::string_view sql) const {
  return Statement(*this, sql);
}

std::optional<std::string> Connection::query_text(std::string_view sql) const {
  Statement statement(*this, sql);
  if (!statement.step()) return std::nullopt;
  return statement.optional_text(0);
}

std::int64_t Connection::query_int(std::string_view sql) const {
  Statement statement(*this, sql);
  if (!statement.step()) return 0;
  return statement.integer(0);
}

void Connection::set_busy_timeout(std::chrono::milliseconds timeout) {
  sqlite3_busy_timeout(db_.get(), static_cast<int>(timeout.count()));
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
