#include <gtest/gtest.h>

#include "dbmigrate/error.hpp"
#include "dbmigrate/sqlite.hpp"

namespace dbmigrate {
namespace {

TEST(SqliteTypes, KnownNamesKeepTheirMeaning) {
  EXPECT_EQ(sqlite_portable_type("INTEGER"), "integer");
  EXPECT_EQ(sqlite_portable_type("bigint"), "bigint");
  EXPECT_EQ(sqlite_portable_type("varchar ( 40 )"), "varchar(40)");
  EXPECT_EQ(sqlite_portable_type("Character Varying(8)"), "varchar(8)");
  EXPECT_EQ(sqlite_portable_type("NUMERIC(10, 2)"), "numeric(10,2)");
  EXPECT_EQ(sqlite_portable_type("datetime"), "timestamp");
}

TEST(SqliteTypes, UnknownNamesFollowAffinityRules) {
  EXPECT_EQ(sqlite_portable_type("UNSIGNED INTEGERISH"), "integer");
  EXPECT_EQ(sqlite_portable_type("FLOATING POINT"), "integer");  // "INT" wins, as in SQLite
  EXPECT_EQ(sqlite_portable_type("STRING"), "numeric");
  EXPECT_EQ(sqlite_portable_type("NATIVE TEXTUAL"), "text");
  EXPECT_EQ(sqlite_portable_type(""), "blob");
  EXPECT_EQ(sqlite_portable_type("DOUBLE-ish"), "real");
}

TEST(SqliteTypes, EveryPortableTypeRoundTrips) {
  for (const char* type : {"integer", "bigint", "smallint", "boolean", "real", "double", "numeric",
                           "numeric(10,2)", "numeric(5)", "text", "varchar(12)", "char(3)", "blob",
                           "date", "time", "timestamp", "json"}) {
    EXPECT_EQ(sqlite_portable_type(sqlite_declared_type(type)), type);
  }
}

TEST(SqliteTypes, UnknownPortableTypeIsAnInputError) {
  try {
    (void)sqlite_declared_type("strnig");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::input);
    EXPECT_NE(std::string(error.what()).find("'strnig'"), std::string::npos);
  }
}

TEST(SqliteTypes, AColumnKeepsTheSpellingOfItsDeclaredType) {
  Column column{.name = "c"};
  set_sqlite_column_type(column, "DATETIME");
  EXPECT_EQ(column.type, "timestamp");
  EXPECT_EQ(column.sqlite.declared_type, "DATETIME");
  EXPECT_EQ(sqlite_declared_type(column), "DATETIME");
  set_sqlite_column_type(column, "varchar(255)");
  EXPECT_EQ(column.type, "varchar(255)");
  EXPECT_EQ(column.sqlite.declared_type, "varchar(255)");
  // The portable type's own name needs no spelling of its own.
  set_sqlite_column_type(column, "TIMESTAMP");
  EXPECT_EQ(column.type, "timestamp");
  EXPECT_EQ(column.sqlite.declared_type, std::nullopt);
  set_sqlite_column_type(column, "any");
  EXPECT_TRUE(column.sqlite.any);
  EXPECT_EQ(column.sqlite.declared_type, "any");
  set_sqlite_column_type(column, "ANY");
  EXPECT_EQ(column.sqlite.declared_type, std::nullopt);
  // No type at all, or a quoted type name: declared with the portable type's name.
  for (const char* odd : {"", "\"my type\"", "INT);"}) {
    set_sqlite_column_type(column, odd);
    EXPECT_EQ(column.sqlite.declared_type, std::nullopt) << odd;
  }
}

TEST(SqliteTypes, AffinityFollowsSqlitesRules) {
  EXPECT_EQ(sqlite_affinity("MEDIUMINT"), "INTEGER");
  EXPECT_EQ(sqlite_affinity("floating point"), "INTEGER");
  EXPECT_EQ(sqlite_affinity("varchar(255)"), "TEXT");
  EXPECT_EQ(sqlite_affinity("CLOB"), "TEXT");
  EXPECT_EQ(sqlite_affinity(""), "BLOB");
  EXPECT_EQ(sqlite_affinity("BLOB"), "BLOB");
  EXPECT_EQ(sqlite_affinity("BYTEA"), "NUMERIC");
  EXPECT_EQ(sqlite_affinity("Double Precision"), "REAL");
  EXPECT_EQ(sqlite_affinity("DATETIME"), "NUMERIC");
  EXPECT_EQ(sqlite_affinity("UUID"), "NUMERIC");
}

TEST(SqliteTypes, PlainTypeNamesAreWordsAndNumbers) {
  for (const char* name : {"UUID", "FLOATING POINT", "varchar(255)", "NUMERIC(10, 2)",
                           "DECIMAL ( -1 , +2 )", "UNSIGNED BIG INT", "int_8"}) {
    EXPECT_TRUE(is_plain_type_name(name)) << name;
  }
  for (const char* name : {"", " INT", "INT ", "INT)", "INT(", "INT(1,2,3)", "INT(a)", "INT();",
                           "\"x\"", "INT -- c", "INT(1) NOT NULL", "TEXT, x INT"}) {
    EXPECT_FALSE(is_plain_type_name(name)) << name;
  }
}

TEST(SqliteTypes, ASpellingMeansTheSameWithTheSameAffinityAndRowid) {
  Table table{.name = "t"};
  table.columns = {{.name = "id", .type = "integer"}, {.name = "at", .type = "timestamp"}};
  table.primary_key = {"id"};
  auto spelt = [](Column column, std::optional<std::string> declared) {
    column.sqlite.declared_type = std::move(declared);
    return column;
  };
  const Column& at = table.columns[1];
  EXPECT_TRUE(same_sqlite_declaration(table, at, table, spelt(at, "DATETIME")));
  EXPECT_TRUE(same_column_meaning(table, spelt(at, "datetime"), table, spelt(at, "Timestamp")));
  Column data{.name = "data", .type = "blob"};
  EXPECT_FALSE(same_sqlite_declaration(table, data, table, spelt(data, "BYTEA")));
  // Only INTEGER makes the single integer primary-key column the rowid.
  const Column& id = table.columns[0];
  EXPECT_FALSE(same_sqlite_declaration(table, id, table, spelt(id, "INT")));
  EXPECT_TRUE(same_sqlite_declaration(table, id, table, spelt(id, "integer")));
  Table keyless = table;
  keyless.primary_key.clear();
  EXPECT_TRUE(same_sqlite_declaration(keyless, id, keyless, spelt(id, "INT")));
  // Another portable type, or another column definition, is still a change.
  EXPECT_FALSE(same_column_meaning(table, at, table, {.name = "at", .type = "date"}));
  Column not_null = spelt(at, "DATETIME");
  not_null.nullable = false;
  EXPECT_FALSE(same_column_meaning(table, at, table, not_null));
}

TEST(SqliteQuote, QuotesOnlyWhatNeedsIt) {
  SqliteDialect dialect;
  EXPECT_EQ(dialect.quote_identifier("users"), "users");
  EXPECT_EQ(dialect.quote_identifier("order"), "\"order\"");
  EXPECT_EQ(dialect.quote_identifier("first name"), "\"first name\"");
  EXPECT_EQ(dialect.quote_identifier("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(dialect.quote_identifier("1st"), "\"1st\"");
  EXPECT_EQ(dialect.quote_identifier("naïve"), "\"naïve\"");
  EXPECT_EQ(dialect.quote_identifier(""), "\"\"");
}

}  // namespace
}  // namespace dbmigrate
