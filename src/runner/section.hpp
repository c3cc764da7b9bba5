// Reading a revision section as the runner needs it: where its statements start (for line
// numbers in errors), whether it switches foreign keys off, whether it is marked destructive.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dbmigrate::runner {

// The offset of the first character at or after `from` that is neither whitespace nor inside
// an SQL comment (`-- ...` to the end of the line, `/* ... */`); sql.size() when none is left.
[[nodiscard]] std::size_t skip_blanks_and_comments(std::string_view sql, std::size_t from);

// The file line of `offset` in a section whose text starts on file line `first_line`.
[[nodiscard]] int line_of(std::string_view section, std::size_t offset, int first_line);

// The statement's first line, shortened for messages, control characters shown escaped.
[[nodiscard]] std::string first_line_of(std::string_view statement);

// True for `PRAGMA foreign_keys = OFF` in any case and spacing, with or without `;` (also
// `= 0`, `= false`, `= no`).
[[nodiscard]] bool is_foreign_keys_off(std::string_view statement);

// True for a statement that would end or nest the runner's transaction: BEGIN, COMMIT, END,
// ROLLBACK (but not ROLLBACK TO a savepoint). A COMMIT in a section would make the revision
// half-applied if a later statement failed.
[[nodiscard]] bool controls_transaction(std::string_view statement);

// Whether some line of the section is such a statement: it must then run before BEGIN, since
// SQLite ignores it inside a transaction.
[[nodiscard]] bool disables_foreign_keys(std::string_view section);

// Whether some line starts with `-- WARNING:`, the renderer's marker for a destructive change.
[[nodiscard]] bool is_destructive(std::string_view section);

}  // namespace dbmigrate::runner
