// Reading a revision section's text: where its statements start (for line numbers in errors),
// a statement's first line for messages, and what a revision written before the needs headers
// asks for (revision.hpp, section_needs()).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dbmigrate::section_text {

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

// Whether some line of the section is such a statement: it must then run before BEGIN, since
// SQLite ignores it inside a transaction.
[[nodiscard]] bool disables_foreign_keys(std::string_view section);

// Whether some line starts with `-- WARNING:`, the renderer's marker for a destructive change
// in revisions written before the `Destructive` headers.
[[nodiscard]] bool is_destructive(std::string_view section);

}  // namespace dbmigrate::section_text
