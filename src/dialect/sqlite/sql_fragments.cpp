// SqliteFragmentCheck: the SQL text of a snapshot is exactly one expression or one CREATE
// statement. The tokenizer finds what would leak out of the place the text is rendered into (a
// ';', a parenthesis closed early, a comma between two expressions, an open quote or comment);
// SQLite then parses the text on a private in-memory database, prepared and never run.
#include <fmt/format.h>
#include <sqlite3.h>

#include "dbmigrate/error.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/connection.hpp"
#include "dialect/sqlite/sql_tokens.hpp"

namespace dbmigrate {
namespace {

using sqlite::Token;
using sqlite::TokenKind;

// Whether a quoted run that opens with `quote` at s[0] closes at its last byte.
bool closes_at_end(std::string_view s, char quote) {
  if (s.size() < 2 || s.front() != quote) return false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] != quote) continue;
    if (quote != ']' && i + 1 < s.size() && s[i + 1] == quote) {
      ++i;
      continue;
    }
    return i + 1 == s.size();
  }
  return false;
}

bool closed(const Token& token) {
  const std::string_view text = token.text;
  switch (token.kind) {
    case TokenKind::string:
      return closes_at_end(text, '\'');
    case TokenKind::blob:
      return closes_at_end(text.substr(1), '\'');
    case TokenKind::quoted_identifier:
      return text.front() == '[' ? text.size() >= 2 && text.back() == ']'
                                 : closes_at_end(text, text.front());
    case TokenKind::comment:
      return text.starts_with("--") || (text.size() >= 4 && text.ends_with("*/"));
    default:
      return true;
  }
}

// What would run into the text rendered after the fragment: an open quote or comment, or, in an
// expression (rendered inline), a -- comment that its own line does not end. A statement may
// end in one: the renderer ends it on a line of its own.
enum class Ending { inline_text, own_line };
std::string open_ended(std::string_view sql, const std::vector<Token>& tokens, Ending ending) {
  for (const auto& token : tokens) {
    if (!closed(token)) {
      return fmt::format("{} at offset {} is never closed",
                         token.kind == TokenKind::comment ? "the comment" : "the quote",
                         token.offset);
    }
    if (ending == Ending::inline_text && token.kind == TokenKind::comment &&
        token.text.starts_with("--") && token.end() == sql.size()) {
      return "it ends in a -- comment, which would swallow what follows it; end the text with a "
             "newline or use /* */";
    }
  }
  return {};
}

// SQLite's message for text it cannot parse. Other errors (a column or table that this empty
// database lacks) are not the fragment's fault.
bool is_syntax_error(std::string_view message) {
  return message.find("syntax error") != std::string_view::npos ||
         message.starts_with("incomplete input") || message.starts_with("unrecognized token");
}

}  // namespace

SqliteFragmentCheck::SqliteFragmentCheck() = default;

SqliteFragmentCheck::~SqliteFragmentCheck() = default;

const sqlite::Connection& SqliteFragmentCheck::scratch() const {
  if (scratch_ == nullptr) {
    scratch_ = std::make_unique<sqlite::Connection>(":memory:", SQLITE_OPEN_READWRITE);
  }
  return *scratch_;
}

std::string SqliteFragmentCheck::parse_problem(const std::string& sql) const {
  sqlite3_stmt* statement = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v2(scratch().handle(), sql.c_str(), static_cast<int>(sql.size()),
                                    &statement, &tail);
  sqlite3_finalize(statement);
  if (rc != SQLITE_OK) {
    const std::string message = sqlite3_errmsg(scratch_->handle());
    if (is_syntax_error(message)) return message;
  }
  // SQLite resolves names once it has parsed the whole first statement, and says where that
  // ended even when a name is missing: whatever SQLite reads after it, this tokenizer may not
  // have seen as code.
  if (tail == nullptr ||
      sqlite::skip_blank(sql, static_cast<std::size_t>(tail - sql.c_str())) < sql.size()) {
    return "SQLite reads more than one statement in it";
  }
  return {};
}

std::string SqliteFragmentCheck::expression(std::string_view sql) const {
  // A schema repeats its expressions (the same default on many columns): each is judged once.
  const auto known = expressions_.find(sql);
  if (known != expressions_.end()) return known->second;
  std::string problem = expression_problem(sql);
  expressions_.emplace(std::string(sql), problem);
  return problem;
}

