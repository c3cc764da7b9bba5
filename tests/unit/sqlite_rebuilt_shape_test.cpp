// What the SQLite renderer says of the tables a script rebuilds: each as it stands before the
// script runs, under its name then; the runner compares the live tables with it.
#include <gtest/gtest.h>

#include "dbmigrate/diff.hpp"
#include "dbmigrate/sqlite.hpp"

namespace dbmigrate {
namespace {

constexpr const char* users =
    "CREATE TABLE audit (what TEXT);\n"
    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, age INTEGER);\n"
    "CREATE INDEX ix_users_name ON users (name);\n"
    "CREATE TRIGGER trg_users AFTER INSERT ON users BEGIN INSERT INTO audit VALUES (new.name); "
    "END;\n";

const TableShape users_shape{.table = "users",
                             .columns = {"id", "name", "age"},
                             .indexes = {"ix_users_name"},
                             .triggers = {"trg_users"}};

SqlScript render(const Snapshot& from, const Operations& operations) {
  return SqliteDialect().render(from, operations);
}

TEST(SqliteRebuiltShape, ColumnChange_NamesTheTableAsItWas) {
  const Snapshot before = snapshot_from_sql(users);
  const Snapshot after = snapshot_from_sql(
      "CREATE TABLE audit (what TEXT);\n"
      "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL DEFAULT "
      "'');\n"
      "CREATE INDEX ix_users_email ON users (email);\n");
  const Operations operations = diff(before, after);
  EXPECT_EQ(render(before, operations).rebuilt, std::vector<TableShape>{users_shape});
  // The downgrade rebuilds the other shape.
  EXPECT_EQ(
      render(after, invert(operations)).rebuilt,
      (std::vector<TableShape>{
          {.table = "users", .columns = {"id", "name", "email"}, .indexes = {"ix_users_email"}}}));
}

TEST(SqliteRebuiltShape, InPlaceChanges_RebuildNothing) {
  const Snapshot before = snapshot_from_sql(users);
  const Snapshot after = snapshot_from_sql(
      "CREATE TABLE audit (what TEXT);\n"
      "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, age INTEGER, note TEXT);\n"
      "CREATE INDEX ix_users_name ON users (name);\n"
      "CREATE TRIGGER trg_users AFTER INSERT ON users BEGIN INSERT INTO audit VALUES (new.name); "
      "END;\n");
  EXPECT_TRUE(render(before, diff(before, after)).rebuilt.empty());
}

TEST(SqliteRebuiltShape, TableRenamedFirst_IsNamedAsBeforeTheScript) {
  const Snapshot before = snapshot_from_sql(users);
  const Table& old_users = *before.find_table("users");
  Column not_null = old_users.columns[1];
  not_null.nullable = false;
  const Operations operations = {{op::RenameTable{"users", "people"}},
                                 {op::AlterColumn{"people", old_users.columns[1], not_null}}};
  EXPECT_EQ(render(before, operations).rebuilt, std::vector<TableShape>{users_shape});
}

TEST(SqliteRebuiltShape, TableCreatedByTheScript_IsNotCompared) {
  Table fresh{.name = "fresh", .columns = {{.name = "a", .type = "text"}}};
  Column not_null = fresh.columns[0];
  not_null.nullable = false;
  const Operations operations = {{op::CreateTable{fresh}},
                                 {op::AlterColumn{"fresh", fresh.columns[0], not_null}}};
  const SqlScript script = render({}, operations);
  EXPECT_TRUE(script.needs_foreign_keys_off);  // it was rebuilt
  EXPECT_TRUE(script.rebuilt.empty());
}

}  // namespace
}  // namespace dbmigrate
