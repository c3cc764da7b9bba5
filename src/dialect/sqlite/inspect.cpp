// sqlite::inspect() (SqliteDialect::inspect): a live SQLite database read into a Snapshot.
//
// The PRAGMAs are the source of truth for what SQLite enforces (columns, keys, indexes); the
// stored CREATE statements fill in what they leave out (collations, AUTOINCREMENT, CHECKs,
// constraint names, ON CONFLICT clauses, generated columns' expressions, WITHOUT ROWID, STRICT,
// index expressions). Each PRAGMA is prepared once as a table-valued function and re-bound per
// table, which keeps thousands of tables fast.
//
// Virtual tables are refused with Error(input): a snapshot cannot hold them.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <utility>

#include "dbmigrate/error.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/connection.hpp"
#include "dialect/sqlite/create_statement.hpp"
#include "dialect/sqlite/inspect.hpp"
#include "dialect/sqlite/sql_case.hpp"
#include "dialect/sqlite/sql_tokens.hpp"
#include "snapshot/snapshot_checks.hpp"

namespace dbmigrate {
namespace {

bool is_excluded(std::string_view name) {
  return same_identifier(name.substr(0, 7), "sqlite_") ||
         same_identifier(name, version_table_name) || same_identifier(name, history_table_name);
}

bool same_names(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const auto& x, const auto& y) { return same_identifier(x, y); });
}

ReferentialAction referential_action(std::string_view text) {
  if (text == "CASCADE") return ReferentialAction::cascade;
  if (text == "RESTRICT") return ReferentialAction::restrict;
  if (text == "SET NULL") return ReferentialAction::set_null;
  if (text == "SET DEFAULT") return ReferentialAction::set_default;
  return ReferentialAction::no_action;
}

// N in sqlite_autoindex_<table>_N: SQLite numbers a table's automatic indexes in the order
// their constraints are declared.
int autoindex_number(std::string_view index_name) {
  const auto underscore = index_name.rfind('_');
  int number = 0;
  if (underscore != std::string_view::npos) {
    std::from_chars(index_name.data() + underscore + 1, index_name.data() + index_name.size(),
                    number);
  }
  return number;
}

// The declared constraint (first not yet taken) whose columns match, or nullptr.
sqlite::DeclaredConstraint* take_declared(std::vector<sqlite::DeclaredConstraint>& declared,
                                          const std::vector<std::string>& columns,
                                          const std::string* ref_table = nullptr) {
  for (auto& constraint : declared) {
    if (constraint.columns.empty() || !same_names(constraint.columns, columns)) continue;
    if (ref_table != nullptr && !same_identifier(constraint.ref_table, *ref_table)) continue;
    constraint.columns.clear();  // taken
    return &constraint;
  }
  return nullptr;
}

struct IndexListRow {
  std::string name;
  bool unique;
  std::string origin;
};

class Inspector {
 public:
  explicit Inspector(const sqlite::Connection& db)
      : columns_(db,
                 "SELECT name, type, \"notnull\", dflt_value, pk, hidden "
                 "FROM pragma_table_xinfo(?1, 'main') ORDER BY cid"),
        index_list_(db,
                    "SELECT name, \"unique\", origin FROM pragma_index_list(?1, 'main') "
                    "ORDER BY seq"),
        index_keys_(db,
                    "SELECT cid, name, \"desc\", coll FROM pragma_index_xinfo(?1, 'main') "
                    "WHERE key = 1 ORDER BY seqno"),
        foreign_keys_(db,
                      "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete "
                      "FROM pragma_foreign_key_list(?1, 'main') ORDER BY id DESC, seq") {}

  Table read_table(const std::string& name, const std::string& sql,
                   const std::map<std::string, std::string>& index_sql) {
    if (!sqlite::is_create_table(sql)) {
      throw Error(ErrorKind::input,
                  fmt::format("table '{}' is a virtual table; DbMigrate does not manage virtual "
                              "tables (statement: {})",
                              name, sql.substr(0, sql.find('('))));
    }
    auto declared = sqlite::parse_create_table(sql);
    Table table{.name = name,
                .checks = std::move(declared.checks),
                .sqlite = {.primary_key_on_conflict = declared.primary_key_on_conflict,
                           .without_rowid = declared.without_rowid,
                           .strict = declared.strict}};
    read_columns(table, declared);
    read_indexes(table, declared, index_sql);
    read_foreign_keys(table, declared);
    return table;
  }

