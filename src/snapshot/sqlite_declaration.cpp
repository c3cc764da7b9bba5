// What an SQLite declared type means: its affinity, and whether two spellings of a column's
// type mean the same (docs/types.md, "Declared types").
#include <algorithm>
#include <cctype>
#include <string>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate {
namespace {

std::string ascii_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - ('a' - 'A'));
  }
  return out;
}

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A signed number at `at` (skipping spaces before it); false when there is none.
bool signed_number(std::string_view text, std::size_t& at) {
  while (at < text.size() && space(text[at])) ++at;
  if (at < text.size() && (text[at] == '+' || text[at] == '-')) ++at;
  const std::size_t digits = at;
  while (at < text.size() && ((text[at] >= '0' && text[at] <= '9') || text[at] == '.')) ++at;
  if (at == digits) return false;
  while (at < text.size() && space(text[at])) ++at;
  return true;
}

// The single integer primary-key column of a rowid table: the rowid when declared INTEGER.
bool may_be_rowid(const Table& table, const Column& column) {
  return !table.sqlite.without_rowid && table.primary_key.size() == 1 &&
         same_identifier(table.primary_key[0], column.name) && column.type == "integer";
}

}  // namespace

std::string_view sqlite_affinity(std::string_view declared) {
  const std::string type = ascii_upper(declared);
  auto has = [&](std::string_view part) { return type.find(part) != std::string::npos; };
  if (has("INT")) return "INTEGER";
  if (has("CHAR") || has("CLOB") || has("TEXT")) return "TEXT";
  if (has("BLOB") || type.find_first_not_of(" \t\n\r") == std::string::npos) return "BLOB";
  if (has("REAL") || has("FLOA") || has("DOUB")) return "REAL";
  return "NUMERIC";
}

bool is_plain_type_name(std::string_view text) {
  const std::size_t open = text.find('(');
  std::string_view name = text.substr(0, open);
  if (open != std::string_view::npos) {
    while (!name.empty() && space(name.back())) name.remove_suffix(1);
  }
  if (name.empty() || !word_char(name.front()) || !word_char(name.back())) return false;
  if (!std::all_of(name.begin(), name.end(), [](char c) { return word_char(c) || space(c); }))
    return false;
  if (open == std::string_view::npos) return true;
  std::size_t at = open + 1;
  if (!signed_number(text, at)) return false;
  if (at < text.size() && text[at] == ',') {
    ++at;
    if (!signed_number(text, at)) return false;
  }
  return at + 1 == text.size() && text[at] == ')';
}

std::string sqlite_declaration(const Column& column) {
  if (column.sqlite.declared_type) return *column.sqlite.declared_type;
  // SQLite's name of each portable type is the type in upper case (docs/types.md).
  return column.sqlite.any ? std::string("ANY") : ascii_upper(column.type);
}

bool same_sqlite_declaration(const Table& table_a, const Column& a, const Table& table_b,
                             const Column& b) {
  if (a.type != b.type || a.sqlite.any != b.sqlite.any) return false;
  const std::string declared_a = sqlite_declaration(a);
  const std::string declared_b = sqlite_declaration(b);
  if (sqlite_affinity(declared_a) != sqlite_affinity(declared_b)) return false;
  if (may_be_rowid(table_a, a) && may_be_rowid(table_b, b))
    return same_identifier(declared_a, "INTEGER") == same_identifier(declared_b, "INTEGER");
  return true;
}

bool same_column_meaning(const Table& table_a, const Column& a, const Table& table_b,
                         const Column& b) {
  if (a == b) return true;
  if (!same_sqlite_declaration(table_a, a, table_b, b)) return false;
  Column respelled = b;
  respelled.sqlite.declared_type = a.sqlite.declared_type;
  return a == respelled;
}

}  // namespace dbmigrate
