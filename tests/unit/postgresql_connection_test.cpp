// The libpq connection and PostgreSQL URLs, against the tests' private server.
#include <gtest/gtest.h>

#include "dbmigrate/dialect_registry.hpp"
#include "dbmigrate/error.hpp"
#include "dialect/postgresql/connection.hpp"
#include "dialect/postgresql/database_url.hpp"
#include "dialect/postgresql/quote.hpp"
#include "postgresql/test_server.hpp"

namespace dbmigrate {
namespace {

using postgresql::Connection;
using testing::fresh_database;
using testing::test_server;

TEST(PgConnection, QueryReturnsTextRowsWithNullsAndParameters) {
  Connection connection(fresh_database());
  connection.execute(
      "CREATE TABLE t (id integer PRIMARY KEY, name text); "
      "INSERT INTO t VALUES (1, 'one'), (2, NULL)");
  const auto rows = connection.query("SELECT id, name FROM t WHERE id >= $1 ORDER BY id", {"1"});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (postgresql::Row{"1", "one"}));
  EXPECT_EQ(rows[1], (postgresql::Row{"2", std::nullopt}));
  EXPECT_EQ(connection.query_value("SELECT name FROM t WHERE id = $1", {"1"}), "one");
  EXPECT_EQ(connection.query_value("SELECT name FROM t WHERE id = $1", {std::nullopt}),
            std::nullopt);
}

TEST(PgConnection, FailingStatementCarriesSqlstateAndServerMessage) {
  Connection connection(fresh_database());
  try {
    connection.execute("SELECT * FROM missing_table");
    FAIL() << "no error";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::database);
    EXPECT_EQ(error.sqlstate(), "42P01");
    EXPECT_EQ(error.reason(), "relation \"missing_table\" does not exist");
    EXPECT_EQ(error.statement(), "SELECT * FROM missing_table");
    EXPECT_NE(std::string(error.what()).find("SQLSTATE 42P01"), std::string::npos) << error.what();
  }
  // The connection is usable after a failure.
  EXPECT_EQ(connection.query_value("SELECT 1 + 1"), "2");
}

TEST(PgConnection, UniqueViolationIs23505) {
  Connection connection(fresh_database());
  connection.execute("CREATE TABLE t (id integer PRIMARY KEY); INSERT INTO t VALUES (1)");
  try {
    connection.execute("INSERT INTO t VALUES (1)");
    FAIL() << "no error";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(error.sqlstate(), "23505");
  }
  EXPECT_EQ(connection.query_value("SELECT count(*) FROM t"), "1");
}

TEST(PgConnection, SchemaParameterChoosesTheSearchPath) {
  const auto url = fresh_database();
  Connection(url).execute("CREATE SCHEMA app");
  Connection connection(url + "?schema=app");
  EXPECT_EQ(connection.schema(), "app");
  EXPECT_EQ(connection.query_value("SELECT current_schema()"), "app");
  connection.execute("CREATE TABLE made_here (id integer)");
  EXPECT_EQ(
      Connection(url).query_value(
          "SELECT table_schema FROM information_schema.tables WHERE table_name = 'made_here'"),
      "app");
}

TEST(PgConnection, WrongPasswordIsRefusedWithoutShowingThePassword) {
  const auto& server = test_server();
  std::string url = server.password_url;
  const std::string wrong = "Wr0ng-" + server.password;
  url.replace(url.find(server.password), server.password.size(), wrong);
  try {
    Connection connection(url);
    FAIL() << "connected with a wrong password";
  } catch (const DatabaseError& error) {
    const std::string message = error.what();
    EXPECT_EQ(error.kind(), ErrorKind::database);
    EXPECT_NE(message.find("password authentication failed"), std::string::npos) << message;
    EXPECT_NE(message.find("dbmigrate_pw:***@127.0.0.1"), std::string::npos) << message;
    EXPECT_EQ(message.find(wrong), std::string::npos) << message;
  }
  // The right password logs in.
  EXPECT_EQ(Connection(server.password_url).query_value("SELECT current_user"), "dbmigrate_pw");
}

