// schema.json files of format 1, the layout before the dialect parts (docs/snapshot.md,
// "Format 1"): tests/snapshots/format1/schema.json was written by a DbMigrate of that format
// from schema.sql beside it. It keeps loading, into the same schema as the .sql file declares, so that nothing is a change; and the next write is format 2.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "dbmigrate/diff.hpp"
#include "dbmigrate/dialect_registry.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/snapshot_json.hpp"

namespace dbmigrate {
namespace {

const std::filesystem::path fixtures =
    std::filesystem::path(DBMIGRATE_TEST_DATA) / "snapshots" / "format1";

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Snapshot format1() {
  const Dialect& sqlite = dialect_named("sqlite");
  Snapshot snapshot = snapshot_from_json(file_text(fixtures / "schema.json"), "schema.json",
                                         &sqlite.fragment_check());
  canonicalize_sql_text(snapshot, sqlite);
  return snapshot;
}

Snapshot from_sql_file() {
  const Dialect& sqlite = dialect_named("sqlite");
  Snapshot snapshot = sqlite.read_schema_file(file_text(fixtures / "schema.sql"), "schema.sql");
  canonicalize_sql_text(snapshot, sqlite);
  return snapshot;
}

TEST(SnapshotFormat1, TheFixtureIsFormat1WithEverySqliteOption) {
  const std::string text = file_text(fixtures / "schema.json");
  EXPECT_NE(text.find("\"format\": 1"), std::string::npos);
  for (const char* field : {"\"primary_key_on_conflict\"", "\"not_null_on_conflict\"", "\"on_conflict\"",
                            "\"without_rowid\"", "\"strict\"", "\"type\": \"any\""}) {
    EXPECT_NE(text.find(field), std::string::npos) << field;
  }
  EXPECT_EQ(text.find("\"sqlite\""), std::string::npos);
}

TEST(SnapshotFormat1, LoadsIntoTheSqliteParts) {
  const Snapshot snapshot = format1();
  const Table& accounts = *snapshot.find_table("accounts");
  EXPECT_EQ(accounts.sqlite.primary_key_on_conflict, ConflictAction::replace);
  EXPECT_EQ(accounts.find_column("email")->sqlite.not_null_on_conflict, ConflictAction::ignore);
  ASSERT_EQ(accounts.uniques.size(), 2u);
  for (const auto& unique : accounts.uniques) {
    EXPECT_EQ(unique.sqlite.on_conflict, unique.name ? ConflictAction::rollback : ConflictAction::fail);
  }
  const Table& events = *snapshot.find_table("events");
  EXPECT_TRUE(events.sqlite.without_rowid);
  EXPECT_TRUE(events.sqlite.strict);
  const Column& payload = *events.find_column("payload");
  EXPECT_TRUE(payload.sqlite.any);
  EXPECT_EQ(payload.type, "");
  EXPECT_EQ(type_text(payload), "any");
  EXPECT_TRUE(snapshot.find_table("settings")->sqlite.without_rowid);
  EXPECT_FALSE(snapshot.find_table("settings")->sqlite.strict);
}

TEST(SnapshotFormat1, IsTheSchemaTheSqlFileDeclares) {
  const Snapshot old = format1();
  const auto names = dialect_named("sqlite").capabilities().identifier_case;
  EXPECT_EQ(old, from_sql_file());
  EXPECT_TRUE(diff(old, from_sql_file(), names).empty());
  EXPECT_TRUE(diff(from_sql_file(), old, names).empty());
}

TEST(SnapshotFormat1, GivesTheSameDiffsAsItsFormat2Form) {
  const Snapshot old = format1();
  const Snapshot again = snapshot_from_json(to_json(old), "schema.json");
  EXPECT_EQ(again, old);
  Snapshot changed = from_sql_file();
  changed.find_table("events")->sqlite.strict = false;
  changed.find_table("accounts")->find_column("email")->sqlite.not_null_on_conflict.reset();
  const auto names = dialect_named("sqlite").capabilities().identifier_case;
  const auto from_old = diff(old, changed, names);
  const auto from_again = diff(again, changed, names);
  ASSERT_EQ(from_old.size(), from_again.size());
  std::string all;
  for (std::size_t i = 0; i < from_old.size(); ++i) {
    EXPECT_EQ(from_old[i].describe(), from_again[i].describe());
    all += from_old[i].describe() + "\n";
  }
  EXPECT_NE(all.find("NOT NULL ON CONFLICT IGNORE -> ABORT"), std::string::npos) << all;
  EXPECT_NE(all.find("removed STRICT"), std::string::npos) << all;
}

TEST(SnapshotFormat1, IsWrittenAgainAsFormat2) {
  const std::string text = to_json(format1());
  EXPECT_EQ(text.rfind("{\n  \"format\": 2,\n", 0), 0u);
  for (const char* old_field : {"\"primary_key_on_conflict\": \"REPLACE\",\n      \"primary_key\"",
                                "\"type\": \"any\",\n          \"nullable\""}) {
    EXPECT_EQ(text.find(old_field), std::string::npos) << old_field;
  }
  // Each SQLite option in the part of the object it belongs to.
  EXPECT_NE(text.find("\"sqlite\": {\n        \"primary_key_on_conflict\": \"REPLACE\"\n      }"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\"sqlite\": {\n            \"type\": \"any\"\n          }"), std::string::npos)
      << text;
  EXPECT_NE(text.find("\"sqlite\": {\n        \"strict\": true,\n        \"without_rowid\": true\n      }"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace dbmigrate
