// The Flask-Migrate seed walk-through, end to end through the binary: init, migrate, upgrade,
// a second model change with data in the tables, downgrade, downgrade base, and the output of
// current, history and heads on the way.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Rows = std::vector<std::vector<std::string>>;
using Lines = std::vector<std::string>;

constexpr const char* first_model = R"(CREATE TABLE users (
  id INTEGER NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT
);
CREATE TABLE posts (
  id INTEGER NOT NULL PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  title TEXT NOT NULL,
  rating INTEGER
);
)";

// users: email renamed (with the hint), age added; posts.rating integer -> real.
constexpr const char* second_model = R"(CREATE TABLE users (
  id INTEGER NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  email_address TEXT, -- @renamed from=email
  age INTEGER
);
CREATE TABLE posts (
  id INTEGER NOT NULL PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  title TEXT NOT NULL,
  rating REAL
);
)";

constexpr const char* first_upgrade = R"(CREATE TABLE users (
    id INTEGER NOT NULL,
    name TEXT NOT NULL,
    email TEXT,
    PRIMARY KEY (id)
);

CREATE TABLE posts (
    id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    rating INTEGER,
    PRIMARY KEY (id),
    FOREIGN KEY (user_id) REFERENCES users (id)
);)";

TEST_F(Cli, Walkthrough_InitMigrateUpgradeChangeDowngrade) {
  const std::string url = "--url sqlite:///app.db";
  auto init = run("init");
  ASSERT_EQ(init.code, 0) << init.text();
  EXPECT_EQ(init.lines(),
            (Lines{"Creating directory 'migrations' ... done",
                   "Revisions will be written for sqlite (no database named: the default).",
                   "Please edit settings in 'migrations/dbmigrate.json' before proceeding."}));

  // First migration: the file's header, markers and SQL.
  write("model.sql", first_model);
  auto migrated = run("migrate -m \"Initial migration\" --model model.sql");
  ASSERT_EQ(migrated.code, 0) << migrated.text();
  ASSERT_EQ(versions().size(), 1u);
  const std::string first_file = versions()[0].filename().string();
  const std::string first = first_file.substr(0, 12);
  EXPECT_EQ(first_file, first + "_initial_migration.sql");
  EXPECT_EQ(migrated.lines(),
            (Lines{"Detected added table 'users'", "Detected added table 'posts'",
                   "Generating migrations/versions/" + first_file + " ... done"}));
  const std::string text = read("migrations/versions/" + first_file);
  std::istringstream in(text);
  Lines header(4);
  for (auto& line : header) std::getline(in, line);
  EXPECT_EQ(header[0], "-- Revision ID: " + first);
  EXPECT_EQ(header[1], "-- Revises:");
  EXPECT_TRUE(header[2].starts_with("-- Create Date: 20") && header[2].ends_with("+00:00"))
      << header[2];
  EXPECT_EQ(header[3], "-- Message: Initial migration");
  EXPECT_TRUE(contains(
      text, "\n-- migrate:upgrade\n" + std::string(first_upgrade) + "\n\n-- migrate:downgrade\n"))
      << text;
  EXPECT_TRUE(contains(text,
                       "DROP TABLE posts;\n\n-- WARNING: drops table 'users' and every row in it\n"
                       "DROP TABLE users;\n"))
      << text;

  // upgrade creates the tables.
  auto upgraded = run("upgrade " + url);
  ASSERT_EQ(upgraded.code, 0) << upgraded.text();
  EXPECT_EQ(upgraded.lines(), (Lines{"Running upgrade  -> " + first + ", Initial migration"}));
  EXPECT_EQ(tables("app.db"), (Lines{"posts", "users"}));
  EXPECT_EQ(columns("app.db", "users"), (Lines{"id", "name", "email"}));
  EXPECT_EQ(columns("app.db", "posts"), (Lines{"id", "user_id", "title", "rating"}));
  EXPECT_EQ(version("app.db"), Lines{first});
  ASSERT_EQ(shell("sqlite3 app.db \"INSERT INTO users VALUES (1, 'ann', 'ann@example.com'), (2, "
                  "'bob', NULL); "
                  "INSERT INTO posts VALUES (1, 1, 'hello', 5);\"")
                .code,
            0);

  // The second change: rename with a hint, an added column, a type change.
  write("model.sql", second_model);
  auto second_migrate = run("migrate -m 'users age and email address' --model model.sql");
  ASSERT_EQ(second_migrate.code, 0) << second_migrate.text();
  ASSERT_EQ(versions().size(), 2u);
  const Revision second_revision = revision("users age and email address");
  const std::string second = second_revision.id;
  EXPECT_EQ(second_revision.parents, Lines{first});
  EXPECT_EQ(second_migrate.lines(),
            (Lines{"Detected altered column 'posts.rating': type integer -> real",
                   "Detected renamed column 'users.email' to 'email_address'",
                   "Detected added column 'users.age'",
                   "Generating migrations/versions/" + second_revision.path.filename().string() +
                       " ... done"}));
  EXPECT_TRUE(contains(second_revision.upgrade_sql,
                       "ALTER TABLE users RENAME COLUMN email TO email_address;"))
      << second_revision.upgrade_sql;
  EXPECT_TRUE(contains(second_revision.upgrade_sql, "ALTER TABLE users ADD COLUMN age INTEGER;"));
  EXPECT_TRUE(contains(second_revision.upgrade_sql, "    rating REAL,\n"));

  auto second_upgrade = run("upgrade " + url);
  ASSERT_EQ(second_upgrade.code, 0) << second_upgrade.text();
  EXPECT_EQ(second_upgrade.lines(), (Lines{"Running upgrade " + first + " -> " + second +
                                           ", users age and email address"}));
  EXPECT_EQ(columns("app.db", "users"), (Lines{"id", "name", "email_address", "age"}));
  EXPECT_EQ(query("app.db", "SELECT id, name, email_address, age FROM users ORDER BY id"),
            (Rows{{"1", "ann", "ann@example.com", "NULL"}, {"2", "bob", "NULL", "NULL"}}));
  EXPECT_EQ(query("app.db", "SELECT id, user_id, title, rating, typeof(rating) FROM posts"),
            (Rows{{"1", "1", "hello", "5.0", "real"}}));
  EXPECT_EQ(version("app.db"), Lines{second});

  // current, history, heads at head.
  auto current = run("current " + url);
  EXPECT_EQ(current.code, 0);
  EXPECT_EQ(current.lines(), (Lines{second + " (head), users age and email address"}));
  auto history = run("history");
  EXPECT_EQ(history.code, 0);
  EXPECT_EQ(history.lines(),
            (Lines{first + " -> " + second + " (head), users age and email address",
                   "<base> -> " + first + ", Initial migration"}));
  auto heads = run("heads");
  EXPECT_EQ(heads.code, 0);
  EXPECT_EQ(heads.lines(), (Lines{second + " (head)"}));

  // downgrade: the old column name, the rows as they were.
  auto downgraded = run("downgrade " + url);
  ASSERT_EQ(downgraded.code, 0) << downgraded.text();
  EXPECT_TRUE(contains(downgraded.out, "Running downgrade " + second + " -> " + first +
                                           ", users age and email address\n"))
      << downgraded.out;
  EXPECT_EQ(columns("app.db", "users"), (Lines{"id", "name", "email"}));
  EXPECT_EQ(query("app.db", "SELECT id, name, email FROM users ORDER BY id"),
            (Rows{{"1", "ann", "ann@example.com"}, {"2", "bob", "NULL"}}));
  EXPECT_EQ(query("app.db", "SELECT rating, typeof(rating) FROM posts"), (Rows{{"5", "integer"}}));
  EXPECT_EQ(version("app.db"), Lines{first});
  EXPECT_EQ(run("current " + url).lines(), (Lines{first + ", Initial migration"}));

  // downgrade base: the tables go, the version table is empty, the history records it all.
  auto to_base = run("downgrade base " + url);
  ASSERT_EQ(to_base.code, 0) << to_base.text();
  EXPECT_TRUE(contains(to_base.out, "Running downgrade " + first + " -> , Initial migration\n"))
      << to_base.out;
  EXPECT_TRUE(tables("app.db").empty());
  EXPECT_TRUE(version("app.db").empty());
  EXPECT_EQ(
      query("app.db", "SELECT revision, direction FROM dbmigrate_history ORDER BY id"),
      (Rows{{first, "upgrade"}, {second, "upgrade"}, {second, "downgrade"}, {first, "downgrade"}}));
  EXPECT_EQ(run("current " + url).lines(), (Lines{"(base: no revision applied)"}));
}

TEST_F(Cli, Walkthrough_MigrateWithoutChangesWritesNothing) {
  ASSERT_EQ(run("init").code, 0);
  write("model.sql", first_model);
  ASSERT_EQ(run("migrate -m first --model model.sql").code, 0);
  const FolderState before = state();
  auto again = run("migrate -m again --model model.sql");
  EXPECT_EQ(again.code, 0);
  EXPECT_EQ(again.lines(), (Lines{"No changes in schema detected."}));
  EXPECT_EQ(state(), before);
}

}  // namespace
}  // namespace dbmigrate::cli_test
