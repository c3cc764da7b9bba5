// A PostgreSQL .sql schema file: run on a private scratch schema of the dev server, inspected,
// dropped (as Atlas does with its dev database).
#include "dialect/postgresql/schema_file.hpp"

#include <fmt/format.h>

#include "dialect/postgresql/inspect.hpp"
#include "dialect/postgresql/scratch.hpp"
#include "dialect/postgresql/statement_shape.hpp"

namespace dbmigrate::postgresql {

Snapshot read_schema_file(std::string_view sql, std::string_view origin) {
  const std::string where(origin.empty() ? std::string_view("schema file") : origin);
  const auto hints = rename_hints(sql, where);
  ScratchSchema scratch(scratch_server_url());
  Connection& db = scratch.connection();
  try {
    // One transaction: a statement that fails leaves nothing behind; the schema goes anyway.
    db.execute(fmt::format("BEGIN;\n{}\n;COMMIT", sql));
  } catch (const DatabaseError& error) {
    throw Error(ErrorKind::input,
                fmt::format("{}: PostgreSQL refused the schema file: {}", where, error.reason()));
  }
  Snapshot snapshot = inspect_schema(db, scratch.schema());
  for (const auto& hint : hints) {
    auto fail = [&](const std::string& why) {
      return Error(ErrorKind::input, fmt::format("{}:{}: rename hint from={}: {}", where, hint.line, hint.from, why));
    };
    Table* table = snapshot.find_table(hint.table);
    if (table == nullptr) throw fail(fmt::format("table '{}' is not in the schema", hint.table));
    std::optional<std::string>* renamed_from = &table->renamed_from;
    if (hint.column) {
      Column* column = table->find_column(*hint.column);
      if (column == nullptr) throw fail(fmt::format("column '{}' is not in table '{}'", *hint.column, table->name));
      renamed_from = &column->renamed_from;
    }
    if (renamed_from->has_value()) throw fail("a second hint for the same name");
    *renamed_from = hint.from;
  }
  return snapshot;
}

}  // namespace dbmigrate::postgresql
