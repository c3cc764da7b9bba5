// The SQLite tokenizer, and the canonical text of an SQL expression built from its tokens.
//
// The lexical rules follow SQLite's tokenize.c closely enough for stored schema SQL and
// hand-written schema files; what SQLite would reject is tokenized leniently, never refused.
#include "dialect/sqlite/sql_tokens.hpp"

#include <algorithm>
#include <cctype>

#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/sql_case.hpp"

namespace dbmigrate::sqlite {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Where a run of white space that starts at `i` (is_space) ends. SQLite's tokenizer starts a run
// only at those characters, but continues it through vertical tabs too: `,\v"b"` is an
// unrecognized token, `,\n\v"b"` a space and a name.
std::size_t space_run_end(std::string_view sql, std::size_t i) {
  while (i < sql.size() && (is_space(sql[i]) || sql[i] == '\v')) ++i;
  return i;
}

// Bytes of a UTF-8 sequence count as letters, so unquoted non-ASCII names are one word.
bool is_word_start(char c) {
  auto byte = static_cast<unsigned char>(c);
  return std::isalpha(byte) || c == '_' || byte >= 0x80;
}

bool is_word_char(char c) {
  return is_word_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$';
}

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// The end of a quoted run starting at `begin` (the opening quote); `close` doubled is an escape.
std::size_t quoted_end(std::string_view sql, std::size_t begin, char close) {
  std::size_t i = begin + 1;
  while (i < sql.size()) {
    if (sql[i] == close) {
      if (close != ']' && i + 1 < sql.size() && sql[i + 1] == close) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    ++i;
  }
  return sql.size();
}

std::size_t number_end(std::string_view sql, std::size_t i) {
  const bool hex = sql[i] == '0' && i + 1 < sql.size() && (sql[i + 1] == 'x' || sql[i + 1] == 'X');
  ++i;
  while (i < sql.size()) {
    const char c = sql[i];
    const char previous = sql[i - 1];
    const bool exponent_sign =
        !hex && (c == '+' || c == '-') && (previous == 'e' || previous == 'E');
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || exponent_sign)) {
      break;
    }
    ++i;
  }
  return i;
}

// Operators of two or three bytes, longest first.
constexpr std::string_view operators[] = {
    "->>", "||", "<=", ">=", "==", "!=", "<>", "<<", ">>", "->"};

// One token starting at `i` (not whitespace); returns its kind and end.
std::pair<TokenKind, std::size_t> scan(std::string_view sql, std::size_t i) {
  const char c = sql[i];
  const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
  if (c == '-' && next == '-') {
    const auto newline = sql.find('\n', i);
    return {TokenKind::comment, newline == std::string_view::npos ? sql.size() : newline};
  }
  if (c == '/' && next == '*') {
    const auto close = sql.find("*/", i + 2);
    return {TokenKind::comment, close == std::string_view::npos ? sql.size() : close + 2};
  }
  if ((c == 'x' || c == 'X') && next == '\'')
    return {TokenKind::blob, quoted_end(sql, i + 1, '\'')};
  if (is_word_start(c)) {
    std::size_t end = i + 1;
    while (end < sql.size() && is_word_char(sql[end])) ++end;
    return {TokenKind::word, end};
  }
  if (c == '"' || c == '`') return {TokenKind::quoted_identifier, quoted_end(sql, i, c)};
  if (c == '[') return {TokenKind::quoted_identifier, quoted_end(sql, i, ']')};
  if (c == '\'') return {TokenKind::string, quoted_end(sql, i, '\'')};
  if (is_digit(c) || (c == '.' && is_digit(next))) return {TokenKind::number, number_end(sql, i)};
  if (c == '?' || c == ':' || c == '@' || c == '$') {
    std::size_t end = i + 1;
    while (end < sql.size() && is_word_char(sql[end])) ++end;
    return {TokenKind::variable, end};
  }
  for (auto op : operators) {
    if (sql.substr(i, op.size()) == op) return {TokenKind::punctuation, i + op.size()};
  }
  return {TokenKind::punctuation, i + 1};
}

