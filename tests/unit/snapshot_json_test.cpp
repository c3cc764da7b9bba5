#include <fmt/format.h>
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
                         .on_delete = ReferentialAction::cascade, .deferrable = true, .initially_deferred = true}};
  posts.uniques = {{.name = "uq", .columns = {"id", "user_id"}}};
  posts.sqlite.strict = true;
  posts.primary_key = {"id"};
  posts.sqlite.primary_key_on_conflict = ConflictAction::replace;
  posts.columns[0].sqlite.not_null_on_conflict = ConflictAction::ignore;
  posts.uniques[0].sqlite.on_conflict = ConflictAction::fail;
  posts.columns.push_back({.name = "twice", .type = "integer", .generated = Generated{"user_id * 2", true}});
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
  EXPECT_EQ(text, "{\n  \"format\": 2,\n  \"tables\": []\n}\n");
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
  expect_input_error(R"({"format":3,"tables":[]})",
                     "schema.json: format: written by a newer DbMigrate (format 3); this version "
                     "reads format 2 and older: upgrade DbMigrate");
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

// A table `a` (columns x, y) plus `extra`, spliced into the table's object.
std::string table_a(std::string_view extra = "") {
  return fmt::format(
      R"({{"name":"a","columns":[{{"name":"x","type":"integer"}},{{"name":"y","type":"text"}}]{}}})",
      extra);
}

std::string document(std::string_view tables, std::string_view rest = "") {
  return fmt::format(R"({{"format":1,"tables":[{}]{}}})", tables, rest);
}

TEST(SnapshotJson, DuplicateNamesAreInputErrorsNamingBothPlaces) {
  expect_input_error(document(table_a() + "," + R"({"name":"b","columns":[]},{"name":"A","columns":[]})"),
                     "schema.json: tables[2].name: duplicate table 'A' (also tables[0])");
  expect_input_error(
      document(R"({"name":"a","columns":[{"name":"x","type":"integer"},{"name":"X","type":"text"}]})"),
      "schema.json: tables[0].columns[1].name: duplicate column 'X' (also tables[0].columns[0])");
  expect_input_error(
      document(table_a(R"(,"indexes":[{"name":"ix","keys":["x"]}])") + "," +
               R"({"name":"b","columns":[{"name":"z","type":"integer"}],"indexes":[{"name":"IX","keys":["z"]}]})"),
      "schema.json: tables[1].indexes[0].name: duplicate index 'IX' (also tables[0].indexes[0])");
  expect_input_error(document("", R"(,"views":[{"name":"v","sql":"1"},{"name":"v","sql":"2"}])"),
                     "schema.json: views[1].name: duplicate view 'v' (also views[0])");
  expect_input_error(
      document(table_a(), R"(,"triggers":[{"name":"t","table":"a","sql":"1"},{"name":"T","table":"a","sql":"2"}])"),
      "schema.json: triggers[1].name: duplicate trigger 'T' (also triggers[0])");
}

// SQLite keeps tables, views and indexes in one namespace: a snapshot that gives two of them one
// name could never be created. Triggers have a namespace of their own.
TEST(SnapshotJson, TablesViewsAndIndexesShareOneNamespace) {
  expect_input_error(document(table_a(), R"(,"views":[{"name":"A","sql":"1"}])"),
                     "schema.json: views[0].name: view 'A' has the name of tables[0]; tables, views and "
                     "indexes need names of their own");
  expect_input_error(document(table_a(R"(,"indexes":[{"name":"a","keys":["x"]}])")),
                     "schema.json: tables[0].indexes[0].name: index 'a' has the name of tables[0]; tables, "
                     "views and indexes need names of their own");
  expect_input_error(document(table_a(R"(,"indexes":[{"name":"v","keys":["x"]}])"), R"(,"views":[{"name":"V","sql":"1"}])"),
                     "schema.json: tables[0].indexes[0].name: index 'v' has the name of views[0]; tables, "
                     "views and indexes need names of their own");
  const auto shared = snapshot_from_json(document(
      table_a(R"(,"indexes":[{"name":"ix","keys":["x"]}])"),
      R"(,"views":[{"name":"v","sql":"1"}],"triggers":[{"name":"a","table":"a","sql":"1"},{"name":"ix","table":"a","sql":"2"},{"name":"v","table":"a","sql":"3"}])"));
  EXPECT_EQ(shared.triggers.size(), 3u);
}

