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
