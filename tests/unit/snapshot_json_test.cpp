#include <gtest/gtest.h>

#include "dbmigrate/error.hpp"
#include "dbmigrate/snapshot_json.hpp"

namespace dbmigrate {
namespace {

Snapshot sample() {
  Snapshot snapshot;
  Table users{.name = "users"};
  users.columns = {{.name = "id", .type = "integer", .nullable = false, .autoincrement = true},
                   {.name = "email", .type = "varchar(200)", .nullable = false, .collation = "NOCASE"},
                   {.name = "age", .type = "integer", .default_sql = "0"}};
  users.primary_key = {"id"};
  users.indexes = {{.name = "ix_users_lower", .keys = {{.name = "lower(email)", .expression = true}}},
                   {.name = "ix_users_age", .unique = true, .keys = {{.name = "age", .descending = true}},
                    .where = "age > 0"}};
  users.checks = {{.name = "adult", .expression = "age >= 18"}};
  Table posts{.name = "posts"};
  posts.columns = {{.name = "id", .type = "integer", .nullable = false},
                   {.name = "user_id", .type = "integer"}};
  posts.foreign_keys = {{.columns = {"user_id"}, .ref_table = "users", .ref_columns = {"id"},
                         .on_delete = ReferentialAction::cascade}};
  posts.uniques = {{.name = "uq", .columns = {"id", "user_id"}}};
  snapshot.tables = {users, posts};
  snapshot.views = {{.name = "v", .sql = "CREATE VIEW v AS SELECT 1"}};
  snapshot.triggers = {{.name = "t", .table = "users", .sql = "CREATE TRIGGER t ..."}};
  return snapshot;
}

TEST(SnapshotJson, RoundTripsEveryField) {
  auto snapshot = sample();
  auto loaded = snapshot_from_json(to_json(snapshot));
  snapshot.normalize();
  EXPECT_EQ(loaded, snapshot);
  EXPECT_EQ(to_json(loaded), to_json(snapshot));
}

TEST(SnapshotJson, OrderOfInputDoesNotChangeOutput) {
  auto a = sample();
  auto b = sample();
  std::swap(b.tables[0], b.tables[1]);
  std::swap(b.tables[1].indexes[0], b.tables[1].indexes[1]);
  EXPECT_EQ(to_json(a), to_json(b));
  EXPECT_LT(to_json(a).find("\"name\": \"posts\""), to_json(a).find("\"name\": \"users\""));
}

TEST(SnapshotJson, StartsWithFormatAndEndsWithNewline) {
  auto text = to_json(Snapshot{});
  EXPECT_EQ(text, "{\n  \"format\": 1,\n  \"tables\": []\n}\n");
}

void expect_input_error(std::string_view text, std::string_view message) {
  try {
    (void)snapshot_from_json(text, "schema.json");
    FAIL() << "expected an error for " << text;
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::input);
    EXPECT_EQ(std::string(error.what()), message);
  }
}

TEST(SnapshotJson, ErrorsNameThePlaceInTheDocument) {
  expect_input_error(R"({"format":1,"tables":[{"name":"a","columns":[{"name":"x","type":3}]}]})",
                     "schema.json: tables[0].columns[0].type: expected string");
  expect_input_error(R"({"format":1,"tables":[{"name":"a","columns":[],"colour":1}]})",
                     "schema.json: tables[0].colour: unknown field");
  expect_input_error(R"({"format":1,"tables":[{"columns":[]}]})",
                     "schema.json: tables[0]: missing field 'name'");
  expect_input_error(R"({"tables":[]})", "schema.json: (document): missing field 'format'");
  expect_input_error(R"({"format":1,"tables":{}})", "schema.json: tables: expected array");
  expect_input_error(
      R"({"format":1,"tables":[{"name":"a","columns":[],"foreign_keys":[{"columns":[],"ref_table":"b","ref_columns":[],"on_delete":"EXPLODE"}]}]})",
      "schema.json: tables[0].foreign_keys[0].on_delete: unknown action 'EXPLODE' (expected NO "
      "ACTION, RESTRICT, CASCADE, SET NULL or SET DEFAULT)");
}

TEST(SnapshotJson, RejectsNewerFormat) {
  expect_input_error(R"({"format":2,"tables":[]})",
                     "schema.json: format: written by a newer DbMigrate (format 2); this version "
                     "reads format 1 and older: upgrade DbMigrate");
}

TEST(SnapshotJson, MalformedJsonIsAnInputErrorWithPosition) {
  try {
    (void)snapshot_from_json("{\"format\": 1,\n \"tables\": [", "schema.json");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::input);
    EXPECT_NE(std::string(error.what()).find("line 2"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace dbmigrate

namespace dbmigrate {
namespace {

// Every prefix of a valid document, and every single-byte corruption of it, is either a
// snapshot or an input error: never a crash, never another exception.
TEST(SnapshotJson, TruncatedOrCorruptedDocumentsAreInputErrorsNeverCrashes) {
  const std::string text = to_json(sample());
  int errors = 0;
  for (std::size_t cut = 0; cut < text.size(); ++cut) {
    try {
      (void)snapshot_from_json(text.substr(0, cut), "cut.json");
    } catch (const Error& error) {
      ASSERT_EQ(error.kind(), ErrorKind::input);
      ++errors;
    }
  }
  EXPECT_GE(errors, static_cast<int>(text.size()) - 2);  // only the whole document (less its newline) loads
  const std::string replacements = "{}[]\",:0a\\ \x01\xff";
  for (std::size_t at = 0; at < text.size(); at += 3) {
    for (char c : replacements) {
      std::string corrupted = text;
      corrupted[at] = c;
      try {
        (void)snapshot_from_json(corrupted, "corrupted.json");
      } catch (const Error& error) {
        ASSERT_EQ(error.kind(), ErrorKind::input);
      }
    }
  }
}

TEST(SnapshotJson, DeeplyNestedInputIsAnErrorNotAStackOverflow) {
  std::string deep(200000, '[');
  EXPECT_THROW((void)snapshot_from_json(deep, "deep.json"), Error);
  deep = "{\"format\":1,\"tables\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_THROW((void)snapshot_from_json(deep, "deep.json"), Error);
}

}  // namespace
}  // namespace dbmigrate
