// The shape of a piece of PostgreSQL text, read as the server's lexer reads it (quoted names,
// '' and E'' strings, $tag$ dollar quotes, -- and nested /* */ comments): whether it is one
// expression, and which object a CREATE VIEW / CREATE TRIGGER statement creates.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "dbmigrate/dialect.hpp"

namespace dbmigrate::postgresql {

// Why `sql` is not one piece of SQL that stays inside its clause (an unterminated string,
// quote or comment, an unbalanced parenthesis, a `;` ending it early); empty when it is.
[[nodiscard]] std::string shape_problem(std::string_view sql);

// `kind` is "VIEW" or "TRIGGER": the statement without its trailing `;`, the name it creates (an
// unquoted name folded to lower case, as PostgreSQL folds it) and a trigger's table.
[[nodiscard]] StoredStatement read_create_statement(std::string_view kind, std::string_view sql);

// A rename hint of a schema file: `-- @renamed from=<old name>` at the end of a column's line or
// of a CREATE TABLE line (docs/cli.md).
struct RenameHint {
  std::string table;
  std::optional<std::string> column;  // none: the hint renames the table
  std::string from;                   // folded as PostgreSQL folds an unquoted name
  std::size_t line = 0;
};

// Every rename hint of `sql`; Error(input) naming `origin` and the line for a malformed one.
[[nodiscard]] std::vector<RenameHint> rename_hints(std::string_view sql, std::string_view origin);

}  // namespace dbmigrate::postgresql
