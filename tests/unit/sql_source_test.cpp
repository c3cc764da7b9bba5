// snapshot_from_sql(): .sql schema files, rename hints, errors with lines; and the SQL text
// rules underneath it (tokenizer, expression and default normalization).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "dbmigrate/error.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/sql_tokens.hpp"

namespace dbmigrate {
namespace {

// The message of the Error(input) that `sql` raises; fails the test when there is none.
std::string input_error(std::string_view sql) {
  try {
    (void)snapshot_from_sql(sql, "schema.sql");
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::input) << error.what();
    return error.what();
  }
  ADD_FAILURE() << "expected an error";
  return {};
}

TEST(SqlSource, File_BecomesTheSnapshotOfWhatSqliteMadeOfIt) {
  const auto snapshot = snapshot_from_sql(
      "-- users and their posts\n"
      "CREATE TABLE users (\n"
      "  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
      "  email TEXT NOT NULL COLLATE NOCASE UNIQUE,\n"
      "  age INTEGER DEFAULT 18 CHECK (age >= 0)\n"
      ");\n"
      "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL\n"
      "  REFERENCES users ON DELETE CASCADE);\n"
      "CREATE INDEX ix_posts_user ON posts (user_id);\n"
      "CREATE VIEW adults AS SELECT * FROM users WHERE age >= 18;\n",
      "schema.sql");
  Snapshot expected;
  expected.tables = {
      {.name = "posts",
       .columns = {{.name = "id", .type = "integer"},
                   {.name = "user_id", .type = "integer", .nullable = false}},
       .primary_key = {"id"},
       .indexes = {{.name = "ix_posts_user", .keys = {{.name = "user_id"}}}},
       .foreign_keys = {{.columns = {"user_id"},
                         .ref_table = "users",
                         .ref_columns = {"id"},
                         .on_delete = ReferentialAction::cascade}}},
      {.name = "users",
       .columns = {{.name = "id", .type = "integer", .autoincrement = true},
                   {.name = "email", .type = "text", .nullable = false, .collation = "NOCASE"},
                   {.name = "age", .type = "integer", .default_sql = "18"}},
       .primary_key = {"id"},
       .uniques = {{.columns = {"email"}}},
       .checks = {{.expression = "age >= 0"}}},
  };
  expected.views = {
      {.name = "adults", .sql = "CREATE VIEW adults AS SELECT * FROM users WHERE age >= 18"}};
  EXPECT_EQ(snapshot, expected);
}

TEST(SqlSource, StrayEmptyStatements_DoNotEndTheFile) {
  const auto snapshot =
      snapshot_from_sql("CREATE TABLE a (x INTEGER);;\n;\nCREATE TABLE b (y TEXT);");
  Snapshot expected;
  expected.tables = {{.name = "a", .columns = {{.name = "x", .type = "integer"}}},
                     {.name = "b", .columns = {{.name = "y", .type = "text"}}}};
  EXPECT_EQ(snapshot, expected);
}

TEST(SqlSource, RenameHints_OnColumnAndCreateTableLines_AreAttached) {
  const auto snapshot = snapshot_from_sql(
      "CREATE TABLE people ( -- @renamed from=persons\n"
      "  id INTEGER PRIMARY KEY,\n"
      "  full_name TEXT NOT NULL, -- @renamed from=name\n"
      "  \"e mail\" TEXT, -- @renamed from=\"old \"\"mail\"\"\"\n"
      "  age INTEGER -- @renamed from=years\n"
      ");\n"
      "CREATE TABLE plain (x INTEGER); -- @renamed from=simple\n");
  Snapshot expected;
  expected.tables = {
      {.name = "people",
       .columns = {{.name = "id", .type = "integer"},
                   {.name = "full_name", .type = "text", .nullable = false, .renamed_from = "name"},
                   {.name = "e mail", .type = "text", .renamed_from = "old \"mail\""},
                   {.name = "age", .type = "integer", .renamed_from = "years"}},
       .primary_key = {"id"},
       .renamed_from = "persons"},
      {.name = "plain", .columns = {{.name = "x", .type = "integer"}}, .renamed_from = "simple"},
  };
  EXPECT_EQ(snapshot, expected);
  EXPECT_EQ(without_rename_hints(snapshot), snapshot_from_sql("CREATE TABLE people (id INTEGER "
                                                              "PRIMARY KEY, full_name TEXT NOT "
                                                              "NULL, \"e mail\" TEXT, age INTEGER);"
                                                              "CREATE TABLE plain (x INTEGER);"));
}

TEST(SqlSource, RenameHint_HintAfterLeadingCommaAndInsideStrings) {
  const auto snapshot = snapshot_from_sql(
      "CREATE TABLE t (\n"
      "  a TEXT DEFAULT '-- @renamed from=nothing'\n"
      "  , b TEXT -- @renamed from=c\n"
      ");\n");
  ASSERT_EQ(snapshot.tables.size(), 1u);
  EXPECT_EQ(snapshot.tables[0].columns[0].renamed_from, std::nullopt);
  EXPECT_EQ(snapshot.tables[0].columns[1].renamed_from, "c");
}

TEST(SqlSource, RenameHint_OnAConstraintLine_IsInputErrorWithLine) {
  const auto message = input_error(
      "CREATE TABLE t (\n"
      "  a INTEGER,\n"
      "  CHECK (a > 0) -- @renamed from=b\n"
      ");\n");
  EXPECT_NE(message.find("schema.sql:3:"), std::string::npos) << message;
  EXPECT_NE(message.find("column definition or of CREATE TABLE"), std::string::npos) << message;
}

TEST(SqlSource, RenameHint_OutsideCreateTable_IsInputErrorWithLine) {
  const auto message = input_error(
      "CREATE TABLE t (a INTEGER);\n\n"
      "CREATE INDEX ix ON t (a); -- @renamed from=old_ix\n");
  EXPECT_NE(message.find("schema.sql:3:"), std::string::npos) << message;
}

TEST(SqlSource, RenameHint_OnALineWithTwoColumns_IsInputError) {
  const auto message =
      input_error("CREATE TABLE t (\n  a INTEGER, b INTEGER -- @renamed from=c\n);");
  EXPECT_NE(message.find("schema.sql:2:"), std::string::npos) << message;
  EXPECT_NE(message.find("several columns"), std::string::npos) << message;
}

TEST(SqlSource, RenameHint_Malformed_IsInputError) {
  EXPECT_NE(input_error("CREATE TABLE t ( -- @renamed to=x\n a INT);").find("schema.sql:1:"),
            std::string::npos);
  EXPECT_NE(input_error("CREATE TABLE t ( -- @renamed from=\"x\n a INT);").find("unterminated"),
            std::string::npos);
  EXPECT_NE(input_error("CREATE TABLE t ( -- @renamed from=x y\n a INT);").find("unexpected"),
            std::string::npos);
}

TEST(SqlSource, SyntaxError_NamesFileLineAndSqliteMessage) {
  const auto message = input_error(
      "CREATE TABLE a (x INTEGER);\n"
      "/* a comment\n   over lines */\n"
      "CREATE TABLE b (\n"
      "  y INTEGER,\n"
      "  z INTEGR EXTRA(\n"
      ");\n");
  EXPECT_NE(message.find("schema.sql:7:"), std::string::npos) << message;
  EXPECT_NE(message.find("syntax error"), std::string::npos) << message;
  EXPECT_NE(message.find("statement starting on line 4"), std::string::npos) << message;
}

TEST(SqlSource, FailingStatement_NamesItsLine) {
  const auto message = input_error("CREATE TABLE a (x INTEGER);\n\nCREATE TABLE a (y INTEGER);\n");
  EXPECT_NE(message.find("schema.sql:3:"), std::string::npos) << message;
  EXPECT_NE(message.find("already exists"), std::string::npos) << message;
}

TEST(SqlSource, Attach_IsRefused) {
  EXPECT_NE(input_error("ATTACH 'elsewhere.db' AS other;").find("schema.sql:1:"),
            std::string::npos);
}

// The file runs in this process: it must not change SQLite for the rest of the program.
TEST(SqlSource, PragmasThatChangeSqliteForTheWholeProcess_AreRefused) {
  const auto hard = sqlite3_hard_heap_limit64(-1);
  const auto soft = sqlite3_soft_heap_limit64(-1);
  for (const char* pragma :
       {"PRAGMA hard_heap_limit = 100000;", "PRAGMA soft_heap_limit = 100000;",
        "PRAGMA temp_store_directory = '/nonexistent';", "PRAGMA writable_schema = ON;",
        "PRAGMA max_page_count = 1000000000;"}) {
    const auto message = input_error(std::string("CREATE TABLE t (id INTEGER);\n") + pragma);
    EXPECT_TRUE(message.starts_with("schema.sql:2:")) << message;
    EXPECT_NE(message.find("may not"), std::string::npos) << message;
  }
  EXPECT_EQ(sqlite3_hard_heap_limit64(-1), hard);
  EXPECT_EQ(sqlite3_soft_heap_limit64(-1), soft);
  // A pragma about this database alone stays allowed, as in a dump.
  EXPECT_EQ(
      snapshot_from_sql("PRAGMA foreign_keys = OFF;\nCREATE TABLE t (id INTEGER);\n").tables.size(),
      1u);
}

// A runaway statement is stopped for its memory long before its time is up.
TEST(SqlSource, RunawayStatement_IsStoppedBeforeItHoldsMuchMemory) {
  sqlite3_memory_highwater(1);
  const auto message = input_error(
      "CREATE TABLE t (id INTEGER);\n"
      "CREATE TABLE big AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)\n"
      "  SELECT x, randomblob(100000) AS b FROM c;\n");
  EXPECT_TRUE(message.starts_with("schema.sql:2:")) << message;
  EXPECT_NE(message.find("memory"), std::string::npos) << message;
  EXPECT_LT(sqlite3_memory_highwater(1), 200LL * 1024 * 1024);
}

// What the JSON reader refuses, the .sql reader refuses too, at the statement that declared it.
TEST(SqlSource, WhatASnapshotCannotHold_IsRefusedWithItsLine) {
  auto expect = [](std::string_view sql, std::string_view start, std::string_view part) {
    const auto message = input_error(sql);
    EXPECT_TRUE(message.starts_with(start)) << message;
    EXPECT_NE(message.find(part), std::string::npos) << message;
  };
  expect("CREATE TABLE a (id INTEGER);\nCREATE TABLE t (id INTEGER PRIMARY KEY, \"\" TEXT);\n",
         "schema.sql:2: tables[1].columns[1].name: ", "empty name");
  expect("CREATE TABLE a (id INTEGER);\n\nCREATE TABLE \"\" (id INTEGER);\n",
         "schema.sql:3: ", "empty name");
  expect(
      "CREATE TABLE p (a INTEGER, b INTEGER, PRIMARY KEY (a, b));\n"
      "CREATE TABLE c (x INTEGER REFERENCES p);\n",
      "schema.sql:2: tables[0].foreign_keys[0].ref_columns: ",
      "2 referenced columns for 1 columns");
  expect(
      "CREATE TABLE t (id INTEGER);\nCREATE VIEW v AS SELECT id FROM t;\n"
      "CREATE TRIGGER tr INSTEAD OF INSERT ON v BEGIN SELECT 1; END;\n",
      "schema.sql:3: triggers[0].table: ", "view 'v'");
  expect("CREATE TABLE t (id INTEGER);\nCREATE INDEX \"\" ON t (id);\n",
         "schema.sql:2: ", "empty name");
  expect("CREATE TABLE t (id INTEGER);\nCREATE TABLE DbMigrate_Version (revision TEXT);\n",
         "schema.sql:2: ", "DbMigrate_Version");
  expect("CREATE TABLE t (id INTEGER);\nCREATE TABLE caf\xe9 (id INTEGER);\n",
         "schema.sql:2: tables[0].name: ", "not valid UTF-8");
  expect("CREATE TABLE t (id INTEGER,\n  x TEXT -- @renamed from=caf\xe9\n);\n",
         "schema.sql:1: tables[0].columns[1].renamed_from: ", "not valid UTF-8");
  expect("CREATE TABLE t (id INTEGER, x TEXT DEFAULT 'caf\xe9');\n",
         "schema.sql:1: tables[0].columns[1].default: ", "not valid UTF-8");
}

TEST(SqlSource, RunawayStatement_IsStoppedAndNamesItsLine) {
  const auto message = input_error(
      "CREATE TABLE t (id INTEGER);\n"
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c;\n");
  EXPECT_TRUE(message.starts_with("schema.sql:2: statement runs too long for a schema file"))
      << message;
}

TEST(SqlTokens, Tokens_CarryKindsAndOffsets) {
  const std::string_view sql =
      "SELECT \"a\"\"b\", [c d] -- note\n FROM 't''s' /* x */ WHERE x'0f' <= 1.5e-3";
  const auto tokens = sqlite::tokenize_sql(sql);
  ASSERT_EQ(tokens.size(), 12u);
  EXPECT_EQ(tokens[1].kind, sqlite::TokenKind::quoted_identifier);
  EXPECT_EQ(sqlite::identifier_value(tokens[1]), "a\"b");
  EXPECT_EQ(sqlite::identifier_value(tokens[3]), "c d");
  EXPECT_EQ(tokens[4].kind, sqlite::TokenKind::comment);
  EXPECT_EQ(tokens[4].text, "-- note");
  EXPECT_EQ(tokens[6].kind, sqlite::TokenKind::string);
  EXPECT_EQ(tokens[6].offset, sql.find("'t''s'"));
  EXPECT_EQ(tokens[7].kind, sqlite::TokenKind::comment);
  EXPECT_EQ(tokens[9].kind, sqlite::TokenKind::blob);
  EXPECT_EQ(tokens[10].text, "<=");
  EXPECT_EQ(tokens[11].text, "1.5e-3");
  EXPECT_EQ(tokens[11].kind, sqlite::TokenKind::number);
}

// SQLite continues a run of white space through a vertical tab, though it cannot start one
// there: the column after `,\n\v` is "b", as SQLite itself reads it.
TEST(SqlTokens, VerticalTabInsideARunOfSpace_IsSpace) {
  const auto tokens = sqlite::tokenize_sql(",\n \v\"b\"");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(sqlite::identifier_value(tokens[1]), "b");
  const Snapshot schema =
      snapshot_from_sql("CREATE TABLE t (a INTEGER,\n  \v\"b\" TEXT);", "schema.sql");
  ASSERT_EQ(schema.tables.size(), 1u);
  ASSERT_EQ(schema.tables[0].columns.size(), 2u);
  EXPECT_EQ(schema.tables[0].columns[1].name, "b");
}

TEST(NormalizeSqlExpression, CollapsesWhitespaceOutsideLiterals) {
  EXPECT_EQ(normalize_sql_expression("  a \n\t>   'x   y'  "), "a > 'x   y'");
  EXPECT_EQ(normalize_sql_expression("f( a ,b , c )"), "f(a, b, c)");
  EXPECT_EQ(normalize_sql_expression("( ( a + 1 ) )"), "a + 1");
  EXPECT_EQ(normalize_sql_expression("a > 0 -- trailing\n AND /* why */ b"), "a > 0 AND b");
}

TEST(NormalizeSqlExpression, DropsQuotesOnlyWhereNotNeeded) {
  EXPECT_EQ(normalize_sql_expression("\"age\" >= [min] AND `max` > 0"), "age >= min AND max > 0");
  EXPECT_EQ(normalize_sql_expression("\"order\" = [first name]"), "\"order\" = \"first name\"");
  EXPECT_EQ(normalize_sql_expression("\"naïve\" = \"a\"\"b\""), "\"naïve\" = \"a\"\"b\"");
  EXPECT_EQ(normalize_sql_expression("\"a\"AND\"b\""), "a AND b");
  EXPECT_EQ(normalize_sql_expression("\"t\".\"c\" = 'a\"b'"), "t.c = 'a\"b'");
}

// SQLite reads a "double-quoted" word that names no column of the table as a string literal.
TEST(NormalizeSqlExpression, DoubleQuotedWordsThatNameNoColumnAreStrings) {
  const std::vector<std::string> columns = {"role", "Name"};
  EXPECT_EQ(normalize_sql_expression("\"role\" IN (\"admin\", \"it's\")", columns),
            "role IN ('admin', 'it''s')");
  EXPECT_EQ(normalize_sql_expression("\"name\" || \"rowid\" || [x] || `y`", columns),
            "Name || rowid || x || y");
  EXPECT_EQ(normalize_sql_expression("\"t\".\"role\" > 0 AND \"lower\"(name) = 'a'", columns),
            "t.role > 0 AND lower(Name) = 'a'");
  EXPECT_EQ(normalize_sql_expression("\"admin\""), "admin");  // no columns given: as before
}

TEST(NormalizeSqlDefault, LiteralsStayBareAndExpressionsGetOneParenthesis) {
  EXPECT_EQ(normalize_sql_default("'abc'"), "'abc'");
  EXPECT_EQ(normalize_sql_default("0"), "0");
  EXPECT_EQ(normalize_sql_default("-1.5"), "-1.5");
  EXPECT_EQ(normalize_sql_default("CURRENT_TIMESTAMP"), "CURRENT_TIMESTAMP");
  EXPECT_EQ(normalize_sql_default("NULL"), "NULL");
  EXPECT_EQ(normalize_sql_default("1 +  2"), "(1 + 2)");
  EXPECT_EQ(normalize_sql_default("(1 + 2)"), "(1 + 2)");
  EXPECT_EQ(normalize_sql_default("((1 + 2))"), "(1 + 2)");
  EXPECT_EQ(normalize_sql_default("('x')"), "'x'");
  EXPECT_EQ(normalize_sql_default("(a) + (b)"), "((a) + (b))");
  EXPECT_EQ(normalize_sql_default("datetime('now')"), "(datetime('now'))");
}

}  // namespace
}  // namespace dbmigrate
