// PostgreSQL's lexical rules, as far as finding a statement's end needs them.
#include "dialect/postgresql/statement_split.hpp"

#include <cctype>
#include <string>

namespace dbmigrate::postgresql {
namespace {

bool is_tag_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The end of the quoted text starting at `at` (the opening quote): one past the closing quote,
// a doubled quote staying inside; with `backslashes` (E'...'), a backslash escapes what follows.
std::size_t quoted_end(std::string_view sql, std::size_t at, char quote, bool backslashes) {
  for (std::size_t i = at + 1; i < sql.size(); ++i) {
    if (backslashes && sql[i] == '\\') {
      ++i;
    } else if (sql[i] == quote) {
      if (i + 1 < sql.size() && sql[i + 1] == quote) {
        ++i;
      } else {
        return i + 1;
      }
    }
  }
  return sql.size();
}

// A dollar quote's tag at `at` ("$$" or "$name$"), or empty when '$' starts none (a parameter $1).
std::string_view dollar_tag(std::string_view sql, std::size_t at) {
  std::size_t i = at + 1;
  if (i < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i])) != 0) return {};
  while (i < sql.size() && is_tag_char(sql[i])) ++i;
  if (i < sql.size() && sql[i] == '$') return sql.substr(at, i + 1 - at);
  return {};
}

std::size_t block_comment_end(std::string_view sql, std::size_t at) {
  int depth = 0;
  for (std::size_t i = at; i + 1 < sql.size(); ++i) {
    if (sql[i] == '/' && sql[i + 1] == '*') {
      ++depth;
      ++i;
    } else if (sql[i] == '*' && sql[i + 1] == '/') {
      ++i;
      if (--depth == 0) return i + 1;
    }
  }
  return sql.size();
}

// Past blanks and comments from `at`.
std::size_t skip_blanks(std::string_view sql, std::size_t at) {
  while (at < sql.size()) {
    if (std::isspace(static_cast<unsigned char>(sql[at])) != 0) {
      ++at;
    } else if (sql.substr(at, 2) == "--") {
      const auto end = sql.find('\n', at);
      at = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (sql.substr(at, 2) == "/*") {
      at = block_comment_end(sql, at);
    } else {
      break;
    }
  }
  return at;
}

}  // namespace

std::vector<StatementPiece> split_statements(std::string_view sql) {
  std::vector<StatementPiece> pieces;
  std::size_t start = skip_blanks(sql, 0);
  std::size_t i = start;
  const auto finish = [&](std::size_t end) {
    if (end > start) pieces.push_back({start, sql.substr(start, end - start)});
    start = skip_blanks(sql, end + 1);
    i = start;
  };
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == ';') {
      finish(i);
    } else if (c == '\'') {
      // E'...' (either case) takes backslash escapes, unless E ends a longer word (name'...').
      const bool escape =
          i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') && (i < 2 || !is_tag_char(sql[i - 2]));
      i = quoted_end(sql, i, '\'', escape);
    } else if (c == '"') {
      i = quoted_end(sql, i, '"', false);
    } else if (c == '-' && sql.substr(i, 2) == "--") {
      const auto end = sql.find('\n', i);
      i = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (c == '/' && sql.substr(i, 2) == "/*") {
      i = block_comment_end(sql, i);
    } else if (c == '$' && (i == 0 || !is_tag_char(sql[i - 1]))) {
      const auto tag = dollar_tag(sql, i);
      if (tag.empty()) {
        ++i;
      } else {
        const auto close = sql.find(tag, i + tag.size());
        i = close == std::string_view::npos ? sql.size() : close + tag.size();
      }
    } else {
      ++i;
    }
  }
  if (start < sql.size()) {
    auto end = sql.size();
    while (end > start && std::isspace(static_cast<unsigned char>(sql[end - 1])) != 0) --end;
    pieces.push_back({start, sql.substr(start, end - start)});
  }
  return pieces;
}

}  // namespace dbmigrate::postgresql
