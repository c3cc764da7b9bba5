// The sqlite3 shell's line reading (shell.c, process_input), as far as a script depends on it.
#include "runner/shell_input.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "revision/section_text.hpp"

namespace dbmigrate::runner {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\f\v");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\f\v") + 1 - first);
}

bool is_complete(std::string_view sql) {
  return sqlite3_complete(std::string(sql).c_str()) != 0;
}

// The shell's statement terminators besides ';' (SQL Server's GO, Oracle's /).
bool is_terminator_line(std::string_view line) {
  const auto word = trimmed(line);
  return word == "/" ||
         (word.size() == 2 && std::tolower(static_cast<unsigned char>(word[0])) == 'g' &&
          std::tolower(static_cast<unsigned char>(word[1])) == 'o');
}

}  // namespace

std::optional<ShellMisreading> shell_misreading(std::string_view sql) {
  std::size_t statement = 0;  // where the statement the shell is collecting starts
  for (std::size_t line = 0; line < sql.size();) {
    const auto end = std::min(sql.find('\n', line), sql.size());
    const auto text = sql.substr(line, end - line);
    const bool pending = section_text::skip_blanks_and_comments(sql, statement) < line;
    if (!pending && trimmed(text).starts_with('.'))
      return ShellMisreading{line, "the sqlite3 shell would run it as one of its commands"};
    if (pending && is_terminator_line(text) &&
        is_complete(std::string(sql.substr(statement, line - statement)) + ";")) {
      return ShellMisreading{line, "the sqlite3 shell would end the statement before it there"};
    }
    // As the shell does: a statement can only end on a line holding a ';'.
    if (text.find(';') != std::string_view::npos &&
        is_complete(sql.substr(statement, end - statement)))
      statement = end;
    line = end + 1;
  }
  return std::nullopt;
}

}  // namespace dbmigrate::runner
