// Lock warnings for PostgreSQL (https://www.postgresql.org/docs/15/sql-altertable.html, Notes).
#include "dialect/postgresql/lock_warnings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "dialect/postgresql/types.hpp"

namespace dbmigrate::postgresql {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Whether `sql` calls `function`: the name as a whole word followed by `(`.
bool calls(const std::string& sql, std::string_view function) {
  for (std::size_t at = sql.find(function); at != std::string::npos;
       at = sql.find(function, at + 1)) {
    const bool word_start =
        at == 0 || !(std::isalnum(static_cast<unsigned char>(sql[at - 1])) || sql[at - 1] == '_');
    std::size_t after = at + function.size();
    while (after < sql.size() && std::isspace(static_cast<unsigned char>(sql[after]))) ++after;
    if (word_start && after < sql.size() && sql[after] == '(') return true;
  }
  return false;
}

}  // namespace

bool volatile_default(std::string_view sql) {
  const std::string text = lower(sql);
  for (auto function : {"random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc",
                        "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval",
                        "txid_current", "pg_current_xact_id", "setseed"}) {
    if (calls(text, function)) return true;
  }
  return false;
}

std::string type_change_warning(std::string_view table, const Column& from, const Column& to) {
  if (binary_coercible(from.type, to.type)) return {};
  return fmt::format(
      "{}changing column '{}.{}' from {} to {} rewrites the whole table and its indexes under an "
      "ACCESS EXCLUSIVE lock: every read and write of '{}' waits until it ends. On a busy "
      "table, add a new column of the new type instead, fill it in batches (and keep it filled "
      "by the application or a trigger), then switch to it and drop the old one in a later "
      "revision.",
      lock_warning_prefix, table, to.name, from.type, to.type, table);
}

std::string add_column_warning(std::string_view table, const Column& column) {
  std::string why;
  if (column.autoincrement) {
    why = "an identity column";
  } else if (column.generated) {
    why = "a generated column";
  } else if (column.default_sql && volatile_default(*column.default_sql)) {
    why = fmt::format("a column whose default ({}) is volatile", *column.default_sql);
  } else {
    return {};
  }
  return fmt::format(
      "{}adding {} '{}.{}' computes it for every existing row, rewriting the whole table under "
      "an ACCESS EXCLUSIVE lock: every read and write of '{}' waits until it ends. On a busy "
      "table, add the column without a default (or with a constant one), fill existing rows in "
      "batches, then set the default in a later revision.",
      lock_warning_prefix, why, table, column.name, table);
}

std::string set_not_null_warning(std::string_view table, const Column& column, bool proven) {
  if (proven) return {};
  return fmt::format(
      "{}SET NOT NULL on '{}.{}' scans the whole table under an ACCESS EXCLUSIVE lock: every "
      "read and write of '{}' waits until the scan ends. On a busy table, first add "
      "CHECK ({} IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT (which lets reads and writes "
      "go on), then SET NOT NULL, which uses the validated CHECK instead of scanning, and drop "
      "the CHECK.",
      lock_warning_prefix, table, column.name, table, column.name);
}

std::string create_index_warning(std::string_view table, const Index& index) {
  return fmt::format(
      "{}CREATE INDEX '{}' blocks every write to '{}' (a SHARE lock) until the index is "
      "built. On a busy table, build it with CREATE INDEX CONCURRENTLY in a revision of its own "
      "headed `-- Upgrade Transaction: none` (docs/postgresql.md).",
      lock_warning_prefix, index.name, table);
}

std::string add_foreign_key_warning(std::string_view table, const ForeignKey& fk) {
  return fmt::format(
      "{}adding a foreign key to '{}' scans the whole table to validate it, blocking writes to "
      "'{}' and '{}' until the scan ends. On a busy table, add it with NOT VALID, then run "
      "VALIDATE CONSTRAINT in a later revision (which lets reads and writes go on).",
      lock_warning_prefix, table, table, fk.ref_table);
}

}  // namespace dbmigrate::postgresql
