// The SQLite renderer: exact SQL, and that SQLite runs it.
#include <gtest/gtest.h>

#include "dbmigrate/diff.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/connection.hpp"
#include "dialect/sqlite/inspect.hpp"

namespace dbmigrate {
namespace {

Column col(std::string name, std::string type = "integer", bool nullable = true) {
  return {.name = std::move(name), .type = std::move(type), .nullable = nullable};
}

std::string sql_of(const SqlScript& script) {
  std::string out;
  for (const auto& statement : script.statements) out += statement.sql + "\n";
  return out;
}

SqlScript render(const Snapshot& from, const Snapshot& to) { return SqliteDialect().render(from, diff(from, to)); }

Snapshot users_table() {
  Snapshot s;
  Table users{.name = "users"};
  users.columns = {col("id", "integer", false), col("name", "varchar(50)", false), col("age")};
  users.primary_key = {"id"};
  users.indexes = {{.name = "ix_users_name", .keys = {{.name = "name"}}}};
  s.tables = {users};
  return s;
}

TEST(SqliteRender, CreateTableWithIndex) {
  EXPECT_EQ(sql_of(render({}, users_table())),
            "CREATE TABLE users (\n"
            "    id INTEGER NOT NULL,\n"
            "    name VARCHAR(50) NOT NULL,\n"
            "    age INTEGER,\n"
            "    PRIMARY KEY (id)\n"
            ");\n"
            "CREATE INDEX ix_users_name ON users (name);\n");
}

TEST(SqliteRender, QuotesReservedAndOddNames) {
  Snapshot s;
  Table t{.name = "order"};
  t.columns = {col("group"), col("first name", "text"), col("say \"hi\"", "text"), col("naïve", "text")};
  s.tables = {t};
  EXPECT_EQ(sql_of(render({}, s)),
            "CREATE TABLE \"order\" (\n"
            "    \"group\" INTEGER,\n"
            "    \"first name\" TEXT,\n"
            "    \"say \"\"hi\"\"\" TEXT,\n"
            "    \"naïve\" TEXT\n"
            ");\n");
  sqlite::Connection db(":memory:");
  db.execute(sql_of(render({}, s)));
  EXPECT_EQ(sqlite::inspect(db), s);
}

TEST(SqliteRender, NullableColumnIsAddedInPlace) {
  auto from = users_table();
  auto to = from;
  to.tables[0].columns.push_back(col("email", "text"));
  auto script = render(from, to);
  EXPECT_EQ(sql_of(script), "ALTER TABLE users ADD COLUMN email TEXT;\n");
  EXPECT_FALSE(script.needs_foreign_keys_off);
}

TEST(SqliteRender, PlainColumnIsDroppedInPlaceIndexedOneByRebuild) {
  auto from = users_table();
  auto to = from;
  to.tables[0].columns.pop_back();  // age: not indexed
  EXPECT_EQ(sql_of(render(from, to)), "ALTER TABLE users DROP COLUMN age;\n");
}

TEST(SqliteRender, TypeChangeRebuildsTheTableKeepingRowsAndIndexes) {
  auto from = users_table();
  auto to = from;
  to.tables[0].columns[2].type = "bigint";
  auto script = render(from, to);
  EXPECT_TRUE(script.needs_foreign_keys_off);
  EXPECT_EQ(sql_of(script),
            "CREATE TABLE _dbmigrate_new_users (\n"
            "    id INTEGER NOT NULL,\n"
            "    name VARCHAR(50) NOT NULL,\n"
            "    age BIGINT,\n"
            "    PRIMARY KEY (id)\n"
            ");\n"
            "INSERT OR ABORT INTO _dbmigrate_new_users (id, name, age) SELECT id, name, age FROM users;\n"
            "DROP TABLE users;\n"
            "ALTER TABLE _dbmigrate_new_users RENAME TO users;\n"
            "CREATE INDEX ix_users_name ON users (name);\n");
  ASSERT_EQ(script.statements[0].comments.size(), 2u);
  EXPECT_NE(script.statements[0].comments[1].find("type integer -> bigint"), std::string::npos);

  sqlite::Connection db(":memory:");
  db.execute(sql_of(render({}, from)));
  db.execute("INSERT INTO users VALUES (1, 'ann', 30), (2, 'bob', NULL);");
  db.execute(sql_of(script));
  EXPECT_EQ(sqlite::inspect(db), to);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM users WHERE age = 30 AND name = 'ann'"), 1);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM users"), 2);
}

