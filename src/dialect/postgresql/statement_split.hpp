// Cutting a revision section into PostgreSQL statements where the server would: at a ';' outside
// '...' and E'...' strings, "..." names, $tag$...$tag$ bodies, -- and (nested) /* */ comments.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace dbmigrate::postgresql {

struct StatementPiece {
  std::size_t offset;     // where the statement's own text starts (after blanks and comments)
  std::string_view text;  // up to and without its ';'
};

// The statements of `sql` in order; blanks and comments alone make none. An unterminated string,
// name, dollar quote or comment makes the rest one statement, which the server then refuses.
[[nodiscard]] std::vector<StatementPiece> split_statements(std::string_view sql);

}  // namespace dbmigrate::postgresql
