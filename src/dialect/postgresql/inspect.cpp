// PostgreSQL inspection: a handful of pg_catalog queries over the whole schema (not one per
// table), so that a schema of thousands of tables reads in a few round trips.
#include "dialect/postgresql/inspect.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "dbmigrate/version_tables.hpp"
#include "dialect/postgresql/names.hpp"
#include "dialect/postgresql/quote.hpp"
#include "dialect/postgresql/types.hpp"

namespace dbmigrate::postgresql {
namespace {

const std::string& text(const Row& row, std::size_t i) {
  static const std::string empty;
  return row.at(i) ? *row[i] : empty;
}
bool flag(const Row& row, std::size_t i) { return text(row, i) == "t"; }

// A list written by string_agg(quote_ident(name), ','): each name bare or "double-quoted".
std::vector<std::string> name_list(const std::string& list) {
  std::vector<std::string> names;
  std::string name;
  bool quoted = false;
  bool any = false;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const char c = list[i];
    if (quoted) {
      if (c == '"' && i + 1 < list.size() && list[i + 1] == '"') {
        name += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        name += c;
      }
    } else if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      names.push_back(std::exchange(name, {}));
      any = false;
    } else {
      name += c;
      any = true;
    }
  }
  if (any || !name.empty()) names.push_back(name);
  return names;
}

// A name as pg_get_indexdef() prints a column key: bare or "double-quoted".
std::string unquoted(const std::string& name) {
  auto names = name_list(name);
  return names.size() == 1 ? names.front() : name;
}

// Deparsed expressions come in one pair of parentheses, which the snapshot leaves out.
std::string without_outer_parentheses(std::string sql) {
  if (sql.size() < 2 || sql.front() != '(' || sql.back() != ')') return sql;
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (in_string) {
      if (c == '\'') in_string = false;
      continue;
    }
    if (c == '\'') in_string = true;
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0 && i + 1 != sql.size()) return sql;  // `(a) + (b)`
  }
  return sql.substr(1, sql.size() - 2);
}

ReferentialAction action(const std::string& code) {
  if (code == "r") return ReferentialAction::restrict;
  if (code == "c") return ReferentialAction::cascade;
  if (code == "n") return ReferentialAction::set_null;
  if (code == "d") return ReferentialAction::set_default;
  return ReferentialAction::no_action;
}

constexpr std::string_view tables_sql = R"(
SELECT c.oid, c.relname
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND c.relname NOT IN ($2, $3)
ORDER BY c.relname)";

constexpr std::string_view columns_sql = R"(
SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,
       EXISTS (SELECT 1 FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
               WHERE dep.classid = 'pg_class'::regclass AND dep.refobjid = a.attrelid
                 AND dep.refobjsubid = a.attnum AND dep.deptype = 'a')
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum)";

constexpr std::string_view constraints_sql = R"(
SELECT k.conrelid, k.conname, k.contype,
       (SELECT string_agg(quote_ident(a.attname), ',' ORDER BY u.o)
        FROM unnest(k.conkey) WITH ORDINALITY u(n, o)
        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n),
       r.relname,
       (SELECT string_agg(quote_ident(a.attname), ',' ORDER BY u.o)
        FROM unnest(k.confkey) WITH ORDINALITY u(n, o)
        JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n),
       k.confdeltype, k.confupdtype, k.condeferrable, k.condeferred,
       pg_get_expr(k.conbin, k.conrelid),
       CASE WHEN k.contype = 'u' THEN
         (SELECT string_agg(CASE WHEN (i.indoption[u.o - 1] & 1) = 1 THEN 'd' ELSE 'a' END, ''
                            ORDER BY u.o)
          FROM unnest(k.conkey) WITH ORDINALITY u(n, o)
          JOIN pg_index i ON i.indexrelid = k.conindid) END,
       CASE WHEN k.contype = 'u' THEN
         (SELECT string_agg(COALESCE(CASE WHEN i.indcollation[u.o - 1]
                                              NOT IN (0, a.attcollation)
                                          THEN co.collname END, ''), chr(31) ORDER BY u.o)
          FROM unnest(k.conkey) WITH ORDINALITY u(n, o)
          JOIN pg_index i ON i.indexrelid = k.conindid
          JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n
          LEFT JOIN pg_collation co ON co.oid = i.indcollation[u.o - 1]) END
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class r ON r.oid = k.confrelid
WHERE n.nspname = $1 AND k.contype IN ('p', 'u', 'f', 'c')
ORDER BY k.conrelid, k.conname)";