bool is_plain_literal(const Token& token) {
  switch (token.kind) {
    case TokenKind::string:
    case TokenKind::blob:
    case TokenKind::number:
      return true;
    case TokenKind::word:
      for (auto keyword :
           {"NULL", "TRUE", "FALSE", "CURRENT_TIME", "CURRENT_DATE", "CURRENT_TIMESTAMP"}) {
        if (token.is_keyword(keyword)) return true;
      }
      return false;
    default:
      return false;
  }
}

}  // namespace

bool Token::is_keyword(std::string_view keyword) const {
  return kind == TokenKind::word && same_identifier(text, keyword);
}

std::vector<Token> tokenize_sql(std::string_view sql) {
  std::vector<Token> tokens;
  tokens.reserve(sql.size() / 4);  // typical SQL: a token every four or five bytes
  std::size_t i = 0;
  while (i < sql.size()) {
    if (is_space(sql[i])) {
      i = space_run_end(sql, i);
      continue;
    }
    auto [kind, end] = scan(sql, i);
    tokens.push_back({kind, sql.substr(i, end - i), i});
    i = end;
  }
  return tokens;
}

std::vector<Token> tokenize_sql_code(std::string_view sql) {
  auto tokens = tokenize_sql(sql);
  std::erase_if(tokens, [](const Token& token) { return token.kind == TokenKind::comment; });
  return tokens;
}

std::string identifier_value(const Token& token) {
  if (token.kind != TokenKind::quoted_identifier && token.kind != TokenKind::string) {
    return std::string(token.text);
  }
  const char open = token.text.front();
  const char close = open == '[' ? ']' : open;
  std::string_view body = token.text.substr(1);
  if (!body.empty() && body.back() == close) body.remove_suffix(1);
  std::string name;
  for (std::size_t i = 0; i < body.size(); ++i) {
    name += body[i];
    if (body[i] == close && close != ']' && i + 1 < body.size() && body[i + 1] == close) ++i;
  }
  return name;
}

std::size_t skip_blank(std::string_view sql, std::size_t offset) {
  while (offset < sql.size()) {
    if (is_space(sql[offset])) {
      offset = space_run_end(sql, offset);
      continue;
    }
    auto [kind, end] = scan(sql, offset);
    if (kind != TokenKind::comment) break;
    offset = end;
  }
  return offset;
}

bool wrapped_in_parentheses(const std::vector<Token>& code) {
  if (code.empty() || !code.front().is("(")) return false;
  int depth = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i].is("(")) ++depth;
    if (code[i].is(")")) --depth;
    if (depth == 0 && i + 1 < code.size()) return false;
  }
  return depth == 0;
}

}  // namespace dbmigrate::sqlite

