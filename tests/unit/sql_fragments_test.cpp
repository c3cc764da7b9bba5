// SqliteFragmentCheck: the SQL text of a snapshot is exactly one thing of its kind, and the JSON
// reader names the path of the text that is not.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>

#include "dbmigrate/error.hpp"
#include "dbmigrate/snapshot_json.hpp"
#include "dbmigrate/sqlite.hpp"

namespace dbmigrate {
namespace {

const SqliteFragmentCheck check;

TEST(SqlFragments, Expression_OneExpressionPasses) {
  for (const char* sql :
       {"age >= 18", "lower(email)", "(a + b) * 2", "x IN (1, 2)",
        "CASE WHEN a THEN 'x;y' ELSE \"q\" END", "a /* ) ; */ > 0", "a -- note\n > 0",
        "price > 0 AND name <> ''", "length(\"odd name\") > 0", "x COLLATE NOCASE"}) {
    EXPECT_EQ(check.expression(sql), "") << sql;
  }
}

TEST(SqlFragments, Expression_AnythingMoreIsRefused) {
  auto expect = [](std::string_view sql, std::string_view part) {
    const std::string problem = check.expression(sql);
    EXPECT_NE(problem.find(part), std::string::npos) << sql << " -> " << problem;
  };
  expect("1); DELETE FROM victim; CREATE TABLE zz (id, q", "closes a parenthesis");
  expect("1; DELETE FROM victim", "';'");
  expect("(1) , (2)", "','");
  expect("a, zz", "','");
  expect("a > 0 -- swallows the rest", "-- comment");
  expect("'open", "never closed");
  expect("a /* open", "never closed");
  expect("\"open", "never closed");
  expect("(a", "never closed");
  expect("", "empty");
  expect("/* only a comment */", "empty");
  expect("a >", "not one SQL expression");
  expect("lower(a) DESC", "not one SQL expression");
  expect("a WHERE b", "not one SQL expression");
  // SQLite reads $name(...) as one variable, quote and parenthesis included: what this tokenizer
  // takes for a string is code to SQLite. SQLite's own reading decides.
  expect("$a(')) ; DELETE FROM victim ; SELECT ((')", "more than one statement");
  expect("$a(')) + zz ; DELETE FROM victim ; SELECT ((')", "more than one statement");
  expect("zz) ; DELETE FROM victim ; SELECT (1", "closes a parenthesis");
}

TEST(SqlFragments, Default_LiteralOrParenthesizedExpression) {
  for (const char* sql : {"0", "'x'", "-1", "+2.5", "NULL", "CURRENT_TIMESTAMP", "(1 + 2)",
                          "(datetime('now'))", "\"dq\"", "active", "x'00ff'"}) {
    EXPECT_EQ(check.default_value(sql), "") << sql;
  }
  for (const char* sql : {"1 NOT NULL", "1 + 2", "(1) + (2)", "0 COLLATE NOCASE"}) {
    const std::string problem = check.default_value(sql);
    EXPECT_NE(problem.find(std::string("write (") + sql + ")"), std::string::npos)
        << sql << " -> " << problem;
  }
  EXPECT_NE(check.default_value("1); DELETE FROM victim; CREATE TABLE zz (id, q"), "");
}

// SQLite refuses a default that reads a column or a subquery when the table is created: a .sql
// schema could never hold one, and a revision holding one could never run.
TEST(SqlFragments, Default_NotConstantIsRefused) {
  for (const char* sql : {"(`a`)", "((SELECT 1))", "(a + 1)"}) {
    const std::string problem = check.default_value(sql);
    EXPECT_NE(problem.find("not constant"), std::string::npos) << sql << " -> " << problem;
  }
  for (const char* sql : {"(random())", "(datetime('now'))", "('a' || x'00')", "(-1)"}) {
    EXPECT_EQ(check.default_value(sql), "") << sql;
  }
}

// In CREATE INDEX, SQLite reads a string alone as a column name: an index on the constant
// 'nosuch' (what a double-quoted name SQLite could not find becomes) renders as a key on a
// column nosuch, which no revision can create.
TEST(SqlFragments, IndexKey_AStringAloneIsRefused) {
  for (const char* sql : {"'nosuch'", "('nosuch')", "(('x'))"}) {
    const std::string problem = check.index_key(sql);
    EXPECT_NE(problem.find("column name"), std::string::npos) << sql << " -> " << problem;
  }
  for (const char* sql : {"lower(email)", "'a' || b", "(a + 1)"}) {
    EXPECT_EQ(check.index_key(sql), "") << sql;
  }
  EXPECT_NE(check.index_key("a; DELETE FROM victim"), "");
}

TEST(SqlFragments, View_ExactlyOneCreateViewOfItsName) {
  for (const char* sql : {"CREATE VIEW v AS SELECT 1", "CREATE VIEW v AS SELECT 1;\n",
                          "create view IF NOT EXISTS main.\"V\" AS SELECT a FROM t -- why\n",
                          "CREATE VIEW v (a, b) AS SELECT 1, 'x;y'",
                          // The renderer ends a statement on a line of its own.
                          "CREATE VIEW v AS SELECT 1 -- c"}) {
    EXPECT_EQ(check.view(sql, "v"), "") << sql;
  }
  auto expect = [](std::string_view sql, std::string_view part) {
    const std::string problem = check.view(sql, "v");
    EXPECT_NE(problem.find(part), std::string::npos) << sql << " -> " << problem;
  };
  expect("CREATE VIEW v AS SELECT 1; DELETE FROM victim", "exactly one CREATE VIEW");
  expect("CREATE VIEW v AS SELECT 1; CREATE VIEW w AS SELECT 2;", "exactly one CREATE VIEW");
  expect("DELETE FROM victim", "expected one CREATE VIEW");
  expect("CREATE VIEW w AS SELECT 1", "creates 'w', not 'v'");
  expect("CREATE TEMP VIEW v AS SELECT 1", "TEMP");
  expect("CREATE VIEW other.v AS SELECT 1", "schema 'other'");
  expect("CREATE VIEW v AS SELEC 1", "syntax error");
  expect("CREATE VIEW v AS SELECT 'open", "never closed");
}

TEST(SqlFragments, Trigger_ExactlyOneCreateTriggerOfItsNameOnItsTable) {
  const std::string good =
      "CREATE TRIGGER tr AFTER UPDATE OF a ON t BEGIN UPDATE t SET b = 1; DELETE FROM u; END";
  EXPECT_EQ(check.trigger(good, "tr", "t"), "");
  EXPECT_EQ(check.trigger(good + ";", "TR", "T"), "");
  auto expect = [](std::string_view sql, std::string_view part) {
    const std::string problem = check.trigger(sql, "tr", "t");
    EXPECT_NE(problem.find(part), std::string::npos) << sql << " -> " << problem;
  };
  expect(good + "; DELETE FROM victim", "exactly one CREATE TRIGGER");
  expect("CREATE TRIGGER tr AFTER INSERT ON other BEGIN SELECT 1; END", "on 'other', not on 't'");
  expect("CREATE TRIGGER x AFTER INSERT ON t BEGIN SELECT 1; END", "creates 'x', not 'tr'");
  expect("CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELEC 1; END", "syntax error");
  expect("CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1;", "CREATE TRIGGER");
}

TEST(SqlFragments, TypesAndTableNames) {
  EXPECT_EQ(check.column_type("varchar(20)"), "");
  EXPECT_NE(check.column_type("text); DROP TABLE x; --").find("unknown column type"),
            std::string::npos);
  EXPECT_EQ(check.table_name("users"), "");
  EXPECT_NE(check.table_name("DbMigrate_Version"), "");
  EXPECT_NE(check.table_name("dbmigrate_history"), "");
  EXPECT_NE(check.table_name("sqlite_anything"), "");
}

std::string json_error(std::string_view text) {
  try {
    (void)snapshot_from_json(text, "schema.json", &check);
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::input);
    return error.what();
  }
  ADD_FAILURE() << "expected an error for " << text;
  return {};
}

// A snapshot of table t (columns a and q), with JSON members added to q, to t and to the root.
std::string document(std::string_view column, std::string_view table = {},
                     std::string_view root = {}) {
  return fmt::format(
      R"({{"format": 1, "tables": [{{"name": "t", "columns": [{{"name": "a", "type": "integer"}}, )"
      R"({{"name": "q", "type": "integer"{}}}]{}}}]{}}})",
      column, table, root);
}

TEST(SqlFragments, JsonReader_NamesThePathOfEachKindOfFragment) {
  EXPECT_EQ(
      json_error(document(R"(, "default": "1); DELETE FROM victim; CREATE TABLE zz (id, q")")),
      "schema.json: tables[0].columns[1].default: the default of column 'q' of table 't': "
      "a ')' closes a parenthesis the expression did not open");
  EXPECT_EQ(json_error(document(R"(, "generated": {"expression": "a; DELETE FROM victim"})")),
            "schema.json: tables[0].columns[1].generated.expression: the expression of generated "
            "column 'q' of table 't': it holds a ';': write one expression, never a statement");
  EXPECT_EQ(json_error(document("", R"(, "checks": [{"expression": "a > 0) OR (1"}])")),
            "schema.json: tables[0].checks[0].expression: a CHECK of table 't': a ')' closes a "
            "parenthesis the expression did not open");
  EXPECT_EQ(
      json_error(document("", R"(, "indexes": [{"name": "ix", "keys": ["a"], "where": "a, b"}])")),
      "schema.json: tables[0].indexes[0].where: the WHERE clause of index 'ix': a ',' outside "
      "parentheses: that is more than one expression");
  EXPECT_EQ(
      json_error(document(
          "",
          R"(, "indexes": [{"name": "ix", "keys": [{"expression": "a); DROP TABLE t; --"}]}])")),
      "schema.json: tables[0].indexes[0].keys[0].expression: key 1 of index 'ix': it ends "
      "in a -- comment, which would swallow what follows it; end the text with a newline or "
      "use /* */");
  EXPECT_TRUE(json_error(R"({"format": 1, "tables": [{"name": "t", "columns": [)"
                         R"({"name": "a", "type": "int); DROP TABLE t; --"}]}]})")
                  .starts_with("schema.json: tables[0].columns[0].type: the type of column 'a' of "
                               "table 't': unknown column type"));
  EXPECT_EQ(
      json_error(document(
          "", "",
          R"(, "views": [{"name": "v", "sql": "CREATE VIEW v AS SELECT 1; DELETE FROM victim"}])")),
      "schema.json: views[0].sql: view 'v': more than one statement (the next starts at "
      "offset 27): write exactly one CREATE VIEW");
  EXPECT_EQ(json_error(document("", "",
                                R"(, "triggers": [{"name": "tr", "table": "t", "sql": )"
                                R"("CREATE TRIGGER tr AFTER INSERT ON u BEGIN SELECT 1; END"}])")),
            "schema.json: triggers[0].sql: trigger 'tr': the trigger is on 'u', not on 't'");
  // A well-formed document passes, with every kind of fragment.
  const std::string good =
      document(R"x(, "default": "(1 + 2)")x",
               R"x(, "checks": [{"expression": "a > 0"}], "indexes": [{"name": "ix", "keys": )x"
               R"x([{"expression": "lower(q)"}], "where": "a IS NOT NULL"}])x",
               R"x(, "views": [{"name": "v", "sql": "CREATE VIEW v AS SELECT a FROM t"}], )x"
               R"x("triggers": [{"name": "tr", "table": "t", "sql": "CREATE TRIGGER tr AFTER )x"
               R"x(INSERT ON t BEGIN UPDATE t SET q = 1; END"}])x");
  EXPECT_NO_THROW((void)snapshot_from_json(good, "schema.json", &check));
}

