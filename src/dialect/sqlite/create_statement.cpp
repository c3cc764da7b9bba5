// Splits stored CREATE TABLE / CREATE INDEX statements into the parts the PRAGMAs leave out.
// Grammar: https://sqlite.org/lang_createtable.html and https://sqlite.org/lang_createindex.html
#include "dialect/sqlite/create_statement.hpp"

#include <utility>

#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/sql_tokens.hpp"

namespace dbmigrate::sqlite {
namespace {

using Tokens = std::vector<Token>;

struct Range {
  std::size_t begin;
  std::size_t end;  // one past the last token
};

// The index of the ')' matching the '(' at `open`, or tokens.size() when unbalanced.
std::size_t matching_close(const Tokens& tokens, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < tokens.size(); ++i) {
    if (tokens[i].is("(")) ++depth;
    if (tokens[i].is(")") && --depth == 0) return i;
  }
  return tokens.size();
}

// The comma-separated items between the '(' at `open` and its ')'.
std::vector<Range> list_items(const Tokens& tokens, std::size_t open) {
  const std::size_t close = matching_close(tokens, open);
  std::vector<Range> items;
  std::size_t begin = open + 1;
  for (std::size_t i = open + 1; i < close; ++i) {
    if (tokens[i].is("(")) {
      i = matching_close(tokens, i);
    } else if (tokens[i].is(",")) {
      if (begin < i) items.push_back({begin, i});  // SQLite refuses empty items; never index one
      begin = i + 1;
    }
  }
  if (begin < close) items.push_back({begin, close});
  return items;
}

// The source text between two tokens, both excluded.
std::string_view text_between(std::string_view sql, const Token& first, const Token& last) {
  return sql.substr(first.end(), last.offset - first.end());
}

// Names of a column list `(a, b COLLATE x DESC)`: each item's first token.
std::vector<std::string> column_list(const Tokens& tokens, std::size_t open) {
  std::vector<std::string> names;
  for (auto item : list_items(tokens, open)) names.push_back(identifier_value(tokens[item.begin]));
  return names;
}

bool has(const Tokens& tokens, std::size_t i, std::string_view keyword) {
  return i < tokens.size() && tokens[i].is_keyword(keyword);
}

bool opens(const Tokens& tokens, std::size_t i) {
  return i < tokens.size() && tokens[i].is("(");
}

// Walks the constraints of one column definition (`column` set) or one table-constraint item.
// A `CONSTRAINT name` prefix names only the constraint right after it; an `ON CONFLICT` clause
// belongs to the PRIMARY KEY, NOT NULL or UNIQUE constraint just read (SQLite ignores it after
// any other).
void read_constraints(std::string_view sql, const Tokens& tokens, Range range,
                      ColumnDefinition* column, CreateTable& table) {
  enum class Last { other, primary_key, not_null, unique } last = Last::other;
  std::optional<std::string> pending_name;
  const std::size_t keys_before =
      table.foreign_keys.size();  // a DEFERRABLE here is for a key of this item
  std::size_t i = range.begin;
  while (i < range.end) {
    const Token& token = tokens[i];
    if (token.is("(")) {
      i = matching_close(tokens, i) + 1;
    } else if (token.is_keyword("ON") && has(tokens, i + 1, "CONFLICT") && i + 2 < range.end) {
      const auto action = conflict_action(tokens[i + 2].text);
      if (last == Last::primary_key) table.primary_key_on_conflict = action;
      if (last == Last::not_null && column != nullptr) column->not_null_on_conflict = action;
      if (last == Last::unique) table.uniques.back().on_conflict = action;
      i += 3;
    } else if (column != nullptr && (token.is_keyword("AS") ||
                                     (token.is_keyword("GENERATED") &&
                                      has(tokens, i + 1, "ALWAYS") && has(tokens, i + 2, "AS")))) {
      // [GENERATED ALWAYS] AS (expression) [STORED | VIRTUAL]
      const std::size_t open = token.is_keyword("AS") ? i + 1 : i + 3;
      if (!opens(tokens, open)) return;
      const std::size_t close = matching_close(tokens, open);
      if (close >= tokens.size()) return;
      pending_name.reset();
      column->generated = Generated{.expression = std::string(text_between(
                                        sql, tokens[open], tokens[close])),  // normalized last
                                    .stored = has(tokens, close + 1, "STORED")};
      last = Last::other;
      i = close + 1;
    } else if (token.is_keyword("CONSTRAINT") && i + 1 < range.end) {
      pending_name = identifier_value(tokens[i + 1]);
      i += 2;
    } else if (token.is_keyword("CHECK") && opens(tokens, i + 1)) {
      const std::size_t close = matching_close(tokens, i + 1);
      if (close >= tokens.size()) return;
      table.checks.push_back({.name = std::exchange(pending_name, std::nullopt),
                              .expression = std::string(text_between(
                                  sql, tokens[i + 1], tokens[close]))});  // normalized last
      last = Last::other;
      i = close + 1;
    } else if (token.is_keyword("UNIQUE")) {
      DeclaredConstraint unique{.name = std::exchange(pending_name, std::nullopt)};
      if (opens(tokens, i + 1)) {
        unique.columns = column_list(tokens, i + 1);
        i = matching_close(tokens, i + 1) + 1;
      } else {
        if (column != nullptr) unique.columns = {column->name};
        ++i;
      }
      table.uniques.push_back(std::move(unique));
      last = Last::unique;
    } else if (token.is_keyword("FOREIGN") && has(tokens, i + 1, "KEY") && opens(tokens, i + 2)) {
      DeclaredConstraint key{.name = std::exchange(pending_name, std::nullopt),
                             .columns = column_list(tokens, i + 2)};
      i = matching_close(tokens, i + 2) + 1;
      if (has(tokens, i, "REFERENCES") && i + 1 < range.end) {
        key.ref_table = identifier_value(tokens[i + 1]);
        i += 2;
      }
      table.foreign_keys.push_back(std::move(key));
      last = Last::other;
    } else if (token.is_keyword("REFERENCES") && column != nullptr && i + 1 < range.end) {
      table.foreign_keys.push_back({.name = std::exchange(pending_name, std::nullopt),
                                    .columns = {column->name},
                                    .ref_table = identifier_value(tokens[i + 1])});
      last = Last::other;
      i += 2;
    } else if (token.is_keyword("PRIMARY") && column == nullptr && has(tokens, i + 1, "KEY") &&
               opens(tokens, i + 2)) {
      // PRIMARY KEY (id AUTOINCREMENT) is the table-level spelling of a column's AUTOINCREMENT.
      pending_name.reset();
      const std::size_t close = matching_close(tokens, i + 2);
      for (std::size_t k = i + 3; k < close; ++k) {
        if (!tokens[k].is_keyword("AUTOINCREMENT")) continue;
        const auto name = identifier_value(tokens[i + 3]);
        for (auto& definition : table.columns) {
          if (same_identifier(definition.name, name)) definition.autoincrement = true;
        }
      }
      last = Last::primary_key;
      i = close + 1;
    } else if (token.is_keyword("COLLATE") && column != nullptr && i + 1 < range.end) {
      pending_name.reset();
      column->collation = identifier_value(tokens[i + 1]);
      last = Last::other;
      i += 2;
    } else {
      if (token.is_keyword("AUTOINCREMENT") && column != nullptr) column->autoincrement = true;
      // NOT DEFERRABLE is the default; DEFERRABLE [INITIALLY DEFERRED | IMMEDIATE] belongs to the
      // foreign key just declared.
      if (token.is_keyword("DEFERRABLE") && !(i > range.begin && tokens[i - 1].is_keyword("NOT")) &&
          table.foreign_keys.size() > keys_before) {
        auto& key = table.foreign_keys.back();
        key.deferrable = true;
        key.initially_deferred = has(tokens, i + 1, "INITIALLY") && has(tokens, i + 2, "DEFERRED");
      }
      for (auto keyword : {"PRIMARY", "NOT", "NULL", "DEFAULT", "GENERATED", "AS"}) {
        if (token.is_keyword(keyword)) pending_name.reset();
      }
      if (token.is_keyword("PRIMARY") && has(tokens, i + 1, "KEY")) {
        last = Last::primary_key;
      } else if (token.is_keyword("NOT") && has(tokens, i + 1, "NULL")) {
        last = Last::not_null;
        ++i;  // NULL is this constraint's, not a NULL constraint of its own
      } else if (token.is_keyword("NULL") || token.is_keyword("DEFAULT") ||
                 token.is_keyword("REFERENCES")) {
        last = Last::other;
      }
      ++i;
    }
  }
}

bool starts_table_constraint(const Token& token) {
  for (auto keyword : {"CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"}) {
    if (token.is_keyword(keyword)) return true;
  }
  return false;
}

// Skips `[IF NOT EXISTS] [schema.]name` from `i`; returns the name and moves `i` past it.
std::string object_name(const Tokens& tokens, std::size_t& i) {
  if (has(tokens, i, "IF") && has(tokens, i + 1, "NOT") && has(tokens, i + 2, "EXISTS")) i += 3;
  if (i >= tokens.size()) return {};
  if (i + 2 < tokens.size() && tokens[i + 1].is(".")) i += 2;
  return identifier_value(tokens[i++]);
}

// The index key at `item`: a trailing ASC/DESC is the key's (the PRAGMA reports it), and a
// trailing COLLATE belongs to the key when what precedes it is one term: a name, a call or a
// parenthesized expression. In `a || b COLLATE x` it binds to b, as SQLite parses it.
DeclaredIndexKey index_key(std::string_view sql, const Tokens& tokens, Range item,
                           const std::vector<std::string>* columns) {
  if (item.end > item.begin + 1 &&
      (tokens[item.end - 1].is_keyword("ASC") || tokens[item.end - 1].is_keyword("DESC"))) {
    --item.end;
  }
  DeclaredIndexKey key;
  if (item.end >= item.begin + 3 && tokens[item.end - 2].is_keyword("COLLATE")) {
    const std::size_t term_end = item.end - 2;
    const std::size_t last = term_end - 1;
    const bool one_term =
        term_end == item.begin + 1 ||
        (tokens[last].is(")") &&
         ((tokens[item.begin].is("(") && matching_close(tokens, item.begin) == last) ||
          (item.begin + 1 < last && tokens[item.begin + 1].is("(") &&
           matching_close(tokens, item.begin + 1) == last)));
    if (one_term) {
      key.collation = identifier_value(tokens[item.end - 1]);
      item.end = term_end;
    }
  }
  const auto& first = tokens[item.begin];
  const auto& last = tokens[item.end - 1];
  const auto text = sql.substr(first.offset, last.end() - first.offset);
  key.text = columns ? normalize_sql_expression(text, *columns) : normalize_sql_expression(text);
  return key;
}

}  // namespace

