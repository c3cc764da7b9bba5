// A small PostgreSQL lexer: enough to tell one expression or one CREATE statement apart from
// text that would carry a statement of its own into a revision.
#include "dialect/postgresql/statement_shape.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <optional>
#include <vector>

#include "dbmigrate/error.hpp"

namespace dbmigrate::postgresql {
namespace {

struct Token {
  enum Kind { word, quoted, string, symbol, comment } kind;
  std::string text;  // a word lower-cased, a quoted name unquoted, a comment as written
  std::size_t offset = 0;
};

struct Lexed {
  std::vector<Token> tokens;
  std::string problem;
};

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// `comments`: keep `--` comments as tokens too.
Lexed lex(std::string_view sql, bool comments = false) {
  Lexed out;
  std::size_t i = 0;
  const std::size_t n = sql.size();
  while (i < n) {
    const char c = sql[i];
    const std::size_t start = i;
    const std::size_t before = out.tokens.size();
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
      while (i < n && sql[i] != '\n') ++i;
      if (comments) out.tokens.push_back({Token::comment, std::string(sql.substr(start, i - start))});
    } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
      int depth = 0;
      do {
        if (sql.substr(i, 2) == "/*") {
          ++depth;
          i += 2;
        } else if (sql.substr(i, 2) == "*/") {
          --depth;
          i += 2;
        } else {
          ++i;
        }
      } while (i < n && depth > 0);
      if (depth > 0) out.problem = "an unterminated /* comment";
    } else if (c == '\'' || ((c == 'e' || c == 'E') && i + 1 < n && sql[i + 1] == '\'')) {
      const bool escapes = c != '\'';
      i += escapes ? 2 : 1;
      std::string text;
      bool closed = false;
      while (i < n) {
        if (escapes && sql[i] == '\\' && i + 1 < n) {
          text += sql.substr(i, 2);
          i += 2;
        } else if (sql[i] == '\'' && i + 1 < n && sql[i + 1] == '\'') {
          text += "''";
          i += 2;
        } else if (sql[i] == '\'') {
          ++i;
          closed = true;
          break;
        } else {
          text += sql[i++];
        }
      }
      if (!closed) out.problem = "an unterminated string";
      out.tokens.push_back({Token::string, text});
    } else if (c == '"') {
      std::string text;
      bool closed = false;
      for (++i; i < n; ++i) {
        if (sql[i] == '"' && i + 1 < n && sql[i + 1] == '"') {
          text += '"';
          ++i;
        } else if (sql[i] == '"') {
          ++i;
          closed = true;
          break;
        } else {
          text += sql[i];
        }
      }
      if (!closed) out.problem = "an unterminated quoted name";
      out.tokens.push_back({Token::quoted, text});
    } else if (c == '$' && i + 1 < n && (sql[i + 1] == '$' || std::isalpha(static_cast<unsigned char>(sql[i + 1])) || sql[i + 1] == '_')) {
      // $tag$ ... $tag$ (a `$1` parameter is a symbol).
      std::size_t end = i + 1;
      while (end < n && sql[end] != '$' && word_char(sql[end])) ++end;
      if (end < n && sql[end] == '$') {
        const std::string tag(sql.substr(i, end - i + 1));
        const auto close = sql.find(tag, end + 1);
        if (close == std::string_view::npos) {
          out.problem = "an unterminated dollar-quoted string";
          i = n;
        } else {
          out.tokens.push_back({Token::string, std::string(sql.substr(end + 1, close - end - 1))});
          i = close + tag.size();
        }
      } else {
        out.tokens.push_back({Token::symbol, "$"});
        ++i;
      }
    } else if (word_char(c)) {
      std::string text;
      while (i < n && word_char(sql[i]))
        text += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i++])));
      out.tokens.push_back({Token::word, text});
    } else {
      out.tokens.push_back({Token::symbol, std::string(1, c)});
      ++i;
    }
    if (out.tokens.size() > before) out.tokens.back().offset = start;
    if (!out.problem.empty()) break;
  }
  return out;
}

