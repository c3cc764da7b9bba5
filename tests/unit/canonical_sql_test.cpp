// The canonical text of SQL fragments: text that SQLite reads the same way gives the same
// snapshot, whatever its case, spacing or parentheses; text that means something else differs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dbmigrate/diff.hpp"
#include "dbmigrate/sqlite.hpp"

namespace dbmigrate {
namespace {

const std::vector<std::string> columns = {"a", "b", "createdAt"};

std::string expression(std::string_view sql) {
  return SqliteDialect().normalize_expression(sql, columns);
}

std::string described(const Operations& operations) {
  std::string out;
  for (const auto& operation : operations) out += operation.describe() + "\n";
  return out;
}

std::string view(std::string_view sql) {
  return SqliteDialect().stored_statement("VIEW", sql).sql;
}

TEST(CanonicalSql, EqualDefaultsSpelledInAnotherCase) {
  EXPECT_EQ(normalize_sql_default("current_timestamp"), "CURRENT_TIMESTAMP");
  EXPECT_EQ(normalize_sql_default("CURRENT_TIMESTAMP"), "CURRENT_TIMESTAMP");
  EXPECT_EQ(normalize_sql_default("false"), "FALSE");
  EXPECT_EQ(normalize_sql_default("FALSE"), "FALSE");
  EXPECT_EQ(normalize_sql_default("(ABS(-1))"), "(abs(-1))");
  EXPECT_EQ(normalize_sql_default("(abs(-1))"), "(abs(-1))");
}

TEST(CanonicalSql, EqualExpressionsSpelledInAnotherCase) {
  EXPECT_EQ(expression("where_b IS NULL"), expression("WHERE_B is null"));
  EXPECT_EQ(expression("b IS NULL"), "b IS NULL");
  EXPECT_EQ(expression("b is null"), "b IS NULL");
  EXPECT_EQ(expression("a IN (1,2)"), "a IN (1, 2)");
  EXPECT_EQ(expression("a in (1, 2)"), "a IN (1, 2)");
  EXPECT_EQ(expression("A > B"), "a > b");
  EXPECT_EQ(expression("a > b"), "a > b");
  // A column keeps the spelling its table declares; functions and other names go lower case.
  EXPECT_EQ(expression("CREATEDAT > DATE('2000-01-01')"), "createdAt > date('2000-01-01')");
  EXPECT_EQ(expression("\"CreatedAt\" > 0 AND [B] < 1"), "createdAt > 0 AND b < 1");
  EXPECT_EQ(expression("a COLLATE nocase = 'x'"), "a COLLATE NOCASE = 'x'");
  EXPECT_EQ(expression("CAST(A AS Integer)"), "CAST(a AS integer)");
}

// The pairs in the form a .sql schema or a live database gives them: whole tables compared.
TEST(CanonicalSql, TablesSpelledInAnotherCaseGiveEqualSnapshots) {
  const auto upper = snapshot_from_sql(
      "CREATE TABLE t (a INTEGER CHECK (a IN (1,2)), b INTEGER, c TEXT COLLATE NOCASE,\n"
      "  d TEXT DEFAULT CURRENT_TIMESTAMP, e BOOLEAN DEFAULT FALSE, f INTEGER DEFAULT (ABS(-1)),\n"
      "  CHECK (a > b));\n"
      "CREATE INDEX ix ON t (c COLLATE NOCASE) WHERE b IS NULL;\n"
      "CREATE VIEW v AS SELECT a, b FROM t WHERE a IS NOT NULL;\n"
      "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET b = ABS(new.a) WHERE a = 1; END;\n");
  const auto lower = snapshot_from_sql(
      "create table t (a integer check (a in (1, 2)), b integer, c text collate nocase,\n"
      "  d text default current_timestamp, e boolean default false, f integer default (abs(-1)),\n"
      "  check (A > B));\n"
      "create index ix on t (c collate nocase) where b is null;\n"
      "create view v as select a, b from t where a is not null;\n"
      "create trigger tr after insert on t begin update t set b = abs(new.a) where a = 1; end;\n");
  const auto changes = diff(lower, upper);
  EXPECT_TRUE(changes.empty()) << described(changes);
  const Table& table = upper.tables.at(0);
  EXPECT_EQ(table.columns.at(2).collation, "NOCASE");
  EXPECT_EQ(table.indexes.at(0).keys.at(0).collation, "NOCASE");
  EXPECT_EQ(table.indexes.at(0).where, "b IS NULL");
  ASSERT_EQ(table.checks.size(), 2u);
  EXPECT_TRUE(table.checks[0].expression == "a > b" || table.checks[1].expression == "a > b");
  EXPECT_EQ(upper.views.at(0).sql, "CREATE VIEW v AS SELECT a, b FROM t WHERE a IS NOT NULL");
}

TEST(CanonicalSql, CollationNamesFoldToUpperCase) {
  EXPECT_EQ(SqliteDialect().normalize_collation("nocase"), "NOCASE");
  EXPECT_EQ(SqliteDialect().normalize_collation("RTrim"), "RTRIM");
}

TEST(CanonicalSql, ViewsAndTriggersFoldKeywordsAndKeepLayout) {
  EXPECT_EQ(view("create view v as select a from t\n  where a is null"),
            "CREATE VIEW v AS SELECT a FROM t\n  WHERE a IS NULL");
  EXPECT_EQ(view("CREATE VIEW v AS SELECT a FROM t\n  WHERE a IS NULL"),
            view("create view v as select a from t\n  where a is null"));
  EXPECT_EQ(view("create view v as select count(*) from t group by upper(b)"),
            "CREATE VIEW v AS SELECT count(*) FROM t GROUP BY upper(b)");
  EXPECT_EQ(SqliteDialect()
                .stored_statement("TRIGGER",
                                  "create trigger tr after delete on T begin\n"
                                  "  delete from u where id = OLD.id; end")
                .sql,
            "CREATE TRIGGER tr AFTER DELETE ON T BEGIN\n  DELETE FROM u WHERE id = OLD.id; END");
}

// A keyword SQLite lets be a name (a table called `rows`) is left as the name it is.
TEST(CanonicalSql, KeywordsUsedAsNamesStayNames) {
  EXPECT_EQ(view("create view v as select id from rows join key on key.id = rows.id"),
            "CREATE VIEW v AS SELECT id FROM rows JOIN key ON key.id = rows.id");
  EXPECT_EQ(SqliteDialect()
                .stored_statement("TRIGGER",
                                  "create trigger tr after update of body on rows begin "
                                  "update or replace rows set n = new.n; end")
                .sql,
            "CREATE TRIGGER tr AFTER UPDATE OF body ON rows BEGIN "
            "UPDATE OR REPLACE rows SET n = NEW.n; END");
  EXPECT_EQ(normalize_sql_expression("Rows.ID > 0"), "rows.id > 0");
}

// SQLite names a view's columns after the text of an expression without an alias: that text
// is kept, so that views whose columns are named differently still differ.
TEST(CanonicalSql, ViewResultColumnsKeepTheirText) {
  EXPECT_EQ(view("create view v as select a is null, COUNT(*) from t"),
            "CREATE VIEW v AS SELECT a is null, COUNT(*) FROM t");
  EXPECT_NE(view("create view v as select a is null from t"),
            view("create view v as select a IS NULL from t"));
}

TEST(CanonicalSql, TextThatMeansSomethingElseStillDiffers) {
  EXPECT_NE(expression("a = 'A'"), expression("a = 'a'"));
  EXPECT_NE(normalize_sql_default("'A'"), normalize_sql_default("'a'"));
  EXPECT_NE(normalize_sql_default("1"), normalize_sql_default("1.0"));
  EXPECT_NE(expression("a = x'0A'"), expression("a = x'0a'"));
  EXPECT_EQ(expression("a = 1.0E3 AND b = 'Mixed Case'"), "a = 1.0E3 AND b = 'Mixed Case'");
  // A quoted name that needs its quotes keeps its exact text.
  EXPECT_EQ(normalize_sql_expression("\"First Name\" = \"Order\""), "\"First Name\" = \"Order\"");
  // SQLite reads "Name" and name as one name; TRUE bare is the value, "true" a name.
  EXPECT_EQ(normalize_sql_expression("\"Name\" = name"), "name = name");
  EXPECT_NE(normalize_sql_expression("\"true\""), normalize_sql_expression("true"));
}

TEST(CanonicalSql, RedundantOuterParenthesesGo) {
  EXPECT_EQ(expression("((a > 0))"), "a > 0");
  EXPECT_EQ(expression("(a > 0) AND (b > 0)"), "(a > 0) AND (b > 0)");
  EXPECT_EQ(expression("('x')"), "('x')");  // an index key CREATE INDEX reads as written
}

TEST(CanonicalSql, CanonicalTextIsAFixedPoint) {
  for (std::string_view sql :
       {"((A > B))", "\"true\" OR FALSE", "a COLLATE nocase", "[B] || \"x y\"",
        "CreatedAt BETWEEN datetime('now') AND Date('x')", "\"CreatedAt\""}) {
    const auto once = expression(sql);
    EXPECT_EQ(expression(once), once) << sql;
  }
  for (std::string_view sql : {"current_timestamp", "((1 + A))", "false", "'x'"}) {
    const auto once = normalize_sql_default(sql);
    EXPECT_EQ(normalize_sql_default(once), once) << sql;
  }
  const auto stored = view("create view v as select a from t where a is null");
  EXPECT_EQ(view(stored), stored);
}

}  // namespace
}  // namespace dbmigrate
