// SQLite SQL as tokens: words, quoted names, literals, operators and comments, each with its
// byte offset in the source, so that callers can cut the source text or find its line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dbmigrate::sqlite {

enum class TokenKind {
  word,               // an unquoted identifier or keyword: SELECT, users, naïve
  quoted_identifier,  // "name", `name` or [name]
  string,             // 'text'
  blob,               // x'00ff'
  number,             // 42, 1.5e3, 0x1F
  variable,           // ?, ?1, :name, @name, $name
  punctuation,        // ( ) , ; . and the operators, one token each: || <= <> ->> ...
  comment,            // -- to the end of the line (newline excluded), or /* ... */
};

struct Token {
  TokenKind kind;
  std::string_view text;  // a view into the tokenized source
  std::size_t offset;     // of text's first byte in the source

  [[nodiscard]] std::size_t end() const { return offset + text.size(); }
  // An unquoted word equal to `keyword`, ignoring ASCII case as SQLite does.
  [[nodiscard]] bool is_keyword(std::string_view keyword) const;
  [[nodiscard]] bool is(std::string_view punctuation) const {
    return kind == TokenKind::punctuation && text == punctuation;
  }
};

// Every token of `sql` but whitespace. Never fails: an unterminated quote or comment runs to the
// end of the input (SQLite itself rejects such text before it is stored).
[[nodiscard]] std::vector<Token> tokenize_sql(std::string_view sql);

// As above, without the comments: what the SQL parser sees.
[[nodiscard]] std::vector<Token> tokenize_sql_code(std::string_view sql);

// The name a token spells: quotes removed and doubled quotes undone. SQLite also accepts a
// 'string' where it expects a name, so strings are unquoted too; other tokens come back as is.
[[nodiscard]] std::string identifier_value(const Token& token);

// Whether `code` (tokens without comments) opens with '(' and closes it with its last token.
[[nodiscard]] bool wrapped_in_parentheses(const std::vector<Token>& code);

// A string literal: the text in single quotes, its own single quotes doubled (the one place a
// value becomes SQL text; quote.cpp, beside SqliteDialect::quote_identifier).
[[nodiscard]] std::string quote_literal(std::string_view value);
// A name as SQL text: bare when it is a plain name and no keyword, else in double quotes
// (SqliteDialect::quote_identifier; a free function so that hot paths make no dialect object).
[[nodiscard]] std::string quote_identifier(std::string_view name);

// The offset of the first byte at or after `offset` that is neither whitespace nor comment.
[[nodiscard]] std::size_t skip_blank(std::string_view sql, std::size_t offset);

}  // namespace dbmigrate::sqlite