std::string balance_problem(const std::vector<Token>& tokens, bool allow_final_semicolon) {
  int depth = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    if (t.kind != Token::symbol) continue;
    if (t.text == "(") ++depth;
    if (t.text == ")" && --depth < 0) return "a ')' without its '('";
    if (t.text == ";") {
      const bool last = i + 1 == tokens.size();
      if (!(allow_final_semicolon && last)) return "a ';' that ends the statement early";
    }
  }
  return depth > 0 ? "a '(' without its ')'" : "";
}

bool is_word(const Token& t, std::string_view word) { return t.kind == Token::word && t.text == word; }

}  // namespace

std::string shape_problem(std::string_view sql) {
  const Lexed lexed = lex(sql);
  if (!lexed.problem.empty()) return lexed.problem;
  if (lexed.tokens.empty()) return "no SQL at all";
  return balance_problem(lexed.tokens, false);
}

StoredStatement read_create_statement(std::string_view kind, std::string_view sql) {
  StoredStatement out;
  std::string text(sql);
  while (!text.empty() && (std::isspace(static_cast<unsigned char>(text.back())) || text.back() == ';'))
    text.pop_back();
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.erase(0, 1);
  out.sql = text;
  const Lexed lexed = lex(text);
  const std::string what = kind == "VIEW" ? "view" : "trigger";
  if (!lexed.problem.empty()) {
    out.problem = lexed.problem;
    return out;
  }
  if (auto problem = balance_problem(lexed.tokens, false); !problem.empty()) {
    out.problem = problem;
    return out;
  }
  const auto& t = lexed.tokens;
  std::size_t i = 0;
  auto expect = [&](std::string_view word) {
    if (i < t.size() && is_word(t[i], word)) {
      ++i;
      return true;
    }
    return false;
  };
  if (!expect("create")) {
    out.problem = fmt::format("not a CREATE {} statement", kind);
    return out;
  }
  if (expect("or") && !expect("replace")) {
    out.problem = "CREATE OR without REPLACE";
    return out;
  }
  if (kind == "VIEW") {
    (void)(expect("temp") || expect("temporary"));
    (void)expect("recursive");
  } else {
    (void)expect("constraint");
  }
  if (!expect(kind == "VIEW" ? "view" : "trigger") || i >= t.size() ||
      (t[i].kind != Token::word && t[i].kind != Token::quoted)) {
    out.problem = fmt::format("not a CREATE {} statement", kind);
    return out;
  }
  out.name = t[i].text;
  if (i + 2 < t.size() && t[i + 1].kind == Token::symbol && t[i + 1].text == ".") {
    out.problem = fmt::format("the {} names a schema ('{}.'): name it alone, the schema is the URL's", what, out.name);
    return out;
  }
  if (kind == "TRIGGER") {
    for (std::size_t j = i + 1; j + 1 < t.size(); ++j) {
      if (is_word(t[j], "on") && (t[j + 1].kind == Token::word || t[j + 1].kind == Token::quoted)) {
        out.table = t[j + 1].text;
        break;
      }
    }
    if (out.table.empty()) out.problem = "a CREATE TRIGGER statement without ON <table>";
  }
  return out;
}

}  // namespace dbmigrate::postgresql