namespace dbmigrate {

// Rules, applied token by token so that string literals are never touched:
//  - comments are dropped and every run of whitespace becomes one space;
//  - no space just inside parentheses, nor before a comma; one after a comma;
//  - a quoted identifier is re-quoted the way SqliteDialect::quote_identifier does it: no quotes
//    for a plain name that is not a keyword, otherwise "..." (so [a b], `a b` and "a b" agree).
//    SQLite quotes the new name when ALTER TABLE RENAME COLUMN rewrites a CHECK; this undoes it;
//  - unquoted words take the case sql_case.hpp gives them (SQLite ignores it);
//  - parentheses around the whole expression go.
namespace {

// A "double-quoted" token that names no column is, to SQLite, a string literal; unless it is
// part of a qualified name ("t"."c") or a function's name.
bool string_in_double_quotes(const std::vector<sqlite::Token>& tokens, std::size_t i,
                             const std::vector<std::string>* columns) {
  const auto& token = tokens[i];
  if (columns == nullptr || token.kind != sqlite::TokenKind::quoted_identifier ||
      !token.text.starts_with('"')) {
    return false;
  }
  if ((i > 0 && tokens[i - 1].is(".")) ||
      (i + 1 < tokens.size() && (tokens[i + 1].is(".") || tokens[i + 1].is("(")))) {
    return false;
  }
  const std::string value = sqlite::identifier_value(token);
  for (std::string_view rowid : {"rowid", "oid", "_rowid_"}) {
    if (same_identifier(value, rowid)) return false;
  }
  return std::none_of(columns->begin(), columns->end(),
                      [&](const std::string& column) { return same_identifier(column, value); });
}

// A quoted name re-quoted as quote_identifier() does it. One that needs no quotes is a name like
// any other: a column's as the table declares it (SQLite compares names ignoring ASCII case),
// any other in lower case. TRUE and FALSE keep their quotes: bare, they are the values.
std::string quoted_name(const sqlite::Token& token, const std::vector<std::string>* columns) {
  const std::string name = sqlite::identifier_value(token);
  if (columns != nullptr) {
    for (const auto& column : *columns) {
      if (same_identifier(column, name)) return sqlite::quote_identifier(column);
    }
  }
  std::string text = sqlite::quote_identifier(name);
  if (text.starts_with('"')) return text;
  if (same_identifier(name, "true") || same_identifier(name, "false")) return '"' + name + '"';
  return sqlite::ascii_lower(text);
}

// Parentheses around the whole expression change nothing, unless they hold one token (a string
// in parentheses is an index key that CREATE INDEX reads as written; a name, one that it reads
// as an expression).
std::vector<sqlite::Token> without_outer_parentheses(std::vector<sqlite::Token> tokens) {
  while (tokens.size() > 3 && sqlite::wrapped_in_parentheses(tokens)) {
    tokens.pop_back();
    tokens.erase(tokens.begin());
  }
  return tokens;
}

std::string normalize(std::string_view sql, const std::vector<std::string>* columns) {
  const auto tokens = without_outer_parentheses(sqlite::tokenize_sql_code(sql));
  std::string out;
  const sqlite::Token* previous = nullptr;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& token = tokens[i];
    std::string text =
        string_in_double_quotes(tokens, i, columns) ? sqlite::quote_literal(sqlite::identifier_value(token))
        : token.kind == sqlite::TokenKind::quoted_identifier ? quoted_name(token, columns)
        : token.kind == sqlite::TokenKind::word ? sqlite::folded_word(tokens, i, columns)
                                                : std::string(token.text);
    if (previous != nullptr) {
      const bool gap = previous->end() < token.offset;
      const bool hugged = previous->is("(") || token.is(")") || token.is(",");
      // Unquoting can make two words touch ("a"AND"b"): they need a space between them.
      const bool words_touch =
          sqlite::is_word_char(out.back()) && sqlite::is_word_char(text.front());
      const bool after_comma = previous->is(",") && !token.is(")");
      if ((gap && !hugged) || words_touch || after_comma) out += ' ';
    }
    out += text;
    previous = &token;
  }
  return out;
}

}  // namespace

std::string normalize_sql_expression(std::string_view sql) {
  return normalize(sql, nullptr);
}

std::string normalize_sql_expression(std::string_view sql,
                                     const std::vector<std::string>& columns) {
  return normalize(sql, &columns);
}

std::string normalize_stored_default(std::string_view dflt_value) {
  // DEFAULT followed by a lone name (active, "dq", [br], `bt`) is, to SQLite, the string that
  // name spells; in parentheses it would be a column reference, which SQLite refuses to store.
  if (const auto tokens = sqlite::tokenize_sql_code(dflt_value);
      tokens.size() == 1 &&
      (tokens[0].kind == sqlite::TokenKind::quoted_identifier ||
       (tokens[0].kind == sqlite::TokenKind::word && !sqlite::is_plain_literal(tokens[0])))) {
    return sqlite::quote_literal(sqlite::identifier_value(tokens[0]));
  }
  return normalize_sql_default(dflt_value);
}

std::string normalize_sql_default(std::string_view sql) {
  auto text = normalize_sql_expression(sql);
  // Peel parentheses that wrap the whole text: SQLite's own dflt_value drops one pair.
  while (text.size() >= 2 && text.front() == '(' && text.back() == ')') {
    if (!sqlite::wrapped_in_parentheses(sqlite::tokenize_sql_code(text))) break;
    text = normalize_sql_expression(std::string_view(text).substr(1, text.size() - 2));
  }
  const auto tokens = sqlite::tokenize_sql_code(text);
  const bool literal = (tokens.size() == 1 && sqlite::is_plain_literal(tokens[0])) ||
                       (tokens.size() == 2 && (tokens[0].is("-") || tokens[0].is("+")) &&
                        tokens[1].kind == sqlite::TokenKind::number);
  if (literal || tokens.empty()) return text;
  return "(" + text + ")";
}

}  // namespace dbmigrate
