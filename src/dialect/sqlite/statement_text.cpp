// Text-level reading of SQLite statements; SQLite itself splits a section into statements
// (statement_loop.cpp).
#include "dialect/sqlite/statement_text.hpp"

#include <array>
#include <cctype>

#include "revision/section_text.hpp"

namespace dbmigrate::sqlite {
namespace {

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `word` equals the lower-case `expected`, in any case.
bool same_word(std::string_view word, std::string_view expected) {
  if (word.size() != expected.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (lower(word[i]) != expected[i]) return false;
  }
  return true;
}

}  // namespace

bool controls_transaction(std::string_view statement) {
  // The first three words: enough to tell ROLLBACK from ROLLBACK [TRANSACTION] TO.
  std::array<std::string_view, 3> words{};
  std::size_t count = 0;
  std::size_t i = section_text::skip_blanks_and_comments(statement, 0);
  while (count < words.size()) {
    while (i < statement.size() && is_space(statement[i])) ++i;
    const std::size_t start = i;
    while (i < statement.size() && std::isalpha(static_cast<unsigned char>(statement[i]))) ++i;
    if (i == start) break;
    words[count++] = statement.substr(start, i - start);
  }
  if (count == 0) return false;
  if (same_word(words[0], "rollback")) {
    const std::size_t next = count > 1 && same_word(words[1], "transaction") ? 2 : 1;
    return !(count > next && same_word(words[next], "to"));
  }
  return same_word(words[0], "begin") || same_word(words[0], "commit") ||
         same_word(words[0], "end");
}

std::string rebuild_copy_target(std::string_view statement) {
  auto skip_space = [&](std::size_t i) {
    while (i < statement.size() && std::isspace(static_cast<unsigned char>(statement[i]))) ++i;
    return i;
  };
  auto word = [&](std::size_t i, std::string_view expected) {
    if (statement.size() < i + expected.size()) return false;
    for (std::size_t k = 0; k < expected.size(); ++k) {
      if (std::toupper(static_cast<unsigned char>(statement[i + k])) != expected[k]) return false;
    }
    return true;
  };
  std::size_t i = skip_space(0);
  if (!word(i, "INSERT")) return {};
  i = skip_space(i + 6);
  if (word(i, "OR")) {  // INSERT OR ABORT INTO: a rebuild's copy
    i = skip_space(i + 2);
    if (!word(i, "ABORT")) return {};
    i = skip_space(i + 5);
  }
  if (!word(i, "INTO")) return {};
  i = skip_space(i + 4);
  std::string name;
  if (i < statement.size() && statement[i] == '"') {
    for (++i; i < statement.size(); ++i) {
      if (statement[i] == '"') {
        if (i + 1 < statement.size() && statement[i + 1] == '"') {
          name += '"';
          ++i;
          continue;
        }
        break;
      }
      name += statement[i];
    }
  } else {
    while (i < statement.size() &&
           (std::isalnum(static_cast<unsigned char>(statement[i])) || statement[i] == '_')) {
      name += statement[i++];
    }
  }
  return name.starts_with("_dbmigrate_new_") ? name : std::string();
}

std::string rebuild_copy_name(std::string_view table) {
  return "_dbmigrate_new_" + std::string(table);
}

}  // namespace dbmigrate::sqlite