 private:
  void read_columns(Table& table, const sqlite::CreateTable& declared) {
    std::vector<std::pair<std::int64_t, std::string>> key_positions;
    columns_.reset();
    columns_.bind(1, table.name);
    while (columns_.step()) {
      Column column{.name = columns_.text(0), .nullable = columns_.integer(2) == 0};
      set_sqlite_column_type(column, columns_.text(1));
      // table_xinfo's `hidden`: 2 a VIRTUAL generated column, 3 a STORED one.
      const auto hidden = columns_.integer(5);
      if (auto value = columns_.optional_text(3))
        column.default_sql = normalize_stored_default(*value);
      if (auto position = columns_.integer(4); position > 0) {
        key_positions.emplace_back(position, column.name);
      }
      for (const auto& definition : declared.columns) {
        if (!same_identifier(definition.name, column.name)) continue;
        column.collation = definition.collation;
        column.autoincrement = definition.autoincrement;
        if (!column.nullable) column.sqlite.not_null_on_conflict = definition.not_null_on_conflict;
        column.generated = definition.generated;
      }
      if ((hidden == 2 || hidden == 3) != column.generated.has_value() ||
          (column.generated && column.generated->stored != (hidden == 3))) {
        throw Error(
            ErrorKind::input,
            fmt::format("table '{}': cannot read the generation of column '{}' from the table's "
                        "statement",
                        table.name, column.name));
      }
      table.columns.push_back(std::move(column));
    }
    std::sort(key_positions.begin(), key_positions.end());
    for (auto& [position, column] : key_positions) table.primary_key.push_back(std::move(column));
  }

  void read_indexes(Table& table, sqlite::CreateTable& declared,
                    const std::map<std::string, std::string>& index_sql) {
    std::vector<IndexListRow> rows;
    index_list_.reset();
    index_list_.bind(1, table.name);
    while (index_list_.step()) {
      rows.push_back({index_list_.text(0), index_list_.integer(1) != 0, index_list_.text(2)});
    }
    std::vector<std::pair<int, UniqueConstraint>> uniques;
    for (const auto& row : rows) {
      if (row.origin == "u") {
        UniqueConstraint unique;
        // The autoindex keys each column as the constraint says: DESC, and a COLLATE that
        // differs from the column's own.
        for (const auto& key : index_keys(row.name)) {
          unique.columns.push_back(key.name);
          KeyOrder order{.descending = key.descending};
          const Column* column = table.find_column(key.name);
          const std::string own = column && column->collation ? *column->collation : "BINARY";
          if (key.collation && !same_identifier(*key.collation, own))
            order.collation = sqlite::ascii_upper(*key.collation);
          unique.orders.push_back(std::move(order));
        }
        if (std::all_of(unique.orders.begin(), unique.orders.end(),
                        [](const KeyOrder& order) { return order == KeyOrder{}; }))
          unique.orders.clear();
        if (auto* constraint = take_declared(declared.uniques, unique.columns)) {
          unique.name = constraint->name;
          unique.sqlite.on_conflict = constraint->on_conflict;
          // SQLite merges identical UNIQUE declarations into this one index, which takes an
          // explicit ON CONFLICT from any of them.
          while (auto* twin = take_declared(declared.uniques, unique.columns)) {
            if (!unique.sqlite.on_conflict) unique.sqlite.on_conflict = twin->on_conflict;
          }
        }
        uniques.emplace_back(autoindex_number(row.name), std::move(unique));
      } else if (row.origin == "c") {
        const auto sql = index_sql.find(identifier_key(row.name));
        table.indexes.push_back(
            created_index(table, row, sql == index_sql.end() ? std::string() : sql->second));
      }
      // origin "pk": the primary key already comes from table_xinfo's pk positions.
    }
    // A UNIQUE over the primary key's columns is merged into the key's own index, which takes
    // its explicit ON CONFLICT.
    if (!table.primary_key.empty()) {
      while (auto* merged = take_declared(declared.uniques, table.primary_key)) {
        if (!table.sqlite.primary_key_on_conflict) {
          table.sqlite.primary_key_on_conflict = merged->on_conflict;
        }
      }
    }
    std::stable_sort(uniques.begin(), uniques.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [number, unique] : uniques) table.uniques.push_back(std::move(unique));
  }

  Index created_index(const Table& table, const IndexListRow& row, const std::string& sql) {
    std::vector<std::string> columns;
    for (const auto& column : table.columns) columns.push_back(column.name);
    const auto declared = sqlite::parse_create_index(sql, columns);
    Index index{.name = row.name, .unique = row.unique, .where = declared.where};
    index.keys = index_keys(row.name);
    if (declared.keys.size() != index.keys.size()) {
      throw Error(
          ErrorKind::input,
          fmt::format("cannot read the keys of index '{}' from its statement: {}", row.name, sql));
    }
    for (std::size_t i = 0; i < index.keys.size(); ++i) {
      if (index.keys[i].expression) index.keys[i].name = declared.keys[i].text;
      index.keys[i].collation = declared.keys[i].collation;
    }
    return index;
  }

  // Key columns in key order; an expression key has no name yet (cid -2, or -1 for rowid).
  std::vector<IndexKey> index_keys(const std::string& index_name) {
    std::vector<IndexKey> keys;
    index_keys_.reset();
    index_keys_.bind(1, index_name);
    while (index_keys_.step()) {
      keys.push_back({.name = index_keys_.text(1),
                      .expression = index_keys_.integer(0) < 0,
                      .descending = index_keys_.integer(2) != 0,
                      .collation = index_keys_.optional_text(3)});
    }
    return keys;
  }