TEST(SnapshotJson, StrictTablesTakeOnlyStrictTypes) {
  const auto strict = [](std::string_view type) {
    return document(fmt::format(R"({{"name":"s","strict":true,"columns":[{{"name":"a","type":"integer"}},{{"name":"b","type":"{}"}}]}})", type));
  };
  for (const auto* type : {"integer", "Real", "TEXT", "blob", "any"}) {
    EXPECT_TRUE(snapshot_from_json(strict(type)).tables.front().sqlite.strict) << type;
  }
  expect_input_error(strict("varchar(20)"),
                     "schema.json: tables[0].columns[1].type: column 'b' of STRICT table 's' has type 'varchar(20)'; "
                     "a STRICT table takes integer, real, text, blob or any");
  expect_input_error(strict(""),
                     "schema.json: tables[0].columns[1].type: column 'b' of STRICT table 's' has type ''; a STRICT "
                     "table takes integer, real, text, blob or any");
}

TEST(SnapshotJson, OnConflictClausesAreCheckedActions) {
  const auto with_column = [](std::string_view column) {
    return document(fmt::format(R"({{"name":"a","columns":[{}],"primary_key":["x"]}})", column));
  };
  EXPECT_EQ(snapshot_from_json(with_column(R"({"name":"x","type":"integer","nullable":false,"not_null_on_conflict":"abort"})"))
                .tables.front()
                .columns.front()
                .sqlite.not_null_on_conflict,
            std::nullopt);
  expect_input_error(with_column(R"({"name":"x","type":"integer","nullable":false,"not_null_on_conflict":"SKIP"})"),
                     "schema.json: tables[0].columns[0].not_null_on_conflict: unknown ON CONFLICT action 'SKIP' "
                     "(expected ROLLBACK, ABORT, FAIL, IGNORE or REPLACE)");
  expect_input_error(with_column(R"({"name":"x","type":"integer","not_null_on_conflict":"REPLACE"})"),
                     "schema.json: tables[0].columns[0].not_null_on_conflict: column 'x' is nullable: a NOT NULL ON "
                     "CONFLICT clause needs \"nullable\": false");
  expect_input_error(document(table_a(R"(,"primary_key_on_conflict":"IGNORE")")),
                     "schema.json: tables[0].primary_key_on_conflict: an ON CONFLICT clause for a table without a "
                     "primary key");
}

TEST(SnapshotJson, GeneratedColumnsHaveNoDefaultAndAreNotKeys) {
  expect_input_error(
      document(R"({"name":"a","columns":[{"name":"x","type":"integer","default":"1","generated":{"expression":"2"}}]})"),
      "schema.json: tables[0].columns[0].default: generated column 'x' cannot have a default");
  expect_input_error(
      document(R"({"name":"a","columns":[{"name":"x","type":"integer","generated":{"expression":"2"}}],"primary_key":["x"]})"),
      "schema.json: tables[0].columns[0].generated: generated column 'x' cannot be part of the primary key");
  expect_input_error(document(R"({"name":"a","columns":[{"name":"x","type":"integer","generated":{"stored":true}}]})"),
                     "schema.json: tables[0].columns[0].generated: missing field 'expression'");
}

