// The runner on real SQLite files: upgrade, downgrade, failures, branches, stamp, checksums.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/sqlite.hpp"
#include "revision/sha256.hpp"
#include "revision_builder.hpp"
#include "runner_fixture.hpp"

namespace dbmigrate::testing {
namespace {

TEST_F(RunnerTest, Upgrade_ThreeRevisions_CreatesTablesSetsHeadAndRecordsHistory) {
  add_chain();
  Runner runner = open_sqlite_runner(database());
  EXPECT_EQ(runner.upgrade(graph(), "head", reporter_), Ids{"cccc"});

  auto db = look();
  EXPECT_TRUE(has_table(db, "users"));
  EXPECT_TRUE(has_table(db, "posts"));
  EXPECT_TRUE(has_table(db, "tags"));
  EXPECT_EQ(column(db, "SELECT revision FROM dbmigrate_version"), Ids{"cccc"});
  EXPECT_EQ(column(db, "SELECT revision || ' ' || direction FROM dbmigrate_history ORDER BY id"),
            (Ids{"aaaa upgrade", "bbbb upgrade", "cccc upgrade"}));
  EXPECT_EQ(reporter_.lines,
            (Ids{"Running upgrade  -> aaaa, add users", "Running upgrade aaaa -> bbbb, add posts",
                 "Running upgrade bbbb -> cccc, add tags"}));
  const auto history = runner.history();
  ASSERT_EQ(history.size(), 3U);
  EXPECT_EQ(history[0].checksum,
            sha256_hex(read(versions() / revision_filename("aaaa", "add users"))));
  EXPECT_EQ(history[0].applied_at.size(), std::string("2026-11-24 10:00:00+00:00").size());
  EXPECT_GE(history[0].duration_ms, 0);
}

TEST_F(RunnerTest, Upgrade_AlreadyAtHead_DoesNothing) {
  add_chain();
  Runner runner = open_sqlite_runner(database());
  (void)runner.upgrade(graph(), "head", reporter_);
  reporter_.lines.clear();
  EXPECT_EQ(runner.upgrade(graph(), "head", reporter_), Ids{"cccc"});
  EXPECT_TRUE(reporter_.lines.empty());
  EXPECT_EQ(runner.history().size(), 3U);
}

TEST_F(RunnerTest, Downgrade_MinusOneThenBase_RevertsTablesAndVersionTable) {
  add_chain();
  Runner runner = open_sqlite_runner(database());
  (void)runner.upgrade(graph(), "head", reporter_);
  EXPECT_EQ(runner.downgrade(graph(), "-1", reporter_), Ids{"bbbb"});
  {
    auto db = look();
    EXPECT_FALSE(has_table(db, "tags"));
    EXPECT_TRUE(has_table(db, "posts"));
  }
  EXPECT_EQ(reporter_.lines.back(), "Running downgrade cccc -> bbbb, add tags");
  EXPECT_EQ(runner.downgrade(graph(), "base", reporter_), Ids{});
  auto db = look();
  EXPECT_FALSE(has_table(db, "posts"));
  EXPECT_FALSE(has_table(db, "users"));
  EXPECT_EQ(column(db, "SELECT count(*) FROM dbmigrate_version"), Ids{"0"});
  EXPECT_EQ(column(db,
                   "SELECT revision FROM dbmigrate_history WHERE direction = 'downgrade' "
                   "ORDER BY id"),
            (Ids{"cccc", "bbbb", "aaaa"}));
}

TEST_F(RunnerTest, Upgrade_ThirdStatementFails_RollsBackRevisionAndNamesFileAndLine) {
  add("aaaa", {}, "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");
  const auto file = add("bbbb", {"aaaa"},
                        "CREATE TABLE first (id INTEGER);\n"
                        "CREATE TABLE second (id INTEGER);\n"
                        "-- a comment before the bad one\n"
                        "\n"
                        "INSERT INTO missing_table\n"
                        "  VALUES (1);",
                        "DROP TABLE second; DROP TABLE first;");
  Runner runner = open_sqlite_runner(database());
  const auto error = expect_throw<Error>([&] { (void)runner.upgrade(graph(), "head", reporter_); });
  EXPECT_EQ(error.kind(), ErrorKind::database);

  // The file line of the failing statement, counted in the file itself.
  const auto text = read(file);
  const auto line = 1 + std::count(text.begin(), text.begin() + text.find("INSERT INTO"), '\n');
  const std::string message = error.what();
  EXPECT_NE(message.find(fmt::format("{}:{}:", file.string(), line)), std::string::npos) << message;
  EXPECT_NE(message.find("'INSERT INTO missing_table'"), std::string::npos) << message;
  EXPECT_NE(message.find("no such table: missing_table"), std::string::npos) << message;

  auto db = look();
  EXPECT_TRUE(has_table(db, "users"));  // the earlier revision stays applied
  EXPECT_FALSE(has_table(db, "first"));
  EXPECT_FALSE(has_table(db, "second"));
  EXPECT_EQ(column(db, "SELECT revision FROM dbmigrate_version"), Ids{"aaaa"});
  EXPECT_EQ(column(db, "SELECT revision FROM dbmigrate_history"), Ids{"aaaa"});
}

// Making a table STRICT rebuilds it (the SQL as `migrate` renders it); a row that does not fit
// its column's type fails the revision, which rolls back whole.
TEST_F(RunnerTest, Upgrade_StrictRebuildWithMisfitRow_RollsBackWhole) {
  const auto before = snapshot_from_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER);");
  const auto after =
      snapshot_from_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER) STRICT;");
  std::string rebuild;
  for (const auto& statement : SqliteDialect().render(before, diff(before, after)).statements) {
    rebuild += statement.sql + "\n";
  }
  add("aaaa", {},
      "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER);\nINSERT INTO t VALUES (1, 5), (2, "
      "'five');",
      "DROP TABLE t;");
  add("bbbb", {"aaaa"}, rebuild, "SELECT 1;");
  Runner runner = open_sqlite_runner(database());
  const auto error = expect_throw<Error>([&] { (void)runner.upgrade(graph(), "head", reporter_); });
  EXPECT_EQ(error.kind(), ErrorKind::database);
  EXPECT_NE(std::string(error.what()).find("cannot store TEXT value in INTEGER column"),
            std::string::npos)
      << error.what();

