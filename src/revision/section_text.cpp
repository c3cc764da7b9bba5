// Text-level reading of revision sections; the database itself splits the statements.
#include "revision/section_text.hpp"

#include <cctype>

#include "diff/printable_line.hpp"

namespace dbmigrate::section_text {
namespace {

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string_view trim_left(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  return text;
}

// Lines of the section, without their line feeds.
template <typename F>
bool any_line(std::string_view section, F&& predicate) {
  while (!section.empty()) {
    const auto end = section.find('\n');
    if (predicate(section.substr(0, end))) return true;
    if (end == std::string_view::npos) break;
    section.remove_prefix(end + 1);
  }
  return false;
}

}  // namespace

std::size_t skip_blanks_and_comments(std::string_view sql, std::size_t from) {
  std::size_t i = from;
  while (i < sql.size()) {
    if (is_space(sql[i])) {
      ++i;
    } else if (sql.substr(i, 2) == "--") {
      const auto end = sql.find('\n', i);
      i = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (sql.substr(i, 2) == "/*") {
      const auto end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else {
      break;
    }
  }
  return i;
}

int line_of(std::string_view section, std::size_t offset, int first_line) {
  int line = first_line;
  for (std::size_t i = 0; i < offset && i < section.size(); ++i) {
    if (section[i] == '\n') ++line;
  }
  return line;
}

std::string first_line_of(std::string_view statement) {
  statement = trim_left(statement);
  auto line = std::string(statement.substr(0, statement.find('\n')));
  while (!line.empty() && (line.back() == '\r' || is_space(line.back()))) line.pop_back();
  if (line.size() > 120) line = line.substr(0, 117) + "...";
  return printable_line(line);  // shown on a terminal: a literal may hold control characters
}

// Asked of every statement of a section (and every line, for disables_foreign_keys):
// they read a few characters and allocate nothing.

bool is_foreign_keys_off(std::string_view statement) {
  statement = statement.substr(section_text::skip_blanks_and_comments(statement, 0));
  // The statement up to `;`, spaces left out and lower-cased, is one of a few short strings.
  constexpr std::size_t longest = std::string_view("pragmaforeign_keys=false").size();
  char squeezed[longest];
  std::size_t length = 0;
  for (const char c : statement) {
    if (c == ';') break;
    if (is_space(c)) continue;
    if (length == longest) return false;
    squeezed[length++] = lower(c);
  }
  const std::string_view text(squeezed, length);
  return text == "pragmaforeign_keys=off" || text == "pragmaforeign_keys=0" ||
         text == "pragmaforeign_keys=false" || text == "pragmaforeign_keys=no";
}

bool disables_foreign_keys(std::string_view section) {
  return any_line(section, [](std::string_view line) { return is_foreign_keys_off(line); });
}

bool is_destructive(std::string_view section) {
  return any_line(section,
                  [](std::string_view line) { return trim_left(line).starts_with("-- WARNING:"); });
}

}  // namespace dbmigrate::section_text