TEST(SnapshotJson, KeysAndConstraintsMustNameColumnsOfTheirTable) {
  expect_input_error(document(table_a(R"(,"primary_key":["x","z"])")),
                     "schema.json: tables[0].primary_key[1]: 'z' is not a column of table 'a'");
  expect_input_error(document(table_a(R"(,"indexes":[{"name":"ix","keys":[]}])")),
                     "schema.json: tables[0].indexes[0].keys: index 'ix' has no keys");
  expect_input_error(document(table_a(R"(,"indexes":[{"name":"ix","keys":["x",{"column":"q"}]}])")),
                     "schema.json: tables[0].indexes[0].keys[1]: 'q' is not a column of table 'a'");
  expect_input_error(document(table_a(R"(,"uniques":[{"columns":[]}])")),
                     "schema.json: tables[0].uniques[0].columns: unique constraint has no columns");
  expect_input_error(document(table_a(R"(,"uniques":[{"columns":["y","w"]}])")),
                     "schema.json: tables[0].uniques[0].columns[1]: 'w' is not a column of table 'a'");
  expect_input_error(
      document(table_a(R"(,"foreign_keys":[{"columns":[],"ref_table":"a","ref_columns":[]}])")),
      "schema.json: tables[0].foreign_keys[0].columns: foreign key has no columns");
  expect_input_error(
      document(table_a(R"(,"foreign_keys":[{"columns":["v"],"ref_table":"a","ref_columns":["x"]}])")),
      "schema.json: tables[0].foreign_keys[0].columns[0]: 'v' is not a column of table 'a'");
  expect_input_error(
      document(table_a(R"(,"foreign_keys":[{"columns":["x","y"],"ref_table":"a","ref_columns":["x"]}])")),
      "schema.json: tables[0].foreign_keys[0].ref_columns: 1 referenced columns for 2 columns; "
      "name one for each column");
  expect_input_error(document(table_a(), R"(,"triggers":[{"name":"t","table":"b","sql":"1"}])"),
                     "schema.json: triggers[0].table: 'b' is not a table of the snapshot");

  // What stays valid: an implicit target, expression keys, a trigger naming its table in
  // another case.
  const auto valid = snapshot_from_json(
      document(table_a(R"(,"indexes":[{"name":"ix","keys":[{"expression":"x + 1"}]}],)"
                       R"("foreign_keys":[{"columns":["x"],"ref_table":"a","ref_columns":[]}])"),
               R"(,"triggers":[{"name":"t","table":"A","sql":"1"}])"),
      "schema.json");
  EXPECT_EQ(valid.tables.size(), 1U);
}

TEST(SnapshotJson, EmptyNamesAndNulCharactersAreInputErrors) {
  expect_input_error(document(R"({"name":"","columns":[]})"), "schema.json: tables[0].name: empty name");
  expect_input_error(document(R"({"name":"a","columns":[{"name":"","type":"integer"}]})"),
                     "schema.json: tables[0].columns[0].name: empty name");
  expect_input_error(document(R"({"name":"a\u0000b","columns":[]})"),
                     "schema.json: tables[0].name: name contains a NUL character");
  expect_input_error(document(R"({"name":"a","columns":[{"name":"x\u0000","type":"integer"}]})"),
                     "schema.json: tables[0].columns[0].name: name contains a NUL character");
  expect_input_error(document(table_a(R"(,"indexes":[{"name":"i\u0000x","keys":["x"]}])")),
                     "schema.json: tables[0].indexes[0].name: name contains a NUL character");
  expect_input_error(document("", R"(,"views":[{"name":"\u0000","sql":"1"}])"),
                     "schema.json: views[0].name: name contains a NUL character");
}

std::string document2(std::string_view tables) {
  return fmt::format(R"({{"format":2,"tables":[{}]}})", tables);
}

// Format 2 keeps SQLite's options in a "sqlite" part of the table, column and unique constraint;
// format 1 kept them beside the portable fields. Both read into the same value.
TEST(SnapshotJson, Format2ReadsTheSqlitePartsAsFormat1ReadTheirFields) {
  const auto old = snapshot_from_json(document(
      R"({"name":"t","columns":[{"name":"a","type":"integer","nullable":false,"not_null_on_conflict":"FAIL"},)"
      R"({"name":"b","type":"any"}],"primary_key":["a"],"primary_key_on_conflict":"REPLACE",)"
      R"("uniques":[{"columns":["b"],"on_conflict":"IGNORE"}],"without_rowid":true,"strict":true})"));
  const auto now = snapshot_from_json(document2(
      R"({"name":"t","columns":[{"name":"a","type":"integer","nullable":false,"sqlite":{"not_null_on_conflict":"FAIL"}},)"
      R"({"name":"b","sqlite":{"type":"any"}}],"primary_key":["a"],)"
      R"("uniques":[{"columns":["b"],"sqlite":{"on_conflict":"IGNORE"}}],)"
      R"("sqlite":{"primary_key_on_conflict":"REPLACE","without_rowid":true,"strict":true}})"));
  EXPECT_EQ(now, old);
  const Table& t = now.tables.front();
  EXPECT_EQ(t.sqlite, (SqliteTableOptions{.primary_key_on_conflict = ConflictAction::replace,
                                          .without_rowid = true,
                                          .strict = true}));
  EXPECT_EQ(t.columns[0].sqlite.not_null_on_conflict, ConflictAction::fail);
  EXPECT_EQ(t.columns[1].type, "");
  EXPECT_TRUE(t.columns[1].sqlite.any);
  EXPECT_EQ(t.uniques[0].sqlite.on_conflict, ConflictAction::ignore);
  EXPECT_EQ(to_json(old), to_json(now));
}