// A rebuild renames natively first, so that SQLite rewrites the foreign keys of other tables
// that point at the column; the copy then reads the new name.
TEST(SqliteRender, RenameInARebuildRunsNativelyFirst) {
  auto from = users_table();
  auto to = from;
  to.tables[0].columns[2] = col("years", "bigint");
  to.tables[0].columns[2].renamed_from = "age";
  auto sql = sql_of(render(from, to));
  EXPECT_EQ(sql.find("ALTER TABLE users RENAME COLUMN age TO years;\nCREATE TABLE _dbmigrate_new_users"), 0u) << sql;
  EXPECT_NE(sql.find("INSERT OR ABORT INTO _dbmigrate_new_users (id, name, years) SELECT id, name, years FROM users;"),
            std::string::npos)
      << sql;
  sqlite::Connection db(":memory:");
  db.execute(sql_of(render({}, from)));
  db.execute("INSERT INTO users VALUES (1, 'ann', 30);");
  db.execute(sql);
  EXPECT_EQ(db.query_int("SELECT years FROM users WHERE id = 1"), 30);
  EXPECT_EQ(sqlite::inspect(db), without_rename_hints(to));
}

TEST(SqliteRender, AutoincrementKeyIsDeclaredInline) {
  Snapshot s;
  Table t{.name = "log"};
  t.columns = {{.name = "id", .type = "integer", .nullable = false, .autoincrement = true}};
  t.primary_key = {"id"};
  s.tables = {t};
  EXPECT_EQ(sql_of(render({}, s)), "CREATE TABLE log (\n    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT\n);\n");
}

Column spelt(std::string name, std::string type, std::string declared) {
  Column column = col(std::move(name), std::move(type));
  column.sqlite.declared_type = std::move(declared);
  return column;
}

Snapshot events_table() {
  Snapshot s;
  Table t{.name = "events"};
  t.columns = {col("id", "integer", false), spelt("happened", "timestamp", "DATETIME"),
               spelt("level", "integer", "MEDIUMINT"), spelt("token", "numeric", "UUID"),
               spelt("email", "varchar(255)", "varchar(255)")};
  t.primary_key = {"id"};
  s.tables = {t};
  return s;
}

TEST(SqliteRender, DeclaredTypesAreDeclaredAsTheSourceSpeltThem) {
  const Snapshot s = events_table();
  const std::string sql = sql_of(render({}, s));
  EXPECT_EQ(sql,
            "CREATE TABLE events (\n"
            "    id INTEGER NOT NULL,\n"
            "    happened DATETIME,\n"
            "    level MEDIUMINT,\n"
            "    token UUID,\n"
            "    email varchar(255),\n"
            "    PRIMARY KEY (id)\n"
            ");\n");
  sqlite::Connection db(":memory:");
  db.execute(sql);
  EXPECT_EQ(sqlite::inspect(db), s);
}