  void read_foreign_keys(Table& table, sqlite::CreateTable& declared) {
    std::int64_t current = -1;
    foreign_keys_.reset();
    foreign_keys_.bind(1, table.name);
    // Rows come grouped by id; SQLite numbers keys from the last declared, hence id DESC.
    while (foreign_keys_.step()) {
      if (table.foreign_keys.empty() || foreign_keys_.integer(0) != current) {
        current = foreign_keys_.integer(0);
        table.foreign_keys.push_back({.ref_table = foreign_keys_.text(1),
                                      .on_delete = referential_action(foreign_keys_.text(5)),
                                      .on_update = referential_action(foreign_keys_.text(4))});
      }
      auto& key = table.foreign_keys.back();
      key.columns.push_back(foreign_keys_.text(2));
      // NULL: the key references the target's primary key, resolved once all tables are read.
      if (auto to = foreign_keys_.optional_text(3)) key.ref_columns.push_back(std::move(*to));
    }
    for (auto& key : table.foreign_keys) {
      if (auto* declared_key = take_declared(declared.foreign_keys, key.columns, &key.ref_table)) {
        key.name = declared_key->name;
        key.deferrable = declared_key->deferrable;
        key.initially_deferred = declared_key->initially_deferred;
      }
    }
  }

  sqlite::Statement columns_;
  sqlite::Statement index_list_;
  sqlite::Statement index_keys_;
  sqlite::Statement foreign_keys_;
};

// Spells each foreign key's target as the target table does, and fills an implicit target
// (REFERENCES parent) with the parent's primary key.
void resolve_references(Snapshot& snapshot) {
  std::map<std::string, const Table*> by_name;
  for (const auto& table : snapshot.tables) by_name.emplace(identifier_key(table.name), &table);
  for (auto& table : snapshot.tables) {
    for (auto& key : table.foreign_keys) {
      const auto target = by_name.find(identifier_key(key.ref_table));
      if (target == by_name.end()) {
        if (!key.ref_columns.empty()) continue;  // SQLite allows a target created later
        throw Error(ErrorKind::input,
                    fmt::format("table '{}': the foreign key ({}) references table '{}', which "
                                "does not exist; create it or name the referenced columns",
                                table.name, fmt::join(key.columns, ", "), key.ref_table));
      }
      const Table& parent = *target->second;
      key.ref_table = parent.name;
      if (key.ref_columns.empty()) {
        if (parent.primary_key.empty()) {
          throw Error(
              ErrorKind::input,
              fmt::format("table '{}': the foreign key ({}) references table '{}' without "
                          "naming columns, but '{}' has no PRIMARY KEY; name the "
                          "referenced columns",
                          table.name, fmt::join(key.columns, ", "), parent.name, parent.name));
        }
        key.ref_columns = parent.primary_key;
        continue;
      }
      for (auto& column : key.ref_columns) {
        for (const auto& candidate : parent.columns) {
          if (same_identifier(candidate.name, column)) column = candidate.name;
        }
      }
    }
  }
}

}  // namespace

namespace sqlite {

Snapshot inspect_schema(const Connection& db) {
  struct SchemaRow {
    std::string type, name, table, sql;
  };
  std::vector<SchemaRow> rows;
  std::map<std::string, std::string> index_sql;
  {
    sqlite::Statement schema(db, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema");
    while (schema.step()) {
      SchemaRow row{schema.text(0), schema.text(1), schema.text(2), schema.text(3)};
      if (is_excluded(row.name) || is_excluded(row.table)) continue;
      if (row.type == "index") {
        index_sql.emplace(identifier_key(row.name), std::move(row.sql));
      } else {
        rows.push_back(std::move(row));
      }
    }
  }
  Snapshot snapshot;
  Inspector inspector(db);
  for (auto& row : rows) {
    if (row.type == "table") {
      snapshot.tables.push_back(inspector.read_table(row.name, row.sql, index_sql));
    } else if (row.type == "view") {
      snapshot.views.push_back({.name = std::move(row.name), .sql = std::move(row.sql)});
    } else if (row.type == "trigger") {
      snapshot.triggers.push_back(
          {.name = std::move(row.name), .table = std::move(row.table), .sql = std::move(row.sql)});
    }
  }
  resolve_references(snapshot);
  canonicalize_sql_text(snapshot, SqliteDialect());
  snapshot.normalize();
  return snapshot;
}

Snapshot inspect(const Connection& db) {
  Snapshot snapshot = inspect_schema(db);
  const char* file = sqlite3_db_filename(db.handle(), "main");
  const std::string origin = file == nullptr || *file == '\0' ? std::string("in-memory database")
                                                              : fmt::format("database '{}'", file);
  const SqliteFragmentCheck fragments;
  check_snapshot(snapshot, SnapshotOrigin{.file = origin}, &fragments);
  return snapshot;
}

}  // namespace sqlite

}  // namespace dbmigrate
