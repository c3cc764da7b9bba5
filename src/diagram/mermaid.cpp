// The Mermaid `erDiagram` writer. Mermaid has no escape inside its quoted names and labels; it
// reads `#<code>;` as the character of that code when it draws. So every character that could end
// or break a quoted token (`"`, `%`, `\`, line ends and other control characters), and `#` itself
// so that the encoding stays one-to-one, is written as its code. Attribute types and names are
// bare words, from a small set of characters: a name or type outside it is written with `_` for
// each other character and its exact text in the attribute's comment.
#include <fmt/format.h>

#include "dbmigrate/diagram.hpp"
#include "diagram/diagram_model.hpp"

namespace dbmigrate {
namespace {

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto code = static_cast<unsigned char>(c);
    if (c == '"' || c == '%' || c == '\\' || c == '#' || code < 0x20 || code == 0x7f) {
      out += fmt::format("#{};", code);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

bool word_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '(' || c == ')';
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A bare word Mermaid reads as one attribute type or name: letters, digits, `_` and parentheses,
// not starting with a digit or a parenthesis, and not read as the keys PK, FK or UK.
std::string bare_word(std::string_view text) {
  std::string out;
  for (const char c : text) out += word_character(c) ? c : '_';
  if (out.empty() || !((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z') ||
                       out[0] == '_')) {
    out.insert(out.begin(), '_');
  }
  const bool key_like = out.size() >= 2 && (out.size() == 2 || out[2] == '(') &&
                        lower(out[1]) == 'k' &&
                        (lower(out[0]) == 'p' || lower(out[0]) == 'f' || lower(out[0]) == 'u');
  if (key_like) out.insert(out.begin(), '_');
  return out;
}

}  // namespace

std::string mermaid_diagram(const Snapshot& snapshot) {
  const auto drawing = diagram::drawing_of(snapshot);
  std::string out = "erDiagram\n";
  for (const auto& table : drawing.tables) {
    out += fmt::format("    {} {{\n", quoted(table.name));
    for (const auto& column : table.columns) {
      const auto type = bare_word(column.type);
      const auto name = bare_word(column.name);
      out += fmt::format("        {} {}", type, name);
      if (!column.keys.empty()) out += " " + column.keys;
      if (type != column.type || name != column.name) {
        out += " " + quoted(fmt::format("{} {}", column.name, column.type));
      }
      out += "\n";
    }
    out += "    }\n";
  }
  for (const auto& edge : drawing.edges) {
    // The referenced row: exactly one, or zero or one when a referencing column may be NULL; the
    // referencing rows: zero or more.
    out += fmt::format("    {} {}--o{{ {} : {}\n", quoted(edge.to_name), edge.optional ? "|o" : "||",
                       quoted(drawing.tables[edge.from].name), quoted(edge.label));
  }
  return out;
}

}  // namespace dbmigrate
