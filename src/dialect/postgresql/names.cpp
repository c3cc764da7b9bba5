// PostgreSQL names (https://www.postgresql.org/docs/15/sql-syntax-lexical.html).
#include "dialect/postgresql/names.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "dbmigrate/error.hpp"

namespace dbmigrate::postgresql {
namespace {

// The keywords quote_ident() quotes: every category but the unreserved one (PostgreSQL 15,
// Appendix C), sorted.
constexpr std::array<std::string_view, 156> quoted_keywords = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
    "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
    "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently",
    "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
    "current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal",
    "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists",
    "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant",
    "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout",
    "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "json_array",
    "json_arrayagg", "json_object", "json_objectagg", "lateral", "leading", "least", "left",
    "like", "limit", "localtime", "localtimestamp", "national", "natural", "nchar", "none",
    "normalize", "not", "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or",
    "order", "out", "outer", "overlaps", "overlay", "placing", "position", "precision",
    "primary", "real", "references", "returning", "right", "row", "select", "session_user",
    "setof", "similar", "smallint", "some", "substring", "symmetric", "system_user", "table",
    "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true",
    "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose", "when",
    "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
    "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
};

bool needs_quotes(std::string_view name) {
  if (name.empty()) return true;
  const char first = name.front();
  if (!((first >= 'a' && first <= 'z') || first == '_')) return true;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$')) return true;
  }
  return std::binary_search(quoted_keywords.begin(), quoted_keywords.end(), name);
}

// The first `bytes` bytes of `text`, not cutting a UTF-8 character in two.
std::string_view clip(std::string_view text, std::size_t bytes) {
  if (bytes >= text.size()) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

}  // namespace

std::string quote_identifier(std::string_view name) {
  if (!needs_quotes(name)) return std::string(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string name_problem(std::string_view name) {
  if (name.empty()) return "an empty name: PostgreSQL needs at least one character";
  if (name.find('\0') != std::string_view::npos)
    return fmt::format("name '{}' holds a NUL byte, which PostgreSQL cannot keep", name);
  if (name.size() > max_name_bytes) {
    return fmt::format(
        "name '{}' is {} bytes long: PostgreSQL keeps names of at most {} bytes and would cut "
        "it to '{}'; choose a shorter name",
        name, name.size(), max_name_bytes, clip(name, max_name_bytes));
  }
  return {};
}

void check_name(std::string_view name) {
  if (auto problem = name_problem(name); !problem.empty()) throw Error(ErrorKind::input, problem);
}

std::string default_constraint_name(std::string_view table,
                                    const std::vector<std::string>& columns,
                                    std::string_view label) {
  // ChooseForeignKeyConstraintNameAddition / ChooseIndexColumnNames: the columns joined by `_`,
  // stopping once the text is as long as a name can be.
  std::string joined;
  for (const auto& column : columns) {
    if (!joined.empty()) joined += '_';
    joined += column;
    if (joined.size() >= max_name_bytes) break;
  }
  // makeObjectName: shorten the longer of the two parts, a byte at a time, until all fits.
  const std::size_t overhead = label.size() + 1 + (joined.empty() ? 0 : 1);
  const std::size_t available = max_name_bytes - overhead;
  std::size_t table_bytes = table.size();
  std::size_t column_bytes = joined.size();
  while (table_bytes + column_bytes > available) {
    if (table_bytes > column_bytes) {
      --table_bytes;
    } else {
      --column_bytes;
    }
  }
  std::string name(clip(table, table_bytes));
  if (!joined.empty()) name += fmt::format("_{}", clip(joined, column_bytes));
  return fmt::format("{}_{}", name, label);
}

bool is_chosen_name(std::string_view name, std::string_view base) {
  if (!name.starts_with(base)) return false;
  const auto rest = name.substr(base.size());
  return std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace dbmigrate::postgresql