  auto db = look();
  EXPECT_EQ(column(db, "SELECT revision FROM dbmigrate_version"), Ids{"aaaa"});
  EXPECT_EQ(column(db, "SELECT strict FROM pragma_table_list WHERE name = 't'"), Ids{"0"});
  EXPECT_EQ(column(db, "SELECT group_concat(n, ',') FROM t"), Ids{"5,five"});
}

// A new constraint's ON CONFLICT IGNORE or REPLACE must not let a rebuild drop rows that break
// it: the copy aborts, and the revision rolls back whole.
TEST_F(RunnerTest, Upgrade_RebuildIntoIgnoreOrReplaceConstraint_FailsInsteadOfDroppingRows) {
  const std::pair<const char*, const char*> cases[] = {
      {"CREATE TABLE c (id INTEGER PRIMARY KEY, email TEXT, UNIQUE (email) ON CONFLICT REPLACE);",
       "UNIQUE constraint failed"},
      {"CREATE TABLE c (id INTEGER PRIMARY KEY, email TEXT NOT NULL ON CONFLICT IGNORE);",
       "NOT NULL constraint failed"},
  };
  const auto before = snapshot_from_sql("CREATE TABLE c (id INTEGER PRIMARY KEY, email TEXT);");
  int n = 0;
  for (const auto& [after_sql, failure] : cases) {
    const auto after = snapshot_from_sql(after_sql);
    std::string rebuild;
    for (const auto& statement : SqliteDialect().render(before, diff(before, after)).statements) {
      rebuild += statement.sql + "\n";
    }
    const std::string first = fmt::format("a{:03}", n), second = fmt::format("b{:03}", n);
    const std::string db = (dir_ / fmt::format("case{}.db", n++)).string();
    std::filesystem::remove_all(versions());
    std::filesystem::create_directories(versions());
    add(first, {},
        "CREATE TABLE c (id INTEGER PRIMARY KEY, email TEXT);\n"
        "INSERT INTO c VALUES (1, 'a@x'), (2, 'a@x'), (3, NULL);",
        "DROP TABLE c;");
    add(second, {first}, rebuild, "SELECT 1;");
    Runner runner = open_sqlite_runner(db);
    const auto error =
        expect_throw<Error>([&] { (void)runner.upgrade(graph(), "head", reporter_); });
    EXPECT_NE(std::string(error.what()).find(failure), std::string::npos) << error.what();
    sqlite::Connection look_db(db);
    EXPECT_EQ(column(look_db, "SELECT count(*) FROM c"), Ids{"3"}) << after_sql;
    EXPECT_EQ(column(look_db, "SELECT revision FROM dbmigrate_version"), Ids{first});
  }
}

