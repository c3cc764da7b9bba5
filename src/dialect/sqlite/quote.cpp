// Quoting for SQLite: the one place a name, and the one place a string value, becomes SQL text.
#include <sqlite3.h>

#include <cctype>
#include <string>

#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/sql_tokens.hpp"

namespace dbmigrate {

std::string sqlite::quote_literal(std::string_view value) {
  std::string quoted = "'";
  for (char c : value) {
    quoted += c;
    if (c == '\'') quoted += '\'';
  }
  return quoted + "'";
}

std::string SqliteDialect::quote_identifier(std::string_view name) const {
  return sqlite::quote_identifier(name);
}

std::string SqliteDialect::quote_literal(std::string_view value) const {
  return sqlite::quote_literal(value);
}

std::string sqlite::quote_identifier(std::string_view name) {
  bool plain = !name.empty() && (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_');
  for (char c : name) {
    plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
  }
  if (plain && sqlite3_keyword_check(name.data(), static_cast<int>(name.size())) == 0) {
    return std::string(name);
  }
  std::string quoted = "\"";
  for (char c : name) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  quoted += '"';
  return quoted;
}

}  // namespace dbmigrate
