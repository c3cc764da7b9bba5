// How SQLite stores a CREATE VIEW / CREATE TRIGGER in sqlite_schema: "CREATE <kind> " and the
// text from the object's name to the last token, dropping TEMP, IF NOT EXISTS and a schema
// prefix (sqlite3EndTable, sqlite3FinishTrigger); in the canonical text, keywords are in upper
// case and function names in lower case (sql_case.hpp).
#include <fmt/format.h>

#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/sql_case.hpp"
#include "dialect/sqlite/sql_tokens.hpp"

namespace dbmigrate {

StoredStatement SqliteDialect::stored_statement(std::string_view kind, std::string_view sql) const {
  const auto tokens = sqlite::tokenize_sql_code(sql);
  StoredStatement stored;
  std::size_t i = 0;
  auto keyword = [&](std::string_view word) {
    return i < tokens.size() && tokens[i].is_keyword(word);
  };
  if (!keyword("CREATE")) {
    stored.problem = fmt::format("expected a CREATE {} statement", kind);
    return stored;
  }
  ++i;
  if (keyword("TEMP") || keyword("TEMPORARY")) ++i;
  if (!keyword(kind)) {
    stored.problem = fmt::format("expected a CREATE {} statement", kind);
    return stored;
  }
  ++i;
  if (keyword("IF") && i + 2 < tokens.size() && tokens[i + 1].is_keyword("NOT") &&
      tokens[i + 2].is_keyword("EXISTS")) {
    i += 3;
  }
  if (i + 2 < tokens.size() && tokens[i + 1].is(".")) i += 2;  // schema prefix
  if (i >= tokens.size()) {
    stored.problem = fmt::format("the CREATE {} statement names nothing", kind);
    return stored;
  }
  stored.name = sqlite::identifier_value(tokens[i]);
  std::size_t end = tokens.size();
  while (end > i + 1 && tokens[end - 1].is(";")) --end;
  const auto& first = tokens[i];
  const auto stored_as = fmt::format("CREATE {} ", kind);
  stored.sql = sqlite::fold_statement_case(
      stored_as + std::string(sql.substr(first.offset, tokens[end - 1].end() - first.offset)), kind,
      stored_as.size());
  if (kind == "TRIGGER") {
    for (std::size_t k = i + 1; k + 1 < end; ++k) {
      if (!tokens[k].is_keyword("ON")) continue;
      std::size_t at = k + 1;
      if (at + 2 < end && tokens[at + 1].is(".")) at += 2;
      stored.table = sqlite::identifier_value(tokens[at]);
      break;
    }
  }
  return stored;
}

}  // namespace dbmigrate