bool is_create_table(std::string_view sql) {
  const auto tokens = tokenize_sql_code(sql.substr(0, 200));
  std::size_t i = 1;
  if (has(tokens, i, "TEMP") || has(tokens, i, "TEMPORARY")) ++i;
  return has(tokens, 0, "CREATE") && has(tokens, i, "TABLE");
}

CreateTable parse_create_table(std::string_view sql) {
  const auto tokens = tokenize_sql_code(sql);
  CreateTable table;
  std::size_t i = 0;
  if (tokens.empty()) return table;
  table.create_offset = tokens[0].offset;
  while (i < tokens.size() && !tokens[i].is_keyword("TABLE")) ++i;
  ++i;
  table.name = object_name(tokens, i);
  if (!opens(tokens, i)) return table;  // CREATE TABLE ... AS SELECT: the PRAGMAs say it all

  const std::size_t close = matching_close(tokens, i);
  for (auto item : list_items(tokens, i)) {
    if (starts_table_constraint(tokens[item.begin])) {
      read_constraints(sql, tokens, item, nullptr, table);
      continue;
    }
    table.columns.push_back(
        {.name = identifier_value(tokens[item.begin]), .offset = tokens[item.begin].offset});
    // Constraints after the name: the type name's words and (n) never match a keyword above.
    read_constraints(sql, tokens, {item.begin + 1, item.end}, &table.columns.back(), table);
  }
  for (std::size_t k = close + 1; k + 1 < tokens.size(); ++k) {
    if (tokens[k].is_keyword("WITHOUT") && tokens[k + 1].is_keyword("ROWID")) {
      table.without_rowid = true;
    }
  }
  // Table options: a comma-separated list of WITHOUT ROWID and STRICT.
  for (std::size_t k = close + 1; k < tokens.size(); ++k) {
    if (tokens[k].is_keyword("STRICT")) table.strict = true;
  }
  // CHECK and generated expressions are normalized once every column is known: a
  // "double-quoted" word that names none of them is a string literal.
  std::vector<std::string> names;
  for (const auto& column : table.columns) names.push_back(column.name);
  for (auto& check : table.checks)
    check.expression = normalize_sql_expression(check.expression, names);
  for (auto& column : table.columns) {
    if (column.generated) {
      column.generated->expression = normalize_sql_expression(column.generated->expression, names);
    }
  }
  return table;
}

