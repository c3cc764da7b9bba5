// The case of SQLite SQL text (see sql_case.hpp).
#include "dialect/sqlite/sql_case.hpp"

#include <sqlite3.h>

#include <algorithm>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate::sqlite {
namespace {

// Keywords that end a SELECT's result-column list when met outside parentheses.
bool ends_result_columns(const Token& token) {
  for (auto keyword : {"FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "UNION",
                       "INTERSECT", "EXCEPT"}) {
    if (token.is_keyword(keyword)) return true;
  }
  return false;
}

// Where SQLite reads a word as a name even when it is a keyword it lets be one (a table called
// `rows`, a column called `key`): before or after a '.', after FROM, JOIN, INTO, UPDATE, ON, OF.
bool in_name_position(const std::vector<Token>& code, std::size_t i) {
  if ((i > 0 && code[i - 1].is(".")) || (i + 1 < code.size() && code[i + 1].is("."))) return true;
  if (i == 0 || code[i].is_keyword("OF") || code[i].is_keyword("OR") ||
      code[i].is_keyword("CONFLICT"))  // UPDATE OF, UPDATE OR REPLACE, ON CONFLICT
    return false;
  for (auto keyword : {"FROM", "JOIN", "INTO", "UPDATE", "ON", "OF"}) {
    if (code[i - 1].is_keyword(keyword)) return true;
  }
  // UPDATE OR REPLACE <table>
  return i >= 3 && code[i - 3].is_keyword("UPDATE") && code[i - 2].is_keyword("OR");
}

// A trigger's NEW.column or OLD.column: SQLite reads NEW and OLD ignoring case.
bool is_row_name(const std::vector<Token>& code, std::size_t i) {
  return (code[i].is_keyword("NEW") || code[i].is_keyword("OLD")) && i + 1 < code.size() &&
         code[i + 1].is(".");
}

bool is_function_name(const std::vector<Token>& code, std::size_t i) {
  return code[i].kind == TokenKind::word && i + 1 < code.size() && code[i + 1].is("(") &&
         !is_sqlite_keyword(code[i].text);
}

}  // namespace

bool is_sqlite_keyword(std::string_view word) {
  return !word.empty() && sqlite3_keyword_check(word.data(), static_cast<int>(word.size())) != 0;
}

std::string ascii_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string folded_word(const std::vector<Token>& code, std::size_t i,
                        const std::vector<std::string>* columns) {
  const std::string_view word = code[i].text;
  if (columns != nullptr) {
    const auto column = std::find_if(columns->begin(), columns->end(), [&](const std::string& c) {
      return same_identifier(c, word);
    });
    if (column != columns->end()) return *column;
  }
  if (i > 0 && code[i - 1].is_keyword("COLLATE")) return ascii_upper(word);
  const bool dotted =
      (i > 0 && code[i - 1].is(".")) || (i + 1 < code.size() && code[i + 1].is("."));
  if (!dotted &&
      (is_sqlite_keyword(word) || code[i].is_keyword("TRUE") || code[i].is_keyword("FALSE")))
    return ascii_upper(word);
  return ascii_lower(word);
}

std::string fold_statement_case(std::string_view sql, std::string_view kind,
                                std::size_t name_offset) {
  const auto code = tokenize_sql_code(sql);
  std::string out(sql);  // folding keeps every byte's place: ASCII letters change case only
  bool in_result_columns = false;
  bool result_columns_seen = kind != "VIEW";
  int depth = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const Token& token = code[i];
    if (token.is("(")) ++depth;
    if (token.is(")")) --depth;
    if (in_result_columns && depth == 0 && ends_result_columns(token)) in_result_columns = false;
    const bool keep =
        in_result_columns || token.offset == name_offset || token.kind != TokenKind::word;
    if (!keep) {
      const std::string folded =
          is_row_name(code, i) || (is_sqlite_keyword(token.text) && !in_name_position(code, i))
              ? ascii_upper(token.text)
          : is_function_name(code, i) ? ascii_lower(token.text)
                                      : std::string(token.text);
      out.replace(token.offset, token.text.size(), folded);
    }
    if (!result_columns_seen && depth == 0 && token.is_keyword("SELECT")) {
      result_columns_seen = true;
      in_result_columns = true;
      // DISTINCT / ALL belong to the SELECT, not to a column's text.
      if (i + 1 < code.size() &&
          (code[i + 1].is_keyword("DISTINCT") || code[i + 1].is_keyword("ALL"))) {
        const Token& next = code[++i];
        out.replace(next.offset, next.text.size(), ascii_upper(next.text));
      }
    }
  }
  return out;
}

}  // namespace dbmigrate::sqlite