// Indexes of their own (not those behind a primary key, unique or exclusion constraint), one
// row a key.
constexpr std::string_view index_keys_sql = R"(
SELECT i.indrelid, x.relname, i.indisunique, pg_get_expr(i.indpred, i.indrelid),
       k.n, pg_get_indexdef(i.indexrelid, k.n::int, false), i.indkey[k.n - 1] = 0,
       (i.indoption[k.n - 1] & 1) = 1,
       CASE WHEN i.indcollation[k.n - 1] NOT IN (0, COALESCE(a.attcollation, 100))
            THEN co.collname END
FROM pg_index i
JOIN pg_class x ON x.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) k(n)
LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n - 1]
LEFT JOIN pg_collation co ON co.oid = i.indcollation[k.n - 1]
WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k2 WHERE k2.conindid = i.indexrelid
                  AND k2.contype IN ('p', 'u', 'x'))
ORDER BY i.indrelid, x.relname, k.n)";

constexpr std::string_view views_sql = R"(
SELECT c.relname, pg_get_viewdef(c.oid)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relkind = 'v'
ORDER BY c.relname)";

// Pretty: the table is named unqualified when the search path finds it, as in a view's text, so
// a schema file read on a scratch schema gives the same trigger text as the database.
constexpr std::string_view triggers_sql = R"(
SELECT g.tgname, c.relname, pg_get_triggerdef(g.oid, true)
FROM pg_trigger g
JOIN pg_class c ON c.oid = g.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND NOT g.tgisinternal AND c.relname NOT IN ($2, $3)
ORDER BY g.tgname)";

Column column_of(const Row& row) {
  Column column{.name = text(row, 1), .type = portable_type(text(row, 2)), .nullable = !flag(row, 3)};
  const auto& default_sql = row.at(4);
  const std::string identity = text(row, 5);
  const std::string generated = text(row, 6);
  if (!generated.empty()) {
    column.generated = Generated{.expression = without_outer_parentheses(text(row, 4)), .stored = true};
  } else if (!identity.empty()) {
    column.autoincrement = true;
  } else if (default_sql && flag(row, 8) && default_sql->starts_with("nextval(")) {
    column.autoincrement = true;  // serial: a sequence the column owns
  } else if (default_sql) {
    column.default_sql = *default_sql;
  }
  if (row.at(7)) column.collation = *row[7];
  return column;
}

