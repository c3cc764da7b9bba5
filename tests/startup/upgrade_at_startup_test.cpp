// The start-up upgrade of docs/library.md on a real SQLite file: the first start applies every
// revision, the next finds nothing to do, a start after a new revision applies that one only,
// and a failing revision leaves the database at the one before it.
#include "startup/upgrade_at_startup.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "unit/temp_folder.hpp"

namespace {

std::string revision_file(const std::string& id, const std::string& parent,
                          const std::string& upgrade, const std::string& downgrade) {
  return "-- Revision ID: " + id + "\n-- Revises: " + parent +
         "\n-- Create Date: 2026-01-01 00:00:00+00:00\n-- Message: " + id +
         "\n\n-- migrate:upgrade\n" + upgrade + "\n\n-- migrate:downgrade\n" + downgrade + "\n";
}

std::vector<std::string> tables(const std::filesystem::path& database) {
  sqlite3* db = nullptr;
  std::vector<std::string> names;
  if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                       "'dbmigrate_%' ORDER BY name",
                       -1, &statement, nullptr);
    while (sqlite3_step(statement) == SQLITE_ROW) {
      names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return names;
}

using Startup = dbmigrate::testing::TempFolderTest;
using Ids = std::vector<std::string>;

TEST_F(Startup, UpgradesOnceThenFindsNothingToDo) {
  const auto versions = dir_ / "versions";
  std::filesystem::create_directories(versions);
  std::ofstream(versions / "aaaaaaaaaaaa_users.sql")
      << revision_file("aaaaaaaaaaaa", "", "CREATE TABLE users (id INTEGER PRIMARY KEY);",
                       "DROP TABLE users;");
  const auto database = (dir_ / "app.db").string();
  EXPECT_EQ(app::upgrade_database(database, versions), Ids{"aaaaaaaaaaaa"});
  EXPECT_EQ(tables(database), Ids{"users"});
  EXPECT_EQ(app::upgrade_database(database, versions), Ids{"aaaaaaaaaaaa"});  // nothing to do

  std::ofstream(versions / "bbbbbbbbbbbb_posts.sql")
      << revision_file("bbbbbbbbbbbb", "aaaaaaaaaaaa", "CREATE TABLE posts (id INTEGER);",
                       "DROP TABLE posts;");
  EXPECT_EQ(app::upgrade_database(database, versions), Ids{"bbbbbbbbbbbb"});
  EXPECT_EQ(tables(database), (Ids{"posts", "users"}));

  std::ofstream(versions / "cccccccccccc_broken.sql")
      << revision_file("cccccccccccc", "bbbbbbbbbbbb",
                       "CREATE TABLE tags (id INTEGER);\nINSERT INTO missing VALUES (1);",
                       "DROP TABLE tags;");
  EXPECT_THROW((void)app::upgrade_database(database, versions), dbmigrate::Error);
  EXPECT_EQ(tables(database), (Ids{"posts", "users"}));  // the failing revision rolled back
}

}  // namespace