// A spelling alone that means the same is no change; with another change that rebuilds the
// table, the rebuild declares the new spelling.
TEST(SqliteRender, ARespellingWaitsForARebuild) {
  const Snapshot from = events_table();
  Snapshot to = from;
  to.tables[0].columns[1].sqlite.declared_type.reset();  // TIMESTAMP
  to.tables[0].columns[4].sqlite.declared_type = "VARCHAR ( 255 )";
  EXPECT_TRUE(diff(from, to).empty());
  EXPECT_TRUE(equivalent(from, to));

  to.tables[0].checks = {{.expression = "level >= 0"}};
  const auto script = render(from, to);
  EXPECT_EQ(sql_of(script),
            "CREATE TABLE _dbmigrate_new_events (\n"
            "    id INTEGER NOT NULL,\n"
            "    happened TIMESTAMP,\n"
            "    level MEDIUMINT,\n"
            "    token UUID,\n"
            "    email VARCHAR ( 255 ),\n"
            "    PRIMARY KEY (id),\n"
            "    CHECK (level >= 0)\n"
            ");\n"
            "INSERT OR ABORT INTO _dbmigrate_new_events (id, happened, level, token, email) SELECT "
            "id, happened, level, token, email FROM events;\n"
            "DROP TABLE events;\n"
            "ALTER TABLE _dbmigrate_new_events RENAME TO events;\n");
  // A change that runs in place leaves the declared types as they are.
  Snapshot indexed = to;
  indexed.tables[0].checks.clear();
  indexed.tables[0].indexes = {{.name = "ix_events_level", .keys = {{.name = "level"}}}};
  EXPECT_EQ(sql_of(render(from, indexed)), "CREATE INDEX ix_events_level ON events (level);\n");
}

TEST(SqliteRender, ASpellingOfAnotherAffinityOrRowidIsAChange) {
  Snapshot from;
  Table t{.name = "files"};
  t.columns = {col("id", "integer", false), col("data", "blob")};
  t.primary_key = {"id"};
  from.tables = {t};
  Snapshot to = from;
  to.tables[0].columns[1].sqlite.declared_type = "BYTEA";
  auto ops = diff(from, to);
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0].describe(), "altered column 'files.data': SQLite type BLOB -> BYTEA");
  EXPECT_NE(sql_of(render(from, to)).find("    data BYTEA,\n"), std::string::npos);

  to = from;
  to.tables[0].columns[0].sqlite.declared_type = "INT";  // no longer the rowid
  ops = diff(from, to);
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0].describe(), "altered column 'files.id': SQLite type INTEGER -> INT");
  EXPECT_NE(sql_of(render(from, to)).find("    id INT NOT NULL,\n"), std::string::npos);
}

Snapshot members_table(bool ordered) {
  Snapshot s;
  Table t{.name = "members"};
  t.columns = {col("id", "integer", false), col("account_id", "integer", false),
               col("email", "text", false)};
  t.primary_key = {"id"};
  t.uniques = {{.columns = {"account_id", "email"}}};
  if (ordered) t.uniques[0].orders = {{.descending = true}, {.collation = "NOCASE"}};
  s.tables = {t};
  return s;
}

TEST(SqliteRender, UniqueConstraintKeepsEachColumnsOrderAndCollation) {
  const Snapshot s = members_table(true);
  const std::string sql = sql_of(render({}, s));
  EXPECT_EQ(sql,
            "CREATE TABLE members (\n"
            "    id INTEGER NOT NULL,\n"
            "    account_id INTEGER NOT NULL,\n"
            "    email TEXT NOT NULL,\n"
            "    PRIMARY KEY (id),\n"
            "    UNIQUE (account_id DESC, email COLLATE NOCASE)\n"
            ");\n");
  sqlite::Connection db(":memory:");
  db.execute(sql);
  EXPECT_EQ(sqlite::inspect(db), s);
  db.execute("INSERT INTO members VALUES (1, 7, 'ann@example.com');");
  EXPECT_THROW(db.execute("INSERT INTO members VALUES (2, 7, 'ANN@example.com');"), Error);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM members"), 1);

  // Plain columns and ordered ones are two constraints: a change, made by a rebuild.
  const auto ops = diff(members_table(false), s);
  ASSERT_EQ(ops.size(), 2u);
  EXPECT_EQ(ops[0].describe(), "removed unique constraint on 'members' (account_id, email)");
  EXPECT_EQ(ops[1].describe(),
            "added unique constraint on 'members' (account_id DESC, email COLLATE NOCASE)");
  EXPECT_NE(sql_of(render(members_table(false), s))
                .find("UNIQUE (account_id DESC, email COLLATE NOCASE)"),
            std::string::npos);
}

}  // namespace
}  // namespace dbmigrate