TEST(PgConnection, UnreachableServerNamesTheUrlMasked) {
  try {
    Connection connection("postgresql://u:Secr3t-pw@127.0.0.1:1/db?connect_timeout=2");
    FAIL() << "connected to port 1";
  } catch (const DatabaseError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("postgresql://u:***@127.0.0.1:1/db"), std::string::npos) << message;
    EXPECT_EQ(message.find("Secr3t-pw"), std::string::npos) << message;
  }
}

// Malformed URLs are refused before libpq sees them, and nothing of the password shows.
TEST(PgUrl, MalformedUrlsAreBadInputWithoutThePassword) {
  for (const std::string url :
       {"postgresql://u:Secr3t/pw@host/db", "postgresql://u:Secr3t@pw@host/db",
        "postgresql://u:Secr%zzet@host/db", "postgresql://u:Secr3tpw@host:port/db",
        "postgresql://u:Secr3tpw@host/db?schema=", "postgresql://u@host/db?password=Secr3tpw&x",
        "postgresql://u:Secr3tpw@[::1/db"}) {
    try {
      (void)postgresql::connection_target(url);
      FAIL() << url << " was taken";
    } catch (const Error& error) {
      const std::string message = error.what();
      EXPECT_EQ(error.kind(), ErrorKind::input) << message;
      EXPECT_NE(message.find("malformed PostgreSQL URL"), std::string::npos) << message;
      EXPECT_EQ(message.find("Secr"), std::string::npos) << message;
      EXPECT_EQ(message.find("pw@"), std::string::npos) << message;
    }
  }
}

TEST(PgUrl, SchemaIsReadAndTheRestGoesToLibpq) {
  const auto target = postgresql::connection_target(
      "postgresql://app:p%40ss@db.example:5433/"
      "shop?sslmode=disable&schema=Sales&application_name=x");
  EXPECT_EQ(target.conninfo,
            "postgresql://app:p%40ss@db.example:5433/shop?sslmode=disable&application_name=x");
  EXPECT_EQ(target.schema, "Sales");
  EXPECT_EQ(
      target.shown,
      "postgresql://app:***@db.example:5433/shop?sslmode=disable&schema=Sales&application_name=x");
  EXPECT_EQ(target.secrets, (std::vector<std::string>{"p%40ss", "p@ss"}));
  EXPECT_EQ(postgresql::connection_target("postgres://").conninfo, "postgres://");
}

TEST(PgUrl, BothSchemesChooseThePostgresqlDialect) {
  EXPECT_EQ(dialect_for_url("postgresql://u@h/db").name(), "postgresql");
  EXPECT_EQ(dialect_for_url("postgres://u@h/db").name(), "postgresql");
  EXPECT_EQ(dialect_named("postgresql").capabilities().identifier_case, IdentifierCase::exact);
  EXPECT_EQ(dialect_named("postgresql").capabilities().max_identifier_length, 63u);
}

TEST(PgQuote, NamesAreQuotedOnlyWhenTheServerWouldReadThemOtherwise) {
  EXPECT_EQ(postgresql::quote_identifier("users"), "users");
  EXPECT_EQ(postgresql::quote_identifier("user_2"), "user_2");
  EXPECT_EQ(postgresql::quote_identifier("x$"), "\"x$\"");
  EXPECT_EQ(postgresql::quote_identifier("Users"), "\"Users\"");
  EXPECT_EQ(postgresql::quote_identifier("user"), "\"user\"");
  EXPECT_EQ(postgresql::quote_identifier("order"), "\"order\"");
  EXPECT_EQ(postgresql::quote_identifier("2fa"), "\"2fa\"");
  EXPECT_EQ(postgresql::quote_identifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(postgresql::quote_literal("it's"), "'it''s'");
}

// The server agrees with quote_identifier about which names need quotes.
TEST(PgQuote, AgreesWithTheServersQuoteIdent) {
  Connection connection(test_server().url);
  std::vector<std::string> names = {"users", "Users", "a b", "x$", "_x", "2x", "\"q\""};
  // Every key word the server knows: quote_ident() quotes all but the unreserved ones.
  for (const auto& row : connection.query("SELECT word FROM pg_get_keywords()"))
    names.push_back(*row[0]);
  for (const auto& name : names) {
    EXPECT_EQ(postgresql::quote_identifier(name),
              connection.query_value("SELECT quote_ident($1)", {name}))
        << name;
  }
}

}  // namespace
}  // namespace dbmigrate