TEST_F(RunnerTest, Upgrade_TwoBranches_HeadRefusedHeadsAppliesBoth) {
  add("aaaa", {}, "CREATE TABLE base_t (id INTEGER);", "DROP TABLE base_t;");
  add("bbbb", {"aaaa"}, "CREATE TABLE left_t (id INTEGER);", "DROP TABLE left_t;");
  add("cccc", {"aaaa"}, "CREATE TABLE right_t (id INTEGER);", "DROP TABLE right_t;");
  Runner runner = open_sqlite_runner(database());
  EXPECT_THROW((void)runner.upgrade(graph(), "head", reporter_), Error);
  EXPECT_EQ(runner.current_heads(), Ids{});
  EXPECT_EQ(runner.upgrade(graph(), "heads", reporter_), (Ids{"bbbb", "cccc"}));
  auto db = look();
  EXPECT_TRUE(has_table(db, "left_t"));
  EXPECT_TRUE(has_table(db, "right_t"));
  EXPECT_EQ(runner.downgrade(graph(), "aaaa", reporter_), Ids{"aaaa"});
  EXPECT_FALSE(has_table(db, "left_t"));
  EXPECT_FALSE(has_table(db, "right_t"));
  EXPECT_TRUE(has_table(db, "base_t"));
}

TEST_F(RunnerTest, Stamp_SetsVersionTableWithoutRunningSql) {
  add_chain();
  Runner runner = open_sqlite_runner(database());
  EXPECT_EQ(runner.stamp(graph(), "bbbb"), Ids{"bbbb"});
  {
    auto db = look();
    EXPECT_FALSE(has_table(db, "users"));
    EXPECT_EQ(column(db, "SELECT revision || ' ' || direction FROM dbmigrate_history"),
              Ids{"bbbb stamp"});
  }
  (void)runner.upgrade(graph(), "head", reporter_);
  auto db = look();
  EXPECT_TRUE(has_table(db, "tags"));
  EXPECT_FALSE(has_table(db, "users"));  // stamped as applied, never run
  EXPECT_EQ(runner.stamp(graph(), "base"), Ids{});
  EXPECT_EQ(runner.current_heads(), Ids{});
}

TEST_F(RunnerTest, Downgrade_FailingStatement_LeavesRevisionApplied) {
  add("aaaa", {}, "CREATE TABLE users (id INTEGER);", "DROP TABLE users;");
  const auto file =
      add("bbbb", {"aaaa"}, "CREATE TABLE posts (id INTEGER);\nCREATE TABLE tags (id INTEGER);",
          "DROP TABLE tags;\nDROP TABLE no_such_table;\nDROP TABLE posts;");
  Runner runner = open_sqlite_runner(database());
  (void)runner.upgrade(graph(), "head", reporter_);
  const auto error =
      expect_throw<Error>([&] { (void)runner.downgrade(graph(), "base", reporter_); });
  const auto text = read(file);
  const auto line =
      1 + std::count(text.begin(), text.begin() + text.find("DROP TABLE no_such"), '\n');
  EXPECT_NE(std::string(error.what()).find(fmt::format("{}:{}:", file.string(), line)),
            std::string::npos)
      << error.what();
  auto db = look();
  EXPECT_TRUE(has_table(db, "tags"));
  EXPECT_TRUE(has_table(db, "users"));
  EXPECT_EQ(runner.current_heads(), Ids{"bbbb"});
}

