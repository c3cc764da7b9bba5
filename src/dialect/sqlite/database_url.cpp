// SQLite database URLs: sqlite:///relative.db, sqlite:////absolute.db, and a query of SQLite's
// own URI parameters (sqlite:///app.db?mode=ro), which makes the location an SQLite URI.
#include <fmt/format.h>

#include "dbmigrate/dialect_registry.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/sqlite.hpp"

namespace dbmigrate {
namespace {

// SQLite's own URI parameters (https://sqlite.org/uri.html); anything else is a typo that SQLite
// would pass to the VFS unread.
bool is_sqlite_parameter(std::string_view key) {
  for (std::string_view known : {"vfs", "mode", "cache", "psow", "nolock", "immutable"}) {
    if (key == known) return true;
  }
  return false;
}

// `path?query` as an SQLite URI; %, ? and # in the path are escaped so that they stay in it.
std::string sqlite_uri(std::string_view path, std::string_view query) {
  std::string uri = path.starts_with('/') ? "file://" : "file:";
  for (const char c : path) {
    if (c == '%')
      uri += "%25";
    else if (c == '?')
      uri += "%3f";
    else if (c == '#')
      uri += "%23";
    else
      uri += c;
  }
  return fmt::format("{}?{}", uri, query);
}

std::string parse_sqlite_url(const std::string& url) {
  std::string_view rest = std::string_view(url).substr(std::string_view("sqlite:///").size());
  // sqlite:///file:app.db?mode=ro: an SQLite URI already, which SQLite parses itself.
  if (rest.starts_with("file:")) return std::string(rest);
  rest = rest.substr(0, rest.find('#'));  // a fragment means nothing to a database
  const auto question = rest.find('?');
  const std::string_view path = rest.substr(0, question);
  const std::string_view query =
      question == std::string_view::npos ? std::string_view() : rest.substr(question + 1);
  if (path.empty())
    throw Error(ErrorKind::input, fmt::format("database URL '{}' names no file", masked_url(url)));
  if (query.empty()) return std::string(path);
  std::string_view parameters = query;
  while (!parameters.empty()) {
    const auto amp = parameters.find('&');
    const auto parameter = parameters.substr(0, amp);
    const auto key = parameter.substr(0, parameter.find('='));
    if (!parameter.empty() && !is_sqlite_parameter(key)) {
      throw Error(ErrorKind::input,
                  fmt::format("database URL '{}': '{}' is not an SQLite URI parameter (vfs, mode, "
                              "cache, psow, nolock, immutable)",
                              masked_url(url), key));
    }
    parameters = amp == std::string_view::npos ? std::string_view() : parameters.substr(amp + 1);
  }
  return sqlite_uri(path, query);
}

}  // namespace

std::string SqliteDialect::database_location(const std::string& url) const {
  if (url.starts_with("sqlite:///")) return parse_sqlite_url(url);
  if (url.starts_with("sqlite:")) {
    throw Error(ErrorKind::input,
                fmt::format("database URL '{}': write sqlite:///relative/path.db or "
                            "sqlite:////absolute/path.db",
                            masked_url(url)));
  }
  return url;  // a path, :memory: or an SQLite URI
}

}  // namespace dbmigrate