std::string SqliteFragmentCheck::expression_problem(std::string_view sql) const {
  const auto tokens = sqlite::tokenize_sql(sql);
  if (auto problem = open_ended(sql, tokens, Ending::inline_text); !problem.empty()) return problem;
  int depth = 0;
  bool empty = true;
  for (const auto& token : tokens) {
    if (token.kind == TokenKind::comment) continue;
    empty = false;
    if (token.is(";")) return "it holds a ';': write one expression, never a statement";
    if (token.is("(")) ++depth;
    if (token.is(")") && --depth < 0)
      return "a ')' closes a parenthesis the expression did not open";
    if (token.is(",") && depth == 0)
      return "a ',' outside parentheses: that is more than one expression";
  }
  if (empty) return "empty expression";
  if (depth > 0) return "a '(' is never closed";
  if (auto problem = parse_problem(fmt::format("SELECT ({}\n)", sql)); !problem.empty())
    return fmt::format("not one SQL expression: {}", problem);
  return {};
}

std::string SqliteFragmentCheck::index_key(std::string_view sql) const {
  if (auto problem = expression(sql); !problem.empty()) return problem;
  // CREATE INDEX reads a string alone, parenthesized or not, as a column name (SQLite's old
  // spelling of names), so such a key would not mean what the snapshot says.
  auto tokens = sqlite::tokenize_sql_code(sql);
  std::size_t first = 0;
  std::size_t last = tokens.size();
  while (last - first >= 3 && tokens[first].is("(") && tokens[last - 1].is(")")) ++first, --last;
  if (last - first == 1 && tokens[first].kind == TokenKind::string) {
    return "CREATE INDEX reads a string alone as a column name: index the column by its name, "
           "or an expression that is not only a string";
  }
  return {};
}

std::string SqliteFragmentCheck::default_value(std::string_view sql) const {
  if (auto problem = expression(sql); !problem.empty()) return problem;
  // After DEFAULT, SQLite reads a literal, a signed number, a name (as a string) or an
  // expression in parentheses; anything more would be read as the column's next constraint.
  const auto tokens = sqlite::tokenize_sql_code(sql);
  const bool term = tokens.size() == 1 && tokens[0].kind != TokenKind::punctuation &&
                    tokens[0].kind != TokenKind::variable;
  const bool signed_number = tokens.size() == 2 && (tokens[0].is("-") || tokens[0].is("+")) &&
                             tokens[1].kind == TokenKind::number;
  const bool wrapped = sqlite::wrapped_in_parentheses(tokens);
  if (!term && !signed_number && !wrapped) {
    return fmt::format(
        "after DEFAULT, SQLite reads a literal or an expression in parentheses: "
        "write ({})",
        sql);
  }
  return constant_problem(sql);
}

// SQLite refuses, when the table is created, a default that reads a column or a subquery.
std::string SqliteFragmentCheck::constant_problem(std::string_view sql) const {
  sqlite3_stmt* statement = nullptr;
  const auto create =
      fmt::format("CREATE TABLE temp.dbmigrate_default_check (c DEFAULT {}\n)", sql);
  sqlite3_prepare_v2(scratch().handle(), create.c_str(), static_cast<int>(create.size()),
                     &statement, nullptr);
  sqlite3_finalize(statement);
  const std::string message = sqlite3_errmsg(scratch_->handle());
  if (message.find("is not constant") != std::string::npos)
    return "SQLite reads it as not constant (a column or a subquery): write a literal or an "
           "expression of literals and functions";
  return {};
}

