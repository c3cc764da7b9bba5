// Every change the SQLite renderer rebuilds a table for, and the ones it makes in place: the exact
// script (comments included), run on a real database file holding rows, which must read back as
// the new schema with every row kept.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

#include "dbmigrate/diff.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/connection.hpp"
#include "dialect/sqlite/inspect.hpp"

namespace dbmigrate {
namespace {

struct Change {
  std::string name;
  std::string from_sql, to_sql;  // schemas; `to` may carry rename hints
  std::string rows;              // INSERTs for `from`
  std::string script;            // the exact upgrade script: comments as `-- ` lines
};

std::string script_text(const SqlScript& script) {
  std::string out;
  for (const auto& statement : script.statements) {
    for (const auto& comment : statement.comments) out += "-- " + comment + "\n";
    out += statement.sql + "\n";
  }
  return out;
}

const std::string parent = "CREATE TABLE parent (id INTEGER PRIMARY KEY);\n";

// `items` with this body, after its parent table.
std::string items(std::string_view body) { return parent + fmt::format("CREATE TABLE items (\n  {}\n);\n", body); }

const std::string base = "id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), code TEXT, qty INTEGER";
const std::string rows =
    "INSERT INTO parent VALUES (1), (2);\n"
    "INSERT INTO items (id, parent_id, code, qty) VALUES (1, 1, 'a', 2), (2, NULL, 'b''c', NULL);\n";

void PrintTo(const Change& change, std::ostream* out) { *out << change.name; }

class SqliteRebuildReasons : public testing::TestWithParam<Change> {};

TEST_P(SqliteRebuildReasons, ExactScriptKeepsRows) {
  const Change& change = GetParam();
  const Snapshot from = snapshot_from_sql(change.from_sql, "from.sql");
  const Snapshot to = snapshot_from_sql(change.to_sql, "to.sql");
  const SqlScript script = SqliteDialect().render(from, diff(from, to));
  EXPECT_EQ(script_text(script), change.script);

  const auto dir = std::filesystem::temp_directory_path() /
                   fmt::format("dbmigrate-rebuild-{}-{}", change.name, ::getpid());
  std::filesystem::create_directories(dir);
  {
    sqlite::Connection db((dir / "test.db").string());
    db.execute(change.from_sql);
    db.execute(change.rows);
    const auto rows_before = db.query_int("SELECT count(*) FROM items");
    db.execute(script.needs_foreign_keys_off ? "PRAGMA foreign_keys=OFF" : "PRAGMA foreign_keys=ON");
    db.execute("BEGIN");
    for (const auto& statement : script.statements) db.execute(statement.sql);
    EXPECT_EQ(db.query_text("SELECT count(*) FROM pragma_foreign_key_check").value_or(""), "0");
    db.execute("COMMIT");
    EXPECT_TRUE(equivalent(sqlite::inspect(db), to));
    EXPECT_EQ(db.query_int("SELECT count(*) FROM items"), rows_before);
    EXPECT_EQ(db.query_text("PRAGMA integrity_check").value_or(""), "ok");
  }
  std::filesystem::remove_all(dir);
}

const std::string no_rows = "INSERT INTO parent VALUES (1);\n";

const Change changes[] = {
    // In place: SQLite has a statement for these.
    {"add_nullable_reference_in_place", items(base), items(base + ", owner_id INTEGER REFERENCES parent (id) ON DELETE SET NULL"), rows,
     "ALTER TABLE items ADD COLUMN owner_id INTEGER REFERENCES parent (id) ON DELETE SET NULL;\n"},
    {"rename_column_named_by_check_in_place", items(base + ", CHECK (qty >= 0)"),
     parent + "CREATE TABLE items (\n  id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), code TEXT,\n"
              "  quantity INTEGER, -- @renamed from=qty\n  CHECK (quantity >= 0)\n);\n",
     rows,
     "ALTER TABLE items RENAME COLUMN qty TO quantity;\n"},
    {"add_nullable_column_in_place", items(base), items(base + ", note TEXT DEFAULT 'none'"), rows,
     "ALTER TABLE items ADD COLUMN note TEXT DEFAULT 'none';\n"},
    {"drop_plain_column_in_place", items(base), items(base.substr(0, base.size() - 13)), rows,
     "-- WARNING: drops column 'items.qty' and its data\n"
     "ALTER TABLE items DROP COLUMN qty;\n"},
    // A new column SQLite cannot add.
    {"add_not_null_without_default", items(base), items(base + ", note TEXT NOT NULL"), no_rows,
     "-- WARNING: adds NOT NULL column 'items.note' without a default: fails if the table has rows\n"
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a new NOT NULL column without a default):\n"
     "-- added column 'items.note'\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty INTEGER,\n"
     "    note TEXT NOT NULL,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"add_stored_generated", items(base), items(base + ", twice INTEGER GENERATED ALWAYS AS (qty * 2) STORED"), rows,
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a new STORED generated column):\n"
     "-- added column 'items.twice'\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty INTEGER,\n"
     "    twice INTEGER GENERATED ALWAYS AS (qty * 2) STORED,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"add_non_constant_default", items(base), items(base + ", added TEXT DEFAULT CURRENT_TIMESTAMP"), rows,
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a new column with a non-constant default):\n"
     "-- added column 'items.added'\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty INTEGER,\n"
     "    added TEXT DEFAULT CURRENT_TIMESTAMP,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    // A dropped column SQLite cannot drop.
    {"drop_primary_key_column", items("id INTEGER NOT NULL, parent_id INTEGER REFERENCES parent (id), code TEXT NOT NULL, qty INTEGER, PRIMARY KEY (id, code)"),
     items("id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), qty INTEGER"), rows,
     "-- WARNING: drops column 'items.code' and its data\n"
     "-- CAUTION: new primary key on 'items' (id): fails if existing rows hold duplicates or NULLs\n"
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a dropped primary-key column):\n"
     "-- removed column 'items.code'\n"
     "-- changed primary key of 'items' from (id, code) to (id)\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, qty) SELECT id, parent_id, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"drop_indexed_column_in_place", items(base) + "CREATE INDEX ix_items_code ON items (code);\n", items(base.substr(0, base.size() - 23) + "qty INTEGER"), rows,
     "DROP INDEX ix_items_code;\n"
     "-- WARNING: drops column 'items.code' and its data\n"
     "ALTER TABLE items DROP COLUMN code;\n"},
    {"drop_column_of_partial_index_in_place", items(base) + "CREATE INDEX ix_items_qty ON items (qty) WHERE code IS NOT NULL;\n",
     items(base.substr(0, base.size() - 23) + "qty INTEGER") + "CREATE INDEX ix_items_qty ON items (qty) WHERE qty > 0;\n", rows,
     "DROP INDEX ix_items_qty;\n"
     "-- WARNING: drops column 'items.code' and its data\n"
     "ALTER TABLE items DROP COLUMN code;\n"
     "CREATE INDEX ix_items_qty ON items (qty) WHERE qty > 0;\n"},
    {"drop_unique_column", items(base + ", UNIQUE (code)"), items(base.substr(0, base.size() - 23) + "qty INTEGER"), rows,
     "-- WARNING: drops column 'items.code' and its data\n"
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a dropped unique constraint):\n"
     "-- removed unique constraint on 'items' (code)\n"
     "-- removed column 'items.code'\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, qty) SELECT id, parent_id, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"drop_foreign_key_column", items(base), items("id INTEGER NOT NULL PRIMARY KEY, code TEXT, qty INTEGER"), rows,
     "-- WARNING: drops column 'items.parent_id' and its data\n"
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a dropped foreign key):\n"
     "-- removed foreign key on 'items' (parent_id) -> 'parent'\n"
     "-- removed column 'items.parent_id'\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    code TEXT,\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, code, qty) SELECT id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"drop_column_of_generated", items(base + ", twice INTEGER GENERATED ALWAYS AS (qty * 2) VIRTUAL"),
     items(base.substr(0, base.size() - 13) + ", twice INTEGER GENERATED ALWAYS AS (id * 2) VIRTUAL"), rows,
     "-- WARNING: drops column 'items.qty' and its data\n"
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a dropped column used by a generated column):\n"
     "-- removed column 'items.qty'\n"
     "-- altered column 'items.twice': generated as (id * 2)\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    twice INTEGER GENERATED ALWAYS AS (id * 2) VIRTUAL,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code) SELECT id, parent_id, code FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"drop_last_column", parent + "CREATE TABLE items (a INTEGER);\n", parent + "CREATE TABLE items (b INTEGER);\n",
     "INSERT INTO items VALUES (1), (NULL);\n",
     "-- WARNING: drops column 'items.a' and its data\n"
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a dropped last column):\n"
     "-- removed column 'items.a'\n"
     "-- added column 'items.b'\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    b INTEGER\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (rowid) SELECT rowid FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    // A changed column: SQLite has no ALTER COLUMN.
    {"column_type", items(base), items(base.substr(0, base.size() - 7) + "BIGINT"), rows,
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a changed column type):\n"
     "-- altered column 'items.qty': type integer -> bigint\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty BIGINT,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"column_text_to_varchar_is_a_note", items(base), items("id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), code VARCHAR(200), qty INTEGER"), rows,
     "-- NOTE: column 'items.code' is declared varchar(200) instead of text: sqlite does not enforce a declared size, so no value is cut or lost; only the declared type changes\n"
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a changed column type):\n"
     "-- altered column 'items.code': type text -> varchar(200)\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code VARCHAR(200),\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"column_not_null", items(base), items("id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), code TEXT NOT NULL, qty INTEGER"), rows,
     "-- CAUTION: column 'items.code' becomes NOT NULL: fails if any row holds NULL there\n"
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a new NOT NULL):\n"
     "-- altered column 'items.code': NOT NULL\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT NOT NULL,\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"column_default", items(base), items(base + " DEFAULT 0"), rows,
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a changed column default):\n"
     "-- altered column 'items.qty': default none -> 0\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty INTEGER DEFAULT 0,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"column_collation", items(base), items("id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), code TEXT COLLATE NOCASE, qty INTEGER"), rows,
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a changed column collation):\n"
     "-- altered column 'items.code': collation default -> NOCASE\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT COLLATE NOCASE,\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"column_generated", items(base + ", twice INTEGER GENERATED ALWAYS AS (qty * 2) VIRTUAL"),
     items(base + ", twice INTEGER GENERATED ALWAYS AS (qty * 3) VIRTUAL"), rows,
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a changed generated column):\n"
     "-- altered column 'items.twice': generated as (qty * 3)\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty INTEGER,\n"
     "    twice INTEGER GENERATED ALWAYS AS (qty * 3) VIRTUAL,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"column_autoincrement", items(base), items("id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, parent_id INTEGER REFERENCES parent (id), code TEXT, qty INTEGER"), rows,
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a changed AUTOINCREMENT):\n"
     "-- altered column 'items.id': AUTOINCREMENT\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty INTEGER,\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"column_not_null_on_conflict", items("id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), code TEXT NOT NULL, qty INTEGER"),
     items("id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), code TEXT NOT NULL ON CONFLICT IGNORE, qty INTEGER"), rows,
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a changed NOT NULL ON CONFLICT):\n"
     "-- altered column 'items.code': NOT NULL ON CONFLICT ABORT -> IGNORE\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT NOT NULL ON CONFLICT IGNORE,\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    // The table's own definition.
    {"primary_key", items(base), items("id INTEGER NOT NULL, parent_id INTEGER REFERENCES parent (id), code TEXT, qty INTEGER, PRIMARY KEY (id, code)"), rows,
     "-- CAUTION: new primary key on 'items' (id, code): fails if existing rows hold duplicates or NULLs\n"
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a primary key change):\n"
     "-- changed primary key of 'items' from (id) to (id, code)\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id, code),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"without_rowid", items(base), items(base) .substr(0, items(base).size() - 2) + " WITHOUT ROWID;\n", rows,
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a WITHOUT ROWID change):\n"
     "-- added WITHOUT ROWID on table 'items'\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ") WITHOUT ROWID;\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"strict", items(base), items(base).substr(0, items(base).size() - 2) + " STRICT;\n", rows,
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a STRICT change):\n"
     "-- added STRICT on table 'items'\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ") STRICT;\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"add_unique", items(base), items(base + ", UNIQUE (code)"), rows,
     "-- CAUTION: unique constraint on 'items' (code): fails if existing rows hold duplicates\n"
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a new unique constraint):\n"
     "-- added unique constraint on 'items' (code)\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id),\n"
     "    UNIQUE (code),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"drop_unique", items(base + ", UNIQUE (code)"), items(base), rows,
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a dropped unique constraint):\n"
     "-- removed unique constraint on 'items' (code)\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"add_foreign_key", items(base), items(base + ", FOREIGN KEY (qty) REFERENCES parent (id)"), rows,
     "-- CAUTION: foreign key on 'items' (qty): fails if existing rows point at missing 'parent' rows\n"
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a new foreign key):\n"
     "-- added foreign key on 'items' (qty) -> 'parent' (id)\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id),\n"
     "    FOREIGN KEY (qty) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"drop_foreign_key", items(base), items("id INTEGER NOT NULL PRIMARY KEY, parent_id INTEGER, code TEXT, qty INTEGER"), rows,
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a dropped foreign key):\n"
     "-- removed foreign key on 'items' (parent_id) -> 'parent'\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"add_check", items(base), items(base + ", CHECK (qty > 0)"), rows,
     "-- CAUTION: check (qty > 0) on 'items': fails if existing rows break it\n"
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a new CHECK):\n"
     "-- added check constraint on 'items' (qty > 0)\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id),\n"
     "    CHECK (qty > 0)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
    {"drop_check", items(base + ", CHECK (qty > 0)"), items(base), rows,
     "-- Rebuild of table 'items' (SQLite cannot alter it in place: a dropped CHECK):\n"
     "-- removed check constraint on 'items' (qty > 0)\n"
     "CREATE TABLE _dbmigrate_new_items (\n"
     "    id INTEGER NOT NULL,\n"
     "    parent_id INTEGER,\n"
     "    code TEXT,\n"
     "    qty INTEGER,\n"
     "    PRIMARY KEY (id),\n"
     "    FOREIGN KEY (parent_id) REFERENCES parent (id)\n"
     ");\n"
     "INSERT OR ABORT INTO _dbmigrate_new_items (id, parent_id, code, qty) SELECT id, parent_id, code, qty FROM items;\n"
     "DROP TABLE items;\n"
     "ALTER TABLE _dbmigrate_new_items RENAME TO items;\n"},
};

INSTANTIATE_TEST_SUITE_P(Changes, SqliteRebuildReasons, testing::ValuesIn(changes),
                         [](const testing::TestParamInfo<Change>& info) { return info.param.name; });

}  // namespace
}  // namespace dbmigrate
