// Text-level reading of revision sections; SQLite itself splits the statements (runner.cpp).
#include "runner/section.hpp"

#include <cctype>
#include <vector>

#include "diff/printable_line.hpp"

namespace dbmigrate::runner {
namespace {

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
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

bool is_foreign_keys_off(std::string_view statement) {
  statement = statement.substr(skip_blanks_and_comments(statement, 0));
  std::string squeezed;
  for (const char c : statement) {
    if (c == ';') break;
    if (!is_space(c)) squeezed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return squeezed == "pragmaforeign_keys=off" || squeezed == "pragmaforeign_keys=0" ||
         squeezed == "pragmaforeign_keys=false" || squeezed == "pragmaforeign_keys=no";
}

bool controls_transaction(std::string_view statement) {
  // The first three words, upper-cased: enough to tell ROLLBACK from ROLLBACK [TRANSACTION] TO.
  std::vector<std::string> words;
  std::size_t i = skip_blanks_and_comments(statement, 0);
  while (words.size() < 3) {
    while (i < statement.size() && is_space(statement[i])) ++i;
    std::string word;
    while (i < statement.size() && std::isalpha(static_cast<unsigned char>(statement[i]))) {
      word += static_cast<char>(std::toupper(static_cast<unsigned char>(statement[i++])));
    }
    if (word.empty()) break;
    words.push_back(std::move(word));
  }
  if (words.empty()) return false;
  if (words[0] == "ROLLBACK") {
    const std::size_t next = words.size() > 1 && words[1] == "TRANSACTION" ? 2 : 1;
    return !(words.size() > next && words[next] == "TO");
  }
  return words[0] == "BEGIN" || words[0] == "COMMIT" || words[0] == "END";
}

bool disables_foreign_keys(std::string_view section) {
  return any_line(section, [](std::string_view line) { return is_foreign_keys_off(line); });
}

bool is_destructive(std::string_view section) {
  return any_line(section,
                  [](std::string_view line) { return trim_left(line).starts_with("-- WARNING:"); });
}

}  // namespace dbmigrate::runner