TEST_F(RunnerTest, Upgrade_RevisionNotReadFromFile_ErrorNamesSectionLine) {
  Revision revision{.id = "aaaa", .upgrade_sql = "SELECT 1;\n\nSELECT nope;"};
  const RevisionGraph graph({revision});
  Runner runner = open_sqlite_runner(database());
  const auto error = expect_throw<Error>([&] { (void)runner.upgrade(graph, "head", reporter_); });
  EXPECT_NE(std::string(error.what())
                .find("revision aaaa (upgrade section, line 3): statement "
                      "'SELECT nope;' failed: no such column: nope"),
            std::string::npos)
      << error.what();
}

// A run checks the applied revisions' files before it starts (read ahead while the revisions
// load); if another run applies a revision from a different file meanwhile, the first write
// transaction sees the moved heads and checks again, under the lock.
TEST_F(RunnerTest, Upgrade_AnotherRunAppliedADifferentFileMeanwhile_RefusedUnderTheLock) {
  add("aaaa", {}, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
  add("bbbb", {"aaaa"}, "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
  add("cccc", {"bbbb"}, "CREATE TABLE c (id INTEGER);", "DROP TABLE c;");
  {
    Runner first = open_sqlite_runner(database());
    (void)first.upgrade(graph(), "aaaa", reporter_);
  }
  // Another checkout, whose bbbb differs.
  const auto other = dir_ / "other";
  std::filesystem::create_directories(other);
  for (const auto& entry : std::filesystem::directory_iterator(versions())) {
    std::filesystem::copy_file(entry.path(), other / entry.path().filename());
  }
  const auto other_bbbb = other / revision_filename("bbbb", "step");
  write_file_atomically(other_bbbb, read(other_bbbb) + "-- edited elsewhere\n");
  const RevisionGraph other_graph(load_revisions(other));

  Runner runner = open_sqlite_runner(database());
  runner.read_ahead();  // at aaaa: nothing changed yet
  {
    Runner meanwhile = open_sqlite_runner(database());
    (void)meanwhile.upgrade(other_graph, "bbbb", reporter_);
  }
  const auto error = expect_throw<Error>([&] { (void)runner.upgrade(graph(), "head", reporter_); });
  EXPECT_EQ(error.kind(), ErrorKind::check);
  EXPECT_NE(std::string(error.what()).find("revision bbbb"), std::string::npos) << error.what();
  auto db = look();
  EXPECT_EQ(column(db, "SELECT revision FROM dbmigrate_version"), Ids{"bbbb"});
  EXPECT_FALSE(has_table(db, "c"));
}

TEST_F(RunnerTest, Stamp_OneBranch_KeepsTheOtherHead) {
  add("aaaa", {}, "SELECT 1;", "SELECT 1;");
  add("bbbb", {"aaaa"}, "SELECT 1;", "SELECT 1;");
  add("cccc", {"aaaa"}, "SELECT 1;", "SELECT 1;");
  add("dddd", {"cccc"}, "SELECT 1;", "SELECT 1;");
  Runner runner = open_sqlite_runner(database());
  EXPECT_EQ(runner.stamp(graph(), "heads"), (Ids{"bbbb", "dddd"}));
  EXPECT_EQ(runner.stamp(graph(), "cccc"), (Ids{"bbbb", "cccc"}));
  EXPECT_EQ(runner.stamp(graph(), "aaaa"), Ids{"aaaa"});
  EXPECT_THROW((void)runner.stamp(graph(), "head"), RevisionGraphError);
  EXPECT_EQ(runner.current_heads(), Ids{"aaaa"});
}

TEST_F(RunnerTest, Upgrade_AppliedFileChanged_RefusedThenAllowed) {
  add("aaaa", {}, "CREATE TABLE users (id INTEGER);", "DROP TABLE users;", "add users");
  {
    Runner runner = open_sqlite_runner(database());
    (void)runner.upgrade(graph(), "head", reporter_);
  }
  const auto file = add("aaaa", {}, "CREATE TABLE users (id INTEGER, name TEXT);",
                        "DROP TABLE users;", "add users");
  add("bbbb", {"aaaa"}, "CREATE TABLE posts (id INTEGER);", "DROP TABLE posts;");

  Runner strict = open_sqlite_runner(database());
  EXPECT_EQ(strict.changed_revisions(graph()), Ids{"aaaa"});
  const auto error = expect_throw<Error>([&] { (void)strict.upgrade(graph(), "head", reporter_); });
  EXPECT_EQ(error.kind(), ErrorKind::check);
  EXPECT_NE(std::string(error.what()).find(file.string()), std::string::npos) << error.what();
  EXPECT_NE(std::string(error.what()).find("--allow-changed"), std::string::npos);
  EXPECT_EQ(strict.current_heads(), Ids{"aaaa"});

  Runner lenient = open_sqlite_runner(database(), {.allow_changed = true});
  EXPECT_EQ(lenient.upgrade(graph(), "head", reporter_), Ids{"bbbb"});
}

TEST_F(RunnerTest, Upgrade_VersionTableNamesUnknownRevision_InputErrorNamingIt) {
  add_chain();
  Runner runner = open_sqlite_runner(database());
  (void)runner.upgrade(graph(), "bbbb", reporter_);
  look().execute("UPDATE dbmigrate_version SET revision = 'ffff'");
  const auto error = expect_throw<Error>([&] { (void)runner.upgrade(graph(), "head", reporter_); });
  EXPECT_EQ(error.kind(), ErrorKind::input);
  EXPECT_NE(std::string(error.what()).find("ffff"), std::string::npos) << error.what();
  auto db = look();
  EXPECT_FALSE(has_table(db, "tags"));
}

TEST_F(RunnerTest, Open_ReadOnlyOrMissingFolder_ClearError) {
  { Runner create = open_sqlite_runner(database()); }
  const auto read_only = expect_throw<Error>(
      [&] { Runner runner = open_sqlite_runner(fmt::format("file:{}?mode=ro", database())); });
  EXPECT_EQ(read_only.kind(), ErrorKind::database);
  EXPECT_NE(std::string(read_only.what()).find("read-only"), std::string::npos);

  const auto missing = expect_throw<Error>(
      [&] { Runner runner = open_sqlite_runner((dir_ / "no" / "such" / "app.db").string()); });
  EXPECT_NE(std::string(missing.what()).find("no/such/app.db"), std::string::npos);

  write("junk.db", std::string(4096, 'x'));
  EXPECT_THROW(open_sqlite_runner((dir_ / "junk.db").string()), Error);
}

// sha256_hex() runs on the processor's SHA extensions where it has them; both block functions
// must give the FIPS 180-4 digests.
TEST(Sha256, KnownVectors) {
  for (auto* digest : {&sha256_hex, &sha256_hex_portable}) {
    EXPECT_EQ(digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(digest(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // 55, 56 and 64 bytes: the padding boundaries.
    EXPECT_EQ(digest(std::string(55, 'a')),
              "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    EXPECT_EQ(digest(std::string(56, 'a')),
              "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    EXPECT_EQ(digest(std::string(64, 'a')),
              "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  }
}

TEST(Sha256, EveryLengthAgreesWithThePortableFunction) {
  std::string data;
  std::uint32_t seed = 12345;
  for (int length = 0; length <= 1100; ++length) {
    ASSERT_EQ(sha256_hex(data), sha256_hex_portable(data)) << "length " << length;
    seed = seed * 1103515245U + 12345U;
    data += static_cast<char>(seed >> 16);
  }
}

}  // namespace
}  // namespace dbmigrate::testing