TEST(SnapshotJson, EmptyDialectPartsAreLeftOut) {
  const auto text = to_json(sample());
  EXPECT_EQ(text.find("\"sqlite\": {}"), std::string::npos);
  // users has no SQLite option, posts has one on the table, a column and the unique constraint.
  std::size_t parts = 0;
  for (auto at = text.find("\"sqlite\""); at != std::string::npos; at = text.find("\"sqlite\"", at + 1)) ++parts;
  EXPECT_EQ(parts, 3u);
}

TEST(SnapshotJson, Format2RefusesSqliteOptionsOutsideTheirPart) {
  expect_input_error(document2(R"({"name":"a","columns":[],"strict":true})"),
                     "schema.json: tables[0].strict: unknown field");
  expect_input_error(document2(R"({"name":"a","columns":[{"name":"x","type":"integer","nullable":false,"not_null_on_conflict":"FAIL"}]})"),
                     "schema.json: tables[0].columns[0].not_null_on_conflict: unknown field");
  expect_input_error(document2(R"({"name":"a","columns":[{"name":"x","type":"integer"}],"uniques":[{"columns":["x"],"on_conflict":"FAIL"}]})"),
                     "schema.json: tables[0].uniques[0].on_conflict: unknown field");
  expect_input_error(document2(R"({"name":"a","columns":[{"name":"x","type":"Any"}]})"),
                     "schema.json: tables[0].columns[0].type: 'any' is SQLite's own type, not a portable one: "
                     "write \"sqlite\": {\"type\": \"any\"}");
  expect_input_error(document2(R"({"name":"a","columns":[{"name":"x","type":"integer","sqlite":{"type":"any"}}]})"),
                     "schema.json: tables[0].columns[0].type: a column of SQLite's type any has no portable "
                     "type: leave out \"type\"");
  expect_input_error(document2(R"({"name":"a","columns":[{"name":"x","sqlite":{"type":"variant"}}]})"),
                     "schema.json: tables[0].columns[0].sqlite.type: unknown SQLite type 'variant' (a column "
                     "of a portable type gives it in \"type\"; SQLite's own: any)");
  expect_input_error(document2(R"({"name":"a","columns":[{"name":"x"}]})"),
                     "schema.json: tables[0].columns[0]: missing field 'type'");
  expect_input_error(document2(R"({"name":"a","columns":[],"sqlite":{"temporary":true}})"),
                     "schema.json: tables[0].sqlite.temporary: unknown field");
  expect_input_error(document2(R"({"name":"a","columns":[],"sqlite":[]})"),
                     "schema.json: tables[0].sqlite: expected object");
}

TEST(SnapshotJson, Format2ChecksNameTheSqlitePart) {
  expect_input_error(document2(R"({"name":"a","columns":[{"name":"x","type":"integer","sqlite":{"not_null_on_conflict":"REPLACE"}}]})"),
                     "schema.json: tables[0].columns[0].sqlite.not_null_on_conflict: column 'x' is nullable: a NOT "
                     "NULL ON CONFLICT clause needs \"nullable\": false");
  expect_input_error(document2(table_a(R"(,"sqlite":{"primary_key_on_conflict":"IGNORE"})")),
                     "schema.json: tables[0].sqlite.primary_key_on_conflict: an ON CONFLICT clause for a table "
                     "without a primary key");
  expect_input_error(document2(R"j({"name":"s","sqlite":{"strict":true},"columns":[{"name":"a","type":"varchar(2)"}]})j"),
                     "schema.json: tables[0].columns[0].type: column 'a' of STRICT table 's' has type 'varchar(2)'; "
                     "a STRICT table takes integer, real, text, blob or any");
  EXPECT_TRUE(snapshot_from_json(document2(R"({"name":"s","sqlite":{"strict":true},"columns":[{"name":"a","sqlite":{"type":"any"}}]})"))
                  .tables.front()
                  .columns.front()
                  .sqlite.any);
}

