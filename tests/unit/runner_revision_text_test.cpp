// The runner reads every byte of a revision: a NUL byte does not end a section silently, a
// large section is not copied at every statement, and the checksum of a file does not depend
// on its line endings.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "crlf_text.hpp"
#include "dbmigrate/error.hpp"
#include "revision_builder.hpp"
#include "runner_fixture.hpp"

namespace dbmigrate::testing {
namespace {

namespace fs = std::filesystem;

// A revision made in memory, as a program using the library may pass it: no file was loaded
// (and refused) first.
TEST_F(RunnerTest, Upgrade_NulByteInSection_RefusedAndNothingApplied) {
  Revision revision{.id = "aaaa", .create_date = "d", .message = "m"};
  revision.upgrade_sql = std::string("CREATE TABLE a (id INTEGER);\nCREATE TABLE b (id INTEGER);") +
                         '\0' + "\nCREATE TABLE c (id INTEGER);";
  const RevisionGraph graph({revision});
  Runner runner = open_sqlite_runner(database());
  const auto error = expect_throw<Error>([&] { (void)runner.upgrade(graph, "head", reporter_); });
  EXPECT_NE(std::string(error.what()).find("revision aaaa (upgrade section, line 2)"),
            std::string::npos)
      << error.what();
  EXPECT_NE(std::string(error.what()).find("NUL byte"), std::string::npos) << error.what();
  auto db = look();
  EXPECT_FALSE(has_table(db, "a"));
  EXPECT_FALSE(has_table(db, "c"));
  EXPECT_EQ(runner.current_heads(), Ids{});
}

TEST_F(RunnerTest, Upgrade_EmptyStatementsAndTrailingComments_RunEveryStatement) {
  add("aaaa", {},
      "CREATE TABLE a (id INTEGER);;\n;\nCREATE TABLE b (id INTEGER); -- done\n/* end */",
      "SELECT 1;");
  Runner runner = open_sqlite_runner(database());
  EXPECT_EQ(runner.upgrade(graph(), "head", reporter_), Ids{"aaaa"});
  auto db = look();
  EXPECT_TRUE(has_table(db, "a"));
  EXPECT_TRUE(has_table(db, "b"));
}

// Run time was quadratic in the size of a section: SQLite copies the text it is given unless
// it ends in a NUL, and the runner gave it the whole rest of the section at every statement.
// SQLite's own memory high-water mark shows such a copy.
TEST_F(RunnerTest, Upgrade_LargeSection_IsNotCopiedStatementByStatement) {
  const std::string value(10'000, 'x');
  std::string sql;
  for (int i = 0; i < 300; ++i) sql += fmt::format("SELECT '{}';\n", value);
  ASSERT_GT(sql.size(), 3'000'000U);
  add("aaaa", {}, sql, "SELECT 1;");
  const auto loaded = graph();
  Runner runner = open_sqlite_runner(database());
  const auto before = sqlite3_memory_used();
  (void)sqlite3_memory_highwater(1);
  (void)runner.upgrade(loaded, "head", reporter_);
  EXPECT_LT(sqlite3_memory_highwater(0) - before, 1'000'000) << "SQLite held a copy of the section";
  EXPECT_EQ(runner.current_heads(), Ids{"aaaa"});
}

// LF as written, CRLF as a checkout with git's autocrlf writes it, with a byte order mark as
// some Windows editors save it.
TEST_F(RunnerTest, Upgrade_AppliedFileCheckedOutWithCrlfOrBom_IsNotChanged) {
  const auto file = add("aaaa", {}, "CREATE TABLE users (id INTEGER);", "DROP TABLE users;");
  Runner runner = open_sqlite_runner(database());
  (void)runner.upgrade(graph(), "head", reporter_);
  const auto lf = read(file);

  write_file_atomically(file, crlf(lf));
  EXPECT_EQ(runner.changed_revisions(graph()), Ids{});
  write_file_atomically(file, "\xEF\xBB\xBF" + crlf(lf));
  EXPECT_EQ(runner.changed_revisions(graph()), Ids{});
  // A real change is still seen, in either form.
  write_file_atomically(file, crlf(lf) + "\r\n-- reviewed\r\n");
  EXPECT_EQ(runner.changed_revisions(graph()), Ids{"aaaa"});
}

// Databases migrated before line endings were normalised recorded SHA-256 of the raw bytes,
// CRLF included: they keep passing.
TEST_F(RunnerTest, Upgrade_HistoryWithRawChecksumOfCrlfFile_IsStillAccepted) {
  const auto file = add("aaaa", {}, "CREATE TABLE users (id INTEGER);", "DROP TABLE users;");
  write_file_atomically(file, crlf(read(file)));
  add("bbbb", {"aaaa"}, "CREATE TABLE posts (id INTEGER);", "DROP TABLE posts;");
  Runner runner = open_sqlite_runner(database());
  (void)runner.upgrade(graph(), "aaaa", reporter_);
  look().execute(
      fmt::format("UPDATE dbmigrate_history SET checksum = '{}'", sha256_hex(read(file))));

  EXPECT_EQ(runner.changed_revisions(graph()), Ids{});
  EXPECT_EQ(runner.upgrade(graph(), "head", reporter_), Ids{"bbbb"});
}

TEST_F(RunnerTest, Upgrade_AllowChanged_RecordsTheAcceptedChecksumForTheNextRun) {
  add("aaaa", {}, "CREATE TABLE users (id INTEGER);", "DROP TABLE users;", "add users");
  {
    Runner runner = open_sqlite_runner(database());
    (void)runner.upgrade(graph(), "head", reporter_);
  }
  add("aaaa", {}, "CREATE TABLE users (id INTEGER, name TEXT);", "DROP TABLE users;", "add users");
  add("bbbb", {"aaaa"}, "CREATE TABLE posts (id INTEGER);", "DROP TABLE posts;");
  {
    Runner lenient = open_sqlite_runner(database(), {.allow_changed = true});
    EXPECT_EQ(lenient.upgrade(graph(), "bbbb", reporter_), Ids{"bbbb"});
  }
  Runner strict = open_sqlite_runner(database());
  EXPECT_EQ(strict.changed_revisions(graph()), Ids{});
  const auto history = strict.history();
  ASSERT_EQ(history.size(), 3U);
  EXPECT_EQ(history[1].revision + " " + history[1].direction, "aaaa stamp");
  EXPECT_EQ(history[1].checksum, graph().at("aaaa").checksum);
  EXPECT_NE(history[1].checksum, history[0].checksum);
  // Nothing changed since: the next lenient run records nothing more.
  Runner lenient = open_sqlite_runner(database(), {.allow_changed = true});
  (void)lenient.upgrade(graph(), "head", reporter_);
  EXPECT_EQ(lenient.history().size(), 3U);
}

}  // namespace
}  // namespace dbmigrate::testing
