// Before a table rebuild the runner compares the live table with the revision's idea of it (its
// `-- Upgrade Rebuilds:` / `-- Downgrade Rebuilds:` headers) and refuses to drop a column, an
// index or a trigger added by hand, unless told to: real database files, real revision files.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "dbmigrate/error.hpp"
#include "runner_fixture.hpp"

namespace dbmigrate::testing {
namespace {

// users(id, name) with an index on name; bbbb makes name NOT NULL through a rebuild, and its
// downgrade makes it nullable again through another one.
constexpr const char* create_users =
    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n"
    "CREATE INDEX ix_users_name ON users (name);";
constexpr const char* rebuild_not_null =
    "PRAGMA foreign_keys=OFF;\n"
    "CREATE TABLE _new_users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
    "INSERT INTO _new_users (id, name) SELECT id, name FROM users;\n"
    "DROP TABLE users;\n"
    "ALTER TABLE _new_users RENAME TO users;\n"
    "CREATE INDEX ix_users_name ON users (name);";
constexpr const char* rebuild_nullable =
    "PRAGMA foreign_keys=OFF;\n"
    "CREATE TABLE _new_users (id INTEGER PRIMARY KEY, name TEXT);\n"
    "INSERT INTO _new_users (id, name) SELECT id, name FROM users;\n"
    "DROP TABLE users;\n"
    "ALTER TABLE _new_users RENAME TO users;\n"
    "CREATE INDEX ix_users_name ON users (name);";
constexpr const char* users_shape =
    R"({"table": "users", "columns": ["id", "name"], "indexes": ["ix_users_name"], "triggers": []})";

// What a person adds by hand, and how the refusal names it.
struct HandChange {
  const char* name;
  const char* sql;
  const char* named;
};

void PrintTo(const HandChange& change, std::ostream* out) {
  *out << change.name;
}

const HandChange hand_changes[] = {
    {"Column", "ALTER TABLE users ADD COLUMN nickname TEXT; UPDATE users SET nickname = 'bob';",
     R"(column "nickname" (with data))"},
    {"EmptyColumn", "ALTER TABLE users ADD COLUMN nickname TEXT;", R"(column "nickname";)"},
    {"Index", "CREATE INDEX ix_users_id_name ON users (id, name);", R"(index "ix_users_id_name")"},
    {"Trigger",
     "CREATE TABLE audit (what TEXT); CREATE TRIGGER trg AFTER INSERT ON users BEGIN INSERT INTO "
     "audit VALUES (new.name); END;",
     R"(trigger "trg")"},
};

class RunnerDrift : public RunnerTest, public ::testing::WithParamInterface<HandChange> {
 protected:
  // A revision file with further header lines, written as a person or migrate would.
  void add_with_headers(const std::string& id, const std::string& parent,
                        const std::string& headers, const std::string& upgrade,
                        const std::string& downgrade) {
    std::ofstream(versions() / (id + "_step.sql"), std::ios::binary)
        << "-- Revision ID: " << id << "\n-- Revises: " << parent
        << "\n-- Create Date: 2026-11-24 10:00:00+00:00\n-- Message: step\n"
        << headers << "\n-- migrate:upgrade\n"
        << upgrade << "\n\n-- migrate:downgrade\n"
        << downgrade << "\n";
  }

  // aaaa creates users with a row; bbbb rebuilds it, with or without the headers.
  void add_rebuild(bool with_headers) {
    add("aaaa", {}, std::string(create_users) + "\nINSERT INTO users (id, name) VALUES (1, 'Bob');",
        "DROP TABLE users;");
    const std::string headers = with_headers ? std::string("-- Upgrade Rebuilds: ") + users_shape +
                                                   "\n-- Downgrade Rebuilds: " + users_shape + "\n"
                                             : std::string();
    add_with_headers("bbbb", "aaaa", headers, rebuild_not_null, rebuild_nullable);
  }