TEST(SnapshotJson, DeclaredTypesAreWrittenOnlyWhereTheSourceGaveOne) {
  Snapshot snapshot;
  Table t{.name = "t"};
  t.columns = {{.name = "at", .type = "timestamp"}, {.name = "n", .type = "integer"}};
  t.columns[0].sqlite.declared_type = "DATETIME";
  snapshot.tables = {t};
  const std::string text = to_json(snapshot);
  EXPECT_NE(text.find(R"("sqlite": {
            "declared_type": "DATETIME"
          })"),
            std::string::npos)
      << text;
  std::size_t parts = 0;
  for (auto at = text.find("\"sqlite\""); at != std::string::npos;
       at = text.find("\"sqlite\"", at + 1))
    ++parts;
  EXPECT_EQ(parts, 1u);
  EXPECT_EQ(snapshot_from_json(text), snapshot);
}

TEST(SnapshotJson, ADeclaredTypeIsATypeName) {
  expect_input_error(
      document2(
          R"({"name":"a","columns":[{"name":"x","type":"integer","sqlite":{"declared_type":"INT); DROP TABLE a; --"}}]})"),
      "schema.json: tables[0].columns[0].sqlite.declared_type: the declared type of column 'x' of "
      "table 'a' is not a "
      "type name: 'INT); DROP TABLE a; --' (words, then at most two numbers in parentheses)");
  expect_input_error(
      document2(
          R"({"name":"a","sqlite":{"strict":true},"columns":[{"name":"x","type":"integer","sqlite":{"declared_type":"INT4"}}]})"),
      "schema.json: tables[0].columns[0].sqlite.declared_type: column 'x' of STRICT table 'a' is "
      "declared 'INT4'; a "
      "STRICT table takes INT or integer, real, text, blob or any");
}

TEST(SnapshotJson, UniqueColumnsAreNamesOrKeysWithOrderAndCollation) {
  const std::string text = document2(
      R"({"name":"a","columns":[{"name":"x","type":"integer"},{"name":"y","type":"text"}],)"
      R"("uniques":[{"columns":[{"column":"x","descending":true},{"column":"y","collation":"NOCASE"}]},)"
      R"({"columns":["x","y"]},{"columns":[{"column":"y"}]}]})");
  const Snapshot loaded = snapshot_from_json(text);
  const auto& uniques = loaded.tables[0].uniques;
  ASSERT_EQ(uniques.size(), 3u);
  // An object that says nothing more than the name is the plain name.
  EXPECT_EQ(uniques[2].columns, std::vector<std::string>({"y"}));
  EXPECT_TRUE(uniques[2].orders.empty());
  EXPECT_TRUE(uniques[0].orders.empty());
  EXPECT_EQ(uniques[1].orders,
            std::vector<KeyOrder>({{.descending = true}, {.collation = "NOCASE"}}));
  const std::string written = to_json(loaded);
  EXPECT_NE(written.find(R"("columns": [
            {
              "column": "x",
              "descending": true
            },
            {
              "collation": "NOCASE",
              "column": "y"
            }
          ])"),
            std::string::npos)
      << written;
  EXPECT_EQ(snapshot_from_json(written), loaded);
  expect_input_error(
      document2(
          R"({"name":"a","columns":[{"name":"x","type":"integer"}],"uniques":[{"columns":[{"column":"x","desc":true}]}]})"),
      "schema.json: tables[0].uniques[0].columns[0].desc: unknown field");
}

TEST(SnapshotJson, DeeplyNestedInputIsAnErrorNotAStackOverflow) {
  std::string deep(200000, '[');
  EXPECT_THROW((void)snapshot_from_json(deep, "deep.json"), Error);
  deep = "{\"format\":1,\"tables\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_THROW((void)snapshot_from_json(deep, "deep.json"), Error);
}

}  // namespace
}  // namespace dbmigrate