void add_constraint(Table& table, const Row& row) {
  const std::string& name = text(row, 1);
  const std::string& kind = text(row, 2);
  std::vector<std::string> columns = name_list(text(row, 3));
  if (kind == "p") {
    table.primary_key = std::move(columns);
  } else if (kind == "u") {
    UniqueConstraint unique{.columns = std::move(columns)};
    // The constraint's index keys each column DESC ('d') or not, and with a collation other
    // than the column's own (empty when not), one a column.
    const std::string directions = text(row, 11);
    const std::string collations = text(row, 12);
    std::size_t start = 0;
    for (std::size_t i = 0; i < unique.columns.size(); ++i) {
      const std::size_t end = std::min(collations.find('\x1f', start), collations.size());
      KeyOrder order{.descending = i < directions.size() && directions[i] == 'd'};
      if (end > start) order.collation = collations.substr(start, end - start);
      start = end + 1;
      unique.orders.push_back(std::move(order));
    }
    if (std::all_of(unique.orders.begin(), unique.orders.end(),
                    [](const KeyOrder& order) { return order == KeyOrder{}; }))
      unique.orders.clear();
    if (!is_chosen_name(name, default_constraint_name(table.name, unique.columns, "key")))
      unique.name = name;
    table.uniques.push_back(std::move(unique));
  } else if (kind == "f") {
    ForeignKey fk{.columns = std::move(columns),
                  .ref_table = text(row, 4),
                  .ref_columns = name_list(text(row, 5)),
                  .on_delete = action(text(row, 6)),
                  .on_update = action(text(row, 7)),
                  .deferrable = flag(row, 8),
                  .initially_deferred = flag(row, 9)};
    if (!is_chosen_name(name, default_constraint_name(table.name, fk.columns, "fkey")))
      fk.name = name;
    table.foreign_keys.push_back(std::move(fk));
  } else if (kind == "c") {
    CheckConstraint check{.expression = without_outer_parentheses(text(row, 10))};
    // PostgreSQL names a CHECK after its column when it mentions one: t_col_check, else t_check.
    if (columns.size() > 1) columns.clear();
    if (!is_chosen_name(name, default_constraint_name(table.name, columns, "check")))
      check.name = name;
    table.checks.push_back(std::move(check));
  }
}

}  // namespace

Snapshot inspect_schema(Connection& db, const std::string& schema) {
  const Params own = {schema, std::string(version_table_name), std::string(history_table_name)};
  Snapshot snapshot;
  std::map<std::string, std::size_t> by_oid;
  for (const auto& row : db.query(tables_sql, own)) {
    by_oid.emplace(text(row, 0), snapshot.tables.size());
    snapshot.tables.push_back(Table{.name = text(row, 1)});
  }
  auto table_of = [&](const Row& row) -> Table* {
    auto it = by_oid.find(text(row, 0));
    return it == by_oid.end() ? nullptr : &snapshot.tables[it->second];
  };
  const Params in_schema = {schema};
  for (const auto& row : db.query(columns_sql, in_schema)) {
    if (Table* table = table_of(row)) table->columns.push_back(column_of(row));
  }
  for (const auto& row : db.query(constraints_sql, in_schema)) {
    if (Table* table = table_of(row)) add_constraint(*table, row);
  }
  Table* last_table = nullptr;
  std::string last_index;
  for (const auto& row : db.query(index_keys_sql, in_schema)) {
    Table* table = table_of(row);
    if (table == nullptr) continue;
    if (table != last_table || text(row, 1) != last_index) {
      Index index{.name = text(row, 1), .unique = flag(row, 2)};
      if (row.at(3)) index.where = without_outer_parentheses(*row[3]);
      table->indexes.push_back(std::move(index));
      last_table = table;
      last_index = text(row, 1);
    }
    IndexKey key{.expression = flag(row, 6), .descending = flag(row, 7)};
    key.name = key.expression ? without_outer_parentheses(text(row, 5)) : unquoted(text(row, 5));
    if (row.at(8)) key.collation = *row[8];
    table->indexes.back().keys.push_back(std::move(key));
  }
  for (const auto& row : db.query(views_sql, in_schema)) {
    std::string body = text(row, 1);
    while (!body.empty() && (body.back() == ';' || std::isspace(static_cast<unsigned char>(body.back()))))
      body.pop_back();
    while (!body.empty() && std::isspace(static_cast<unsigned char>(body.front()))) body.erase(0, 1);
    snapshot.views.push_back(
        {.name = text(row, 0), .sql = fmt::format("CREATE VIEW {} AS {}", quote_identifier(text(row, 0)), body)});
  }
  for (const auto& row : db.query(triggers_sql, own)) {
    snapshot.triggers.push_back({.name = text(row, 0), .table = text(row, 1), .sql = text(row, 2)});
  }
  snapshot.normalize();
  return snapshot;
}

Snapshot inspect(Connection& db) {
  std::string schema = db.schema();
  if (schema.empty()) schema = db.query_value("SELECT current_schema()").value_or("public");
  return inspect_schema(db, schema);
}

}  // namespace dbmigrate::postgresql