  std::vector<std::string> heads() { return open_sqlite_runner(database()).current_heads(); }
  std::vector<std::string> schema() {
    auto db = look();
    return column(db, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name");
  }
  std::vector<std::string> backups() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
      if (entry.path().filename().string().starts_with("app.db.backup-"))
        names.push_back(entry.path().string());
    }
    return names;
  }
  void hand(const std::string& sql) { look().execute(sql); }

  // Runs `apply`, expecting the refusal; returns its message.
  template <typename F>
  std::string refusal(F&& apply) {
    try {
      apply();
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::check) << error.what();
      return error.what();
    }
    ADD_FAILURE() << "the run was not refused";
    return {};
  }
};

TEST_P(RunnerDrift, UpgradeRebuildingATableWithAHandChange_RefusesAndChangesNothing) {
  add_rebuild(true);
  open_sqlite_runner(database()).upgrade(graph(), "aaaa", reporter_);
  hand(GetParam().sql);
  const auto before = schema();

  const std::string message =
      refusal([&] { open_sqlite_runner(database()).upgrade(graph(), "head", reporter_); });
  EXPECT_TRUE(
      message.starts_with("revision bbbb rebuilds table \"users\", but the database has "
                          "what the revision does not know: "))
      << message;
  EXPECT_NE(message.find(GetParam().named), std::string::npos) << message;
  EXPECT_NE(message.find("--drop-unknown"), std::string::npos) << message;
  EXPECT_EQ(heads(), std::vector<std::string>{"aaaa"});
  EXPECT_EQ(schema(), before);
  EXPECT_TRUE(backups().empty());
}