TEST(SqlFragments, DeclaredType_MustReadBackAsTheColumnsType) {
  EXPECT_EQ(check.declared_type("DATETIME", "timestamp"), "");
  EXPECT_EQ(check.declared_type("UUID", "numeric"), "");
  EXPECT_EQ(check.declared_type("Any", "any"), "");
  EXPECT_EQ(check.declared_type("TEXT", "integer"), "SQLite reads 'TEXT' as text, not as integer");
  const std::string text =
      R"({"format": 2, "tables": [{"name": "t", "columns": [{"name": "a", "type": "integer", )"
      R"j("sqlite": {"declared_type": "VARCHAR(10)"}}]}]})j";
  EXPECT_EQ(
      json_error(text),
      "schema.json: tables[0].columns[0].sqlite.declared_type: the declared type of column 'a' "
      "of table 't': SQLite reads 'VARCHAR(10)' as varchar(10), not as integer");
}

TEST(SqlFragments, JsonReaderWithoutTheCheck_StillRefusesTextThatIsNotUtf8) {
  try {
    (void)snapshot_from_json(
        "{\"format\": 1, \"tables\": [{\"name\": \"t\", \"columns\": [{\"name\": \"caf\xe9\", "
        "\"type\": \"text\"}]}]}",
        "schema.json");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()),
              "schema.json: tables[0].columns[0].name: not valid UTF-8 (byte 0xE9 at offset 3); "
              "write names and SQL text in UTF-8");
  }
}

// A snapshot built in code (a C++ model) is checked when written: never a bare json exception.
TEST(SqlFragments, Writer_NamesTextThatIsNotUtf8) {
  Snapshot snapshot;
  snapshot.tables.push_back(
      {.name = "t", .columns = {{.name = "ok", .type = "text", .default_sql = "'caf\xe9'"}}});
  try {
    (void)to_json(snapshot);
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::input);
    EXPECT_EQ(std::string(error.what()),
              "snapshot: tables[0].columns[0].default: not valid UTF-8 (byte 0xE9 at offset 4); "
              "write names and SQL text in UTF-8");
  }
}

}  // namespace
}  // namespace dbmigrate