std::string SqliteFragmentCheck::statement(std::string_view sql, std::string_view kind,
                                           std::string_view name, std::string_view table) const {
  const auto tokens = sqlite::tokenize_sql(sql);
  if (auto problem = open_ended(sql, tokens, Ending::own_line); !problem.empty()) return problem;
  // The first statement ends at the first ';' after which SQLite's own splitter sees a
  // complete statement. A trigger's body holds ';'s of its own: only END; can end it, and only
  // there is SQLite asked (asking at every ';' would read a long body again and again).
  std::size_t end = sql.size();
  const Token* previous = nullptr;
  for (const auto& token : tokens) {
    if (token.kind == TokenKind::comment) continue;
    const bool candidate = token.is(";") && (kind != "TRIGGER" ||
                                             (previous != nullptr && previous->is_keyword("END")));
    if (candidate && sqlite3_complete(std::string(sql.substr(0, token.end())).c_str()) != 0) {
      end = token.end();
      break;
    }
    previous = &token;
  }
  for (const auto& token : tokens) {
    if (token.offset >= end && token.kind != TokenKind::comment && !token.is(";")) {
      return fmt::format(
          "more than one statement (the next starts at offset {}): write "
          "exactly one CREATE {}",
          token.offset, kind);
    }
  }
  const auto code = sqlite::tokenize_sql_code(sql.substr(0, end));
  std::size_t i = 0;
  auto keyword = [&](std::string_view word) { return i < code.size() && code[i].is_keyword(word); };
  if (!keyword("CREATE")) return fmt::format("expected one CREATE {} statement", kind);
  ++i;
  if (keyword("TEMP") || keyword("TEMPORARY"))
    return fmt::format("a TEMP {} lasts only as long as the connection that made it", kind);
  if (!keyword(kind)) return fmt::format("expected one CREATE {} statement", kind);
  ++i;
  if (keyword("IF")) i += 3;
  if (i + 2 < code.size() && code[i + 1].is(".")) {
    if (!same_identifier(sqlite::identifier_value(code[i]), "main"))
      return fmt::format("the {} is created in schema '{}'", kind,
                         sqlite::identifier_value(code[i]));
    i += 2;
  }
  if (i >= code.size()) return fmt::format("the CREATE {} statement names nothing", kind);
  if (const auto created = sqlite::identifier_value(code[i]); !same_identifier(created, name))
    return fmt::format("the statement creates '{}', not '{}'", created, name);
  std::string sql_text(sql.substr(0, end));
  if (kind == "TRIGGER") {
    std::size_t on = i + 1;
    while (on < code.size() && !code[on].is_keyword("ON")) ++on;
    std::size_t at = on + 1;
    if (at + 2 < code.size() && code[at + 1].is(".")) at += 2;
    if (at >= code.size()) return "the CREATE TRIGGER statement names no table";
    if (const auto on_table = sqlite::identifier_value(code[at]); !same_identifier(on_table, table))
      return fmt::format("the trigger is on '{}', not on '{}'", on_table, table);
    // SQLite parses a trigger only on a table that exists: the scratch database gets one.
    const auto create =
        fmt::format("CREATE TABLE IF NOT EXISTS {} (x)", sqlite::quote_identifier(table));
    (void)scratch();
    try {
      scratch_->execute(create);
    } catch (const Error&) {
      // a table by that name exists in some other form: parsing the trigger needs no more
    }
  }
  if (auto problem = parse_problem(sql_text); !problem.empty())
    return fmt::format("not one CREATE {} statement: {}", kind, problem);
  return {};
}

std::string SqliteFragmentCheck::view(std::string_view sql, std::string_view name) const {
  return statement(sql, "VIEW", name, {});
}

std::string SqliteFragmentCheck::trigger(std::string_view sql, std::string_view name,
                                         std::string_view table) const {
  return statement(sql, "TRIGGER", name, table);
}

std::string SqliteFragmentCheck::column_type(std::string_view type) const {
  try {
    (void)sqlite_declared_type(type);
    return {};
  } catch (const Error& error) {
    return error.what();
  }
}

std::string SqliteFragmentCheck::declared_type(std::string_view declared,
                                               std::string_view type) const {
  const std::string reads_as = sqlite_portable_type(declared);
  if (reads_as == type) return {};
  return fmt::format("SQLite reads '{}' as {}, not as {}", declared, reads_as, type);
}

std::string SqliteFragmentCheck::table_name(std::string_view name) const {
  if (same_identifier(name.substr(0, 7), "sqlite_"))
    return fmt::format("'{}': names starting with sqlite_ are SQLite's own", name);
  for (auto own : {version_table_name, history_table_name}) {
    if (same_identifier(name, own)) {
      return fmt::format(
          "'{}' is the name of a table DbMigrate keeps in the database ({} and {}); "
          "give the table another name",
          name, version_table_name, history_table_name);
    }
  }
  return {};
}

}  // namespace dbmigrate