namespace {

CreateIndex parse_index(std::string_view sql, const std::vector<std::string>* columns) {
  const auto tokens = tokenize_sql_code(sql);
  CreateIndex index;
  std::size_t i = 0;
  while (i < tokens.size() && !tokens[i].is_keyword("INDEX")) ++i;
  ++i;
  index.name = object_name(tokens, i);
  if (!has(tokens, i, "ON") || i + 1 >= tokens.size()) return index;
  index.table = identifier_value(tokens[i + 1]);
  i += 2;
  if (!opens(tokens, i)) return index;
  for (auto item : list_items(tokens, i))
    index.keys.push_back(index_key(sql, tokens, item, columns));
  const std::size_t close = matching_close(tokens, i);
  std::size_t end = tokens.size();
  while (end > close + 2 && tokens[end - 1].is(";")) --end;  // a statement from a file has one
  if (has(tokens, close + 1, "WHERE") && close + 2 < end) {
    const auto& where = tokens[close + 1];
    const auto text = sql.substr(where.end(), tokens[end - 1].end() - where.end());
    index.where =
        columns ? normalize_sql_expression(text, *columns) : normalize_sql_expression(text);
  }
  return index;
}

}  // namespace

CreateIndex parse_create_index(std::string_view sql) {
  return parse_index(sql, nullptr);
}

CreateIndex parse_create_index(std::string_view sql, const std::vector<std::string>& columns) {
  return parse_index(sql, &columns);
}

}  // namespace dbmigrate::sqlite
