// How the sqlite3 shell reads a script line by line, where that differs from SQLite reading the
// same SQL: the `--sql` scripts must run in the shell exactly as the runner runs a revision.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace dbmigrate::runner {

struct ShellMisreading {
  std::size_t offset;    // of the line in the SQL
  std::string_view why;  // what the shell would do with it, for a message
};

// The first line of `sql` that the shell would not pass on to SQLite as part of the SQL:
// - a line beginning with '.' while no statement is pending is one of the shell's commands
//   (`.shell`, `.system`, ...); indented ones count too, stricter than the shell;
// - a line holding only `/` or `go` ends the pending statement early when the statement would
//   be complete there.
// Inside a statement (a multi-line string literal, a view body) any other line is SQL to it.
[[nodiscard]] std::optional<ShellMisreading> shell_misreading(std::string_view sql);

}  // namespace dbmigrate::runner
