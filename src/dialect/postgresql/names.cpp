// PostgreSQL names (https://www.postgresql.org/docs/15/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS).
#include "dialect/postgresql/names.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "dbmigrate/error.hpp"
#include "dialect/postgresql/quote.hpp"

namespace dbmigrate::postgresql {
namespace {

// The first `bytes` bytes of `text`, not cutting a UTF-8 character in two.
std::string_view clip(std::string_view text, std::size_t bytes) {
  if (bytes >= text.size()) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

}  // namespace

std::string name_problem(std::string_view name) {
  if (name.empty()) return "an empty name: PostgreSQL needs at least one character";
  if (name.find('\0') != std::string_view::npos)
    return fmt::format("name '{}' holds a NUL byte, which PostgreSQL cannot keep", name);
  if (name.size() > max_identifier_length) {
    return fmt::format(
        "name '{}' is {} bytes long: PostgreSQL keeps names of at most {} bytes and would cut "
        "it to '{}'; choose a shorter name",
        name, name.size(), max_identifier_length, clip(name, max_identifier_length));
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
    if (joined.size() >= max_identifier_length) break;
  }
  // makeObjectName: shorten the longer of the two parts, a byte at a time, until all fits.
  const std::size_t overhead = label.size() + 1 + (joined.empty() ? 0 : 1);
  const std::size_t available = max_identifier_length - overhead;
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
