// Revision section text from a rendered script.
#include "cli/script_text.hpp"

#include "diff/printable_line.hpp"

namespace dbmigrate::cli {

std::string script_text(const SqlScript& script) {
  std::string text;
  if (script.needs_foreign_keys_off) text += "PRAGMA foreign_keys=OFF;\n";
  for (const auto& statement : script.statements) {
    if (!text.empty()) text += "\n";
    // Each note is one comment line, whatever names or expressions it quotes.
    for (const auto& comment : statement.comments) text += "-- " + printable_line(comment) + "\n";
    text += statement.sql + "\n";
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace dbmigrate::cli