TEST_P(RunnerDrift, UpgradeWithDropUnknown_RebuildsAfterABackup) {
  add_rebuild(true);
  open_sqlite_runner(database()).upgrade(graph(), "aaaa", reporter_);
  hand(GetParam().sql);
  const auto before = schema();

  open_sqlite_runner(database(), RunnerOptions{.drop_unknown = true})
      .upgrade(graph(), "head", reporter_);
  EXPECT_EQ(heads(), std::vector<std::string>{"bbbb"});
  auto db = look();
  EXPECT_EQ(column(db, "SELECT name FROM pragma_table_info('users') ORDER BY cid"),
            (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(column(db,
                   "SELECT name FROM sqlite_master WHERE tbl_name = 'users' AND type IN "
                   "('index', 'trigger') ORDER BY name"),
            std::vector<std::string>{"ix_users_name"});
  ASSERT_EQ(reporter_.backups.size(), 1U);
  sqlite::Connection saved(reporter_.backups.front().string());
  EXPECT_EQ(column(saved, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"),
            before);
}

TEST_P(RunnerDrift, DowngradeRebuildingATableWithAHandChange_RefusesUnlessTold) {
  add_rebuild(true);
  open_sqlite_runner(database()).upgrade(graph(), "head", reporter_);
  hand(GetParam().sql);
  const auto before = schema();

  const std::string message =
      refusal([&] { open_sqlite_runner(database()).downgrade(graph(), "-1", reporter_); });
  EXPECT_TRUE(
      message.starts_with("revision bbbb's downgrade rebuilds table \"users\", but the "
                          "database has what the revision does not know: "))
      << message;
  EXPECT_NE(message.find(GetParam().named), std::string::npos) << message;
  EXPECT_EQ(heads(), std::vector<std::string>{"bbbb"});
  EXPECT_EQ(schema(), before);
  EXPECT_TRUE(backups().empty());

  open_sqlite_runner(database(), RunnerOptions{.drop_unknown = true})
      .downgrade(graph(), "-1", reporter_);
  EXPECT_EQ(heads(), std::vector<std::string>{"aaaa"});
  EXPECT_EQ(reporter_.backups.size(), 1U);
}

INSTANTIATE_TEST_SUITE_P(HandChanges, RunnerDrift, ::testing::ValuesIn(hand_changes),
                         [](const auto& info) { return std::string(info.param.name); });

using RunnerDriftCases = RunnerDrift;

TEST_F(RunnerDriftCases, WhatTheRevisionKnows_IsNoDrift) {
  add_rebuild(true);
  open_sqlite_runner(database()).upgrade(graph(), "head", reporter_);
  EXPECT_EQ(heads(), std::vector<std::string>{"bbbb"});
  EXPECT_TRUE(reporter_.backups.empty());
}

TEST_F(RunnerDriftCases, AllExtrasOfATable_NamedInOneMessage) {
  add_rebuild(true);
  open_sqlite_runner(database()).upgrade(graph(), "aaaa", reporter_);
  hand(
      "ALTER TABLE users ADD COLUMN nickname TEXT DEFAULT 'x'; CREATE INDEX ix_nick ON users "
      "(nickname); CREATE TRIGGER trg AFTER DELETE ON users BEGIN SELECT 1; END;");
  const std::string message =
      refusal([&] { open_sqlite_runner(database()).upgrade(graph(), "head", reporter_); });
  EXPECT_EQ(message,
            "revision bbbb rebuilds table \"users\", but the database has what the revision does "
            "not know: column \"nickname\" (with data), index \"ix_nick\", trigger \"trg\"; drop "
            "them by hand or run again with --drop-unknown to let the rebuild drop them");
}

TEST_F(RunnerDriftCases, RevisionWithoutTheHeaders_StillRuns) {
  add_rebuild(false);
  open_sqlite_runner(database()).upgrade(graph(), "aaaa", reporter_);
  hand("ALTER TABLE users ADD COLUMN nickname TEXT;");
  open_sqlite_runner(database()).upgrade(graph(), "head", reporter_);
  EXPECT_EQ(heads(), std::vector<std::string>{"bbbb"});
}

TEST_F(RunnerDriftCases, EarlierRevisionOfTheRun_IsAppliedBeforeTheComparison) {
  // bbbb drops a column natively; cccc then rebuilds the table without it: judged on the
  // database before bbbb ran, the column would look like a hand change.
  add("aaaa", {}, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, old TEXT);",
      "DROP TABLE users;");
  add("bbbb", {"aaaa"}, "ALTER TABLE users DROP COLUMN old;",
      "ALTER TABLE users ADD COLUMN old TEXT;");
  add_with_headers("cccc", "bbbb",
                   "-- Upgrade Rebuilds: {\"table\": \"users\", \"columns\": [\"id\", \"name\"], "
                   "\"indexes\": [], \"triggers\": []}\n",
                   "CREATE TABLE _n (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
                   "INSERT INTO _n SELECT id, name FROM users;\nDROP TABLE users;\n"
                   "ALTER TABLE _n RENAME TO users;",
                   "");
  open_sqlite_runner(database()).upgrade(graph(), "head", reporter_);
  EXPECT_EQ(heads(), std::vector<std::string>{"cccc"});
}

TEST_F(RunnerDriftCases, NamesCompareAsSqliteComparesThem) {
  add("aaaa", {}, "CREATE TABLE Users (ID INTEGER PRIMARY KEY, Name TEXT);", "DROP TABLE Users;");
  add_with_headers("bbbb", "aaaa",
                   "-- Upgrade Rebuilds: {\"table\": \"users\", \"columns\": [\"id\", \"name\"], "
                   "\"indexes\": [], \"triggers\": []}\n",
                   "CREATE TABLE _n (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
                   "INSERT INTO _n SELECT id, name FROM users;\nDROP TABLE users;\n"
                   "ALTER TABLE _n RENAME TO users;",
                   "");
  open_sqlite_runner(database()).upgrade(graph(), "head", reporter_);
  EXPECT_EQ(heads(), std::vector<std::string>{"bbbb"});
}

}  // namespace
}  // namespace dbmigrate::testing
