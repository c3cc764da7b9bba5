// The case of SQLite SQL text: SQLite reads keywords, function names and unquoted names ignoring
// ASCII case, so the canonical text spells each of them one way (docs/snapshot.md, "Canonical
// SQL text"). String literals, blobs, numbers and quoted names are never touched.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dialect/sqlite/sql_tokens.hpp"

namespace dbmigrate::sqlite {

// Whether SQLite reads `word` (unquoted) as one of its keywords.
[[nodiscard]] bool is_sqlite_keyword(std::string_view word);

[[nodiscard]] std::string ascii_upper(std::string_view text);
[[nodiscard]] std::string ascii_lower(std::string_view text);

// The spelling of the unquoted word tokens[i] (TokenKind::word) in an expression of a table with
// `columns` (none known: null): a column's name as the table declares it; a collation name, a
// keyword, TRUE and FALSE in upper case; any other name (functions, tables) in lower case.
[[nodiscard]] std::string folded_word(const std::vector<Token>& code, std::size_t i,
                                      const std::vector<std::string>* columns);

// A stored CREATE VIEW / CREATE TRIGGER `sql` (from stored_statement) with its keywords, and a
// trigger's NEW and OLD, in upper case and the names of the functions it calls in lower case;
// everything else, spacing and comments included, as written. `name_offset` is the offset of the
// created object's name, which is kept. A view's first result-column list is kept as written too:
// SQLite names the view's columns after the text of an expression that has no alias (`count(*)`, `a
// IS NULL`).
[[nodiscard]] std::string fold_statement_case(std::string_view sql, std::string_view kind,
                                              std::size_t name_offset);

}  // namespace dbmigrate::sqlite