namespace dbmigrate::postgresql {
namespace {

std::size_t line_of(std::string_view sql, std::size_t offset) {
  return static_cast<std::size_t>(std::count(sql.begin(), sql.begin() + static_cast<std::ptrdiff_t>(offset), '\n')) + 1;
}

bool is_name(const Token& t) { return t.kind == Token::word || t.kind == Token::quoted; }

// What each line defines: a table (its CREATE TABLE line) or a column of one; "" column for the
// table itself, nullopt when the line defines several things.
std::map<std::size_t, std::optional<std::pair<std::string, std::string>>> definitions(
    std::string_view sql, const std::vector<Token>& t) {
  std::map<std::size_t, std::optional<std::pair<std::string, std::string>>> lines;
  auto define = [&](std::size_t line, std::string table, std::string column) {
    auto [at, fresh] = lines.try_emplace(line, std::pair{std::move(table), std::move(column)});
    if (!fresh) at->second.reset();
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!is_word(t[i], "create")) continue;
    std::size_t j = i + 1;
    while (j < t.size() && (is_word(t[j], "temp") || is_word(t[j], "temporary") || is_word(t[j], "unlogged")))
      ++j;
    if (j >= t.size() || !is_word(t[j], "table")) continue;
    ++j;
    if (j + 2 < t.size() && is_word(t[j], "if") && is_word(t[j + 1], "not") && is_word(t[j + 2], "exists")) j += 3;
    if (j + 1 >= t.size() || !is_name(t[j]) || t[j + 1].text != "(") continue;
    const std::string table = t[j].text;
    const std::size_t create_line = line_of(sql, t[i].offset);
    define(create_line, table, "");
    int depth = 0;
    bool starts = true;
    for (std::size_t k = j + 1; k < t.size(); ++k) {
      if (t[k].kind == Token::symbol && t[k].text == "(") {
        ++depth;
        continue;
      }
      if (t[k].kind == Token::symbol && t[k].text == ")") {
        if (--depth == 0) break;
        continue;
      }
      if (depth == 1 && t[k].kind == Token::symbol && t[k].text == ",") {
        starts = true;
        continue;
      }
      if (depth == 1 && starts) {
        starts = false;
        static constexpr std::string_view constraints[] = {"constraint", "primary", "unique", "check",
                                                           "foreign", "exclude", "like"};
        const bool constraint = t[k].kind == Token::word &&
                                std::find(std::begin(constraints), std::end(constraints), t[k].text) != std::end(constraints);
        const std::size_t line = line_of(sql, t[k].offset);
        if (!constraint && is_name(t[k]) && line != create_line) define(line, table, t[k].text);
      }
    }
  }
  return lines;
}

}  // namespace

std::vector<RenameHint> rename_hints(std::string_view sql, std::string_view origin) {
  const Lexed lexed = lex(sql, true);
  std::vector<RenameHint> hints;
  std::optional<std::map<std::size_t, std::optional<std::pair<std::string, std::string>>>> lines;
  for (const auto& token : lexed.tokens) {
    if (token.kind != Token::comment) continue;
    std::string_view text = std::string_view(token.text).substr(2);
    auto trim_front = [](std::string_view s) { return s.substr(std::min(s.find_first_not_of(" \t\r"), s.size())); };
    text = trim_front(text);
    if (!text.starts_with("@renamed")) continue;
    const std::size_t line = line_of(sql, token.offset);
    auto fail = [&](std::string_view why) {
      return Error(ErrorKind::input,
                   fmt::format("{}:{}: {} in rename hint '{}'; write -- @renamed from=<old name> "
                               "(double-quote the name when it needs quoting)",
                               origin, line, why, token.text));
    };
    text = trim_front(text.substr(8));
    if (!text.starts_with("from=")) throw fail("missing 'from='");
    text.remove_prefix(5);
    const Lexed name = lex(text);
    if (!name.problem.empty() || name.tokens.size() != 1 || !is_name(name.tokens[0]))
      throw fail("not one name");
    if (!lines) {
      std::vector<Token> code;
      std::copy_if(lexed.tokens.begin(), lexed.tokens.end(), std::back_inserter(code),
                   [](const Token& t) { return t.kind != Token::comment; });
      lines = definitions(sql, code);
    }
    const auto found = lines->find(line);
    if (found == lines->end())
      throw fail("a hint belongs on the line of a column definition or of CREATE TABLE; it is");
    if (!found->second) throw fail("several columns are defined on this line; it is");
    hints.push_back({.table = found->second->first,
                     .column = found->second->second.empty() ? std::nullopt : std::optional(found->second->second),
                     .from = name.tokens[0].text,
                     .line = line});
  }
  return hints;
}

}  // namespace dbmigrate::postgresql
