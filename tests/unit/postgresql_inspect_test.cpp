// PostgreSQL inspection and rendering against the real server: what render writes, inspect
// reads back as the same snapshot; schema changes run natively and keep rows.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "dbmigrate/dialect_registry.hpp"
#include "dbmigrate/diff.hpp"
#include "dbmigrate/snapshot_json.hpp"
#include "dialect/postgresql/connection.hpp"
#include "dialect/postgresql/inspect.hpp"
#include "dialect/postgresql/render.hpp"
#include "dialect/postgresql/schema_file.hpp"
#include "dialect/postgresql/scratch.hpp"
#include "dialect/postgresql/sql_text.hpp"
#include "postgresql/test_server.hpp"

namespace dbmigrate {
namespace {

using postgresql::Connection;

Column col(std::string name, std::string type = "integer", bool nullable = true) {
  return {.name = std::move(name), .type = std::move(type), .nullable = nullable};
}

void run(Connection& db, const SqlScript& script) {
  for (const auto& statement : script.statements) db.execute(statement.sql);
}

Snapshot canonical(Snapshot snapshot) {
  postgresql::ScratchSchema scratch(testing::test_server().url);
  postgresql::canonicalize_on_server(snapshot, scratch.connection());
  snapshot.normalize();
  return snapshot;
}

std::string json(const Snapshot& s) { return to_json(s); }

// A schema with a bit of everything PostgreSQL keeps.
Snapshot shop() {
  Snapshot s;
  Table users{.name = "users"};
  Column id = col("id", "bigint", false);
  id.autoincrement = true;
  Column email = col("email", "varchar(200)", false);
  Column status = col("status", "text", false);
  status.default_sql = "'active'";
  Column created = col("created_at", "timestamptz", false);
  created.default_sql = "now()";
  Column tags = col("tags", "text[]");
  Column token = col("token", "uuid");
  Column profile = col("profile", "jsonb");
  Column nick = col("Nick Name", "varchar(40)");
  nick.collation = "C";
  users.columns = {id, email, status, created, tags, token, profile, nick};
  users.primary_key = {"id"};
  users.uniques = {{.columns = {"email"}}};
  users.checks = {{.expression = "status IN ('active', 'gone')"},
                  {.name = "ck_users_email", .expression = "length(email) > 3"}};
  users.indexes = {
      {.name = "ix_users_lower_email", .keys = {{.name = "lower(email)", .expression = true}}},
      {.name = "ix_users_status_created",
       .keys = {{.name = "status"}, {.name = "created_at", .descending = true}},
       .where = "status <> 'gone'"},
  };
  Table orders{.name = "Orders"};
  Column total = col("total", "numeric(12,2)", false);
  total.default_sql = "0";
  orders.columns = {col("id", "integer", false), col("user_id", "bigint", false), total,
                    col("placed", "date"), col("note", "char(3)"), col("raw", "blob"),
                    col("ratio", "double"), col("small", "smallint"), col("flag", "boolean"),
                    col("at", "time"), col("stamp", "timestamp"), col("doc", "json")};
  orders.primary_key = {"id"};
  orders.foreign_keys = {{.columns = {"user_id"},
                          .ref_table = "users",
                          .ref_columns = {"id"},
                          .on_delete = ReferentialAction::cascade,
                          .deferrable = true,
                          .initially_deferred = true}};
  orders.checks = {{.expression = "total >= 0"}};
  s.tables = {users, orders};
  s.views = {{.name = "active_users", .sql = "CREATE VIEW active_users AS SELECT id, email FROM users WHERE status = 'active'"}};
  s.normalize();
  return s;
}

TEST(PostgresqlInspect, WhatRenderCreatesReadsBackAsTheSameSnapshot) {
  Connection db(testing::fresh_database());
  const Snapshot want = canonical(shop());
  run(db, postgresql::render({}, diff({}, shop(), IdentifierCase::exact)));
  const Snapshot got = postgresql::inspect(db);
  EXPECT_EQ(json(got), json(want));
  // Unnamed constraints read back unnamed; named ones keep their names.
  const Table* users = got.find_table("users");
  ASSERT_NE(users, nullptr);
  ASSERT_EQ(users->uniques.size(), 1u);
  EXPECT_FALSE(users->uniques[0].name);
  // And nothing left to do: the diff of the live schema and the model is empty.
  EXPECT_TRUE(diff(got, want, IdentifierCase::exact).empty());
}

TEST(PostgresqlInspect, ServerTextIsKeptAndCanonicalTextIsIdempotent) {
  const Snapshot once = canonical(shop());
  EXPECT_EQ(json(canonical(once)), json(once));
  const Table* orders = once.find_table("Orders");
  ASSERT_NE(orders, nullptr);
  // PostgreSQL's own spelling of a numeric comparison, casts and all.
  EXPECT_EQ(orders->checks.at(0).expression, "total >= (0)::numeric");
}

TEST(PostgresqlInspect, NativeTypesSerialAndIdentityColumns) {
  Connection db(testing::fresh_database());
  db.execute(
      "CREATE TABLE t (a serial PRIMARY KEY, b bigserial, c int GENERATED ALWAYS AS IDENTITY, "
      "d int4[], e numeric(10,3), f timestamp(3) with time zone, g character varying, "
      "h double precision, i bytea, j int8 DEFAULT 7, k text GENERATED ALWAYS AS (upper(g)) STORED)");
  const Snapshot s = postgresql::inspect(db);
  ASSERT_EQ(s.tables.size(), 1u);
  const auto& c = s.tables[0].columns;
  ASSERT_EQ(c.size(), 11u);
  EXPECT_EQ(c[0].type, "integer");
  EXPECT_TRUE(c[0].autoincrement);
  EXPECT_FALSE(c[0].default_sql);
  EXPECT_EQ(c[1].type, "bigint");
  EXPECT_TRUE(c[1].autoincrement);
  EXPECT_TRUE(c[2].autoincrement);
  EXPECT_EQ(c[3].type, "integer[]");
  EXPECT_EQ(c[4].type, "numeric(10,3)");
  EXPECT_EQ(c[5].type, "timestamptz(3)");
  EXPECT_EQ(c[6].type, "varchar");
  EXPECT_EQ(c[7].type, "double");
  EXPECT_EQ(c[8].type, "blob");
  EXPECT_EQ(c[9].default_sql.value_or(""), "7");
  ASSERT_TRUE(c[10].generated);
  EXPECT_EQ(c[10].generated->expression, "upper((g)::text)");
  EXPECT_TRUE(c[10].generated->stored);
}

TEST(PostgresqlInspect, DbMigrateTablesAndOtherSchemasAreLeftOut) {
  Connection db(testing::fresh_database());
  db.execute(
      "CREATE TABLE dbmigrate_version (version_num text); CREATE TABLE dbmigrate_history (id int);"
      "CREATE SCHEMA other; CREATE TABLE other.hidden (id int); CREATE TABLE kept (id int)");
  const Snapshot s = postgresql::inspect(db);
  ASSERT_EQ(s.tables.size(), 1u);
  EXPECT_EQ(s.tables[0].name, "kept");
  EXPECT_EQ(postgresql::inspect_schema(db, "other").tables.at(0).name, "hidden");
}

TEST(PostgresqlInspect, QuotedNamesAreCaseSensitive) {
  Connection db(testing::fresh_database());
  db.execute("CREATE TABLE \"Users\" (id int); CREATE TABLE users (\"ID\" int, Plain int)");
  const Snapshot s = postgresql::inspect(db);
  ASSERT_EQ(s.tables.size(), 2u);
  EXPECT_EQ(s.tables[0].name, "Users");
  EXPECT_EQ(s.tables[1].name, "users");
  EXPECT_EQ(s.tables[1].columns[0].name, "ID");
  EXPECT_EQ(s.tables[1].columns[1].name, "plain");  // unquoted: folded by the server
}

// PostgreSQL keys a unique constraint's columns in default order and by each column's own
// collation (it refuses anything else, even through USING INDEX): inspection, which reads the
// index's indoption and indcollation, finds plain columns. A snapshot whose unique constraint
// says DESC or COLLATE is refused.
TEST(PostgresqlInspect, UniqueConstraintKeysArePlainColumns) {
  Connection db(testing::fresh_database());
  db.execute(
      "CREATE TABLE members (account_id int NOT NULL, email text COLLATE \"C\" NOT NULL,"
      " UNIQUE (account_id, email))");
  Snapshot s = postgresql::inspect(db);
  ASSERT_EQ(s.tables.size(), 1u);
  ASSERT_EQ(s.tables[0].uniques.size(), 1u);
  EXPECT_EQ(s.tables[0].uniques[0].columns, std::vector<std::string>({"account_id", "email"}));
  EXPECT_TRUE(s.tables[0].uniques[0].orders.empty());

  s.tables[0].uniques[0].orders = {{.descending = true}, {.collation = "C"}};
  const auto refusals = dialect_named("postgresql").refusals(s);
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_NE(refusals[0].find("unique constraint (account_id, email): PostgreSQL's UNIQUE "
                             "constraints key plain columns"),
            std::string::npos)
      << refusals[0];
}

// Each change made natively and read back, rows kept; then back down.
TEST(PostgresqlRender, ChangesRunNativelyKeepRowsAndReadBackUpAndDown) {
  Connection db(testing::fresh_database());
  const Snapshot before = canonical(shop());
  run(db, postgresql::render({}, diff({}, before, IdentifierCase::exact)));
  db.execute("INSERT INTO users (email) VALUES ('ann@example.com'), ('bob@example.com')");
  db.execute("INSERT INTO \"Orders\" (id, user_id, total) VALUES (1, 1, 10.5)");

  Snapshot after = before;
  Table& users = *after.find_table("users");
  users.columns[1].type = "text";                         // email: binary-compatible
  users.columns.push_back(col("age", "smallint"));          // add
  users.columns[2].default_sql = "'new'";                   // status default
  users.indexes.push_back({.name = "ix_users_age", .keys = {{.name = "age"}}});
  users.uniques.clear();                                    // drop unnamed unique
  users.checks.erase(users.checks.begin());                 // drop unnamed check
  Table& orders = *after.find_table("Orders");
  orders.columns[6].type = "real";                          // ratio: double -> real
  orders.columns[3].nullable = false;                       // placed: SET NOT NULL (no NULLs? yes: set below)
  orders.foreign_keys[0].on_delete = ReferentialAction::restrict;
  orders.primary_key = {"id", "user_id"};
  after.normalize();
  after = canonical(after);
  db.execute("UPDATE \"Orders\" SET placed = DATE '2024-01-02'");

  const Operations up = diff(before, after, IdentifierCase::exact);
  run(db, postgresql::render(before, up));
  EXPECT_EQ(json(postgresql::inspect(db)), json(after));
  EXPECT_EQ(db.query_value("SELECT count(*) FROM users"), "2");
  EXPECT_EQ(db.query_value("SELECT total::text FROM \"Orders\""), "10.50");

  run(db, postgresql::render(after, invert(up)));
  EXPECT_EQ(json(postgresql::inspect(db)), json(before));
  EXPECT_EQ(db.query_value("SELECT string_agg(email, ',' ORDER BY id) FROM users"),
            "ann@example.com,bob@example.com");
}

TEST(PostgresqlRender, RenamesAndAutoincrementKeepRows) {
  Connection db(testing::fresh_database());
  Snapshot before;
  before.tables = {Table{.name = "items", .columns = {col("id", "integer", false), col("label", "text")},
                         .primary_key = {"id"}}};
  run(db, postgresql::render({}, diff({}, before, IdentifierCase::exact)));
  db.execute("INSERT INTO items VALUES (5, 'five')");
  Snapshot after = before;
  after.tables[0].name = "Things";
  after.tables[0].renamed_from = "items";
  after.tables[0].columns[0].autoincrement = true;
  after.tables[0].columns[1].name = "title";
  after.tables[0].columns[1].renamed_from = "label";
  run(db, postgresql::render(before, diff(before, after, IdentifierCase::exact)));
  db.execute("INSERT INTO \"Things\" (title) VALUES ('six')");
  EXPECT_EQ(db.query_value("SELECT string_agg(id || title, ',' ORDER BY id) FROM \"Things\""),
            "5five,6six");
  EXPECT_EQ(json(postgresql::inspect(db)), json(without_rename_hints(after)));
}

TEST(PostgresqlSchemaFile, ASqlFileReadsAsTheSchemaItCreates) {
  setenv("DBMIGRATE_DEV_URL", testing::test_server().url.c_str(), 1);
  const Snapshot s = postgresql::read_schema_file(
      "CREATE TABLE a (id serial PRIMARY KEY, name text NOT NULL DEFAULT 'x');\n"
      "CREATE TABLE b (id int REFERENCES a (id) ON DELETE SET NULL, CHECK (id > 0));\n"
      "CREATE INDEX ix_b ON b (id) WHERE id > 10;\n",
      "schema.sql");
  ASSERT_EQ(s.tables.size(), 2u);
  EXPECT_TRUE(s.tables[0].columns[0].autoincrement);
  EXPECT_EQ(s.tables[0].columns[1].default_sql.value_or(""), "'x'::text");
  ASSERT_EQ(s.tables[1].foreign_keys.size(), 1u);
  EXPECT_FALSE(s.tables[1].foreign_keys[0].name);
  EXPECT_EQ(s.tables[1].foreign_keys[0].on_delete, ReferentialAction::set_null);
  ASSERT_EQ(s.tables[1].checks.size(), 1u);
  EXPECT_FALSE(s.tables[1].checks[0].name);
  EXPECT_EQ(s.tables[1].indexes.at(0).where.value_or(""), "id > 10");
  // The scratch schema is gone (this process's: other tests make their own meanwhile).
  Connection db(testing::test_server().url);
  EXPECT_EQ(db.query_value(fmt::format("SELECT count(*) FROM pg_namespace WHERE nspname LIKE "
                                       "'dbmigrate\\_scratch\\_{}\\_%'",
                                       static_cast<long>(::getpid()))),
            "0");
  try {
    (void)postgresql::read_schema_file("CREATE TABLE c (id int REFERENCES nowhere (id));", "bad.sql");
    FAIL() << "a file the server refuses was read";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::input);
    EXPECT_NE(std::string(error.what()).find("bad.sql"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("nowhere"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace dbmigrate
