// Bad input (docs/cli.md): a clear error naming what is at fault, exit code 2, and every file and
// the database exactly as they were.
#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;

// A project at revision 111111111111 in app.db, with 222222222222 pending.
class BadInput : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    init_with_two_revisions();
    ASSERT_EQ(run("upgrade 1111 --url sqlite:///app.db").code, 0);
    before_ = state();
  }
  // Runs a command that must fail with exit 2, mention each of `expected` and leave the
  // project as it was; returns its error text.
  std::string refused(const std::string& args, const std::vector<std::string>& expected) {
    auto result = run(args);
    EXPECT_EQ(result.code, 2) << args << "\n" << result.text();
    EXPECT_TRUE(result.err.starts_with("ERROR: ")) << args << "\n" << result.err;
    for (const auto& part : expected)
      EXPECT_TRUE(contains(result.err, part)) << args << ": " << result.err;
    EXPECT_EQ(state(), before_) << args;
    return result.err;
  }
  FolderState before_;
};

TEST_F(BadInput, MalformedJsonModel_NamesTheFileAndLine) {
  write("broken.json", "{\"format\": 1,\n \"tables\": [");
  // schema.json belongs to the hand-written head, so migrate gets as far as reading the model.
  write("migrations/schema.json",
        "{\n  \"format\": 1,\n  \"head\": \"222222222222\",\n  \"tables\": []\n}\n");
  before_ = state();
  refused("migrate -m x --model broken.json", {"broken.json: not valid JSON at line 2"});
  refused("check --model broken.json", {"broken.json"});
  refused("diff broken.json migrations/schema.json", {"broken.json"});
}

// Two tables of one name once made diff loop forever; the reader refuses the document.
TEST_F(BadInput, DuplicateTableInSnapshot_IsRefusedNotAHang) {
  write("twice.json",
        "{\"format\": 1, \"tables\": [{\"name\": \"a\", \"columns\": []},\n"
        " {\"name\": \"b\", \"columns\": []}, {\"name\": \"a\", \"columns\": []}]}\n");
  write("other.json", "{\"format\": 1, \"tables\": []}\n");
  before_ = state();
  refused("diff other.json twice.json",
          {"twice.json: tables[2].name: duplicate table 'a' (also tables[0])"});
}

TEST_F(BadInput, RevisionWithoutHeader_NamesTheFileAndLine) {
  write("migrations/versions/333333333333_three.sql",
        "-- Revision ID: 333333333333\n-- Revises: 222222222222\n-- Message: three\n\n-- "
        "migrate:upgrade\n"
        "CREATE TABLE three (id INTEGER);\n\n-- migrate:downgrade\nDROP TABLE three;\n");
  before_ = state();
  const std::string where =
      "migrations/versions/333333333333_three.sql:5: missing '-- Create Date:' header";
  for (const char* command :
       {"upgrade --url sqlite:///app.db", "history", "heads", "current --url sqlite:///app.db",
        "downgrade --url sqlite:///app.db", "stamp base --url sqlite:///app.db",
        "migrate -m x --model migrations/schema.json", "revision -m x", "merge -m x heads"}) {
    refused(command, {where});
  }
  EXPECT_EQ(version("app.db"), Lines{"111111111111"});
}

TEST_F(BadInput, RevisionWithoutMarker_NamesTheFileAndLine) {
  write("migrations/versions/333333333333_three.sql",
        "-- Revision ID: 333333333333\n-- Revises: 222222222222\n-- Create Date: 2026-01-01 "
        "00:00:00+00:00\n"
        "-- Message: three\n\n-- migrate:upgrade\nCREATE TABLE three (id INTEGER);\n");
  before_ = state();
  refused("upgrade --url sqlite:///app.db", {"migrations/versions/333333333333_three.sql:7: "
                                             "missing '-- migrate:downgrade' section marker"});
  write("migrations/versions/333333333333_three.sql",
        "-- Revision ID: 333333333333\n-- Revises: 222222222222\n-- Create Date: 2026-01-01 "
        "00:00:00+00:00\n"
        "-- Message: three\n\nCREATE TABLE three (id INTEGER);\n\n-- migrate:downgrade\nDROP TABLE "
        "three;\n");
  before_ = state();
  refused("upgrade --url sqlite:///app.db",
          {"migrations/versions/333333333333_three.sql:6: SQL before '-- migrate:upgrade'"});
}

TEST_F(BadInput, UnknownRevision) {
  for (const char* command :
       {"upgrade 9999 --url sqlite:///app.db", "downgrade 9999 --url sqlite:///app.db",
        "stamp 9999 --url sqlite:///app.db", "show 9999", "merge -m x 9999 1111",
        "downgrade --sql 9999:base", "upgrade 9999 --url sqlite:///new.db"}) {
    refused(command, {"unknown revision '9999'", "dbmigrate history"});
  }
}

TEST_F(BadInput, AmbiguousPrefix) {
  write_revision("abc000000001", "222222222222", "three", "", "");
  write_revision("abc000000002", "abc000000001", "four", "", "");
  before_ = state();
  for (const char* command :
       {"upgrade abc --url sqlite:///app.db", "stamp abc --url sqlite:///app.db", "show abc",
        "downgrade --sql abc:base", "upgrade abc --url sqlite:///new.db",
        "stamp abc --url sqlite:///new.db"}) {
    refused(command, {"ambiguous revision 'abc'", "abc000000001", "abc000000002"});
  }
}

TEST_F(BadInput, CycleInTheGraph) {
  write_revision("333333333333", "444444444444", "three", "", "");
  write_revision("444444444444", "333333333333", "four", "", "");
  before_ = state();
  for (const char* command :
       {"upgrade --url sqlite:///app.db", "history", "heads", "downgrade --url sqlite:///app.db"}) {
    refused(command, {"cycle", "333333333333 -> 444444444444 -> 333333333333", "-- Revises:"});
  }
}

TEST_F(BadInput, MissingParent) {
  write_revision("333333333333", "ffffffffffff", "three", "", "");
  before_ = state();
  for (const char* command :
       {"upgrade --url sqlite:///app.db", "history", "stamp base --url sqlite:///app.db"}) {
    refused(command, {"333333333333_three.sql", "revises 'ffffffffffff', which does not exist"});
  }
}

// The database is read while the revisions load; a bad revision is still what is reported
// first, and a database named by an SQLite URI is not created before the revisions are sound.
TEST_F(BadInput, MissingParentBesideABadDatabase_TheRevisionIsReportedFirst) {
  write_revision("333333333333", "ffffffffffff", "three", "", "");
  write("junk.db", std::string(4096, 'x'));
  before_ = state();
  for (const char* command : {"upgrade --url sqlite:///junk.db", "downgrade --url sqlite:///junk.db",
                              "current --url sqlite:///junk.db"}) {
    refused(command, {"333333333333_three.sql", "revises 'ffffffffffff', which does not exist"});
  }
  refused("upgrade --url 'sqlite:///file:fresh.db'", {"revises 'ffffffffffff', which does not exist"});
  EXPECT_FALSE(exists("fresh.db"));
}

TEST_F(BadInput, UnreachableDatabase) {
  for (const char* command :
       {"upgrade --url sqlite:///nowhere/app.db", "downgrade --url sqlite:///nowhere/app.db",
        "stamp 1111 --url sqlite:///nowhere/app.db", "current --url sqlite:///nowhere/app.db",
        "upgrade --sql --url sqlite:///nowhere/app.db"}) {
    refused(command, {"nowhere/app.db"});
  }
  EXPECT_FALSE(exists("nowhere"));
}

TEST_F(BadInput, ReadOnlyDatabase_OpenedReadOnly) {
  // Root writes through file permissions; SQLite's read-only open mode stops everyone.
  refused("upgrade --url 'sqlite:///file:app.db?mode=ro'", {"read-only", "app.db"});
  refused("stamp base --url 'sqlite:///file:app.db?mode=ro'", {"read-only", "app.db"});
  EXPECT_EQ(version("app.db"), Lines{"111111111111"});
}

TEST_F(BadInput, ReadOnlyDatabase_FileAndFolderPermissions) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root, whom file permissions do not stop";
  fs::permissions(dir_ / "app.db",
                  fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  refused("upgrade --url sqlite:///app.db", {"read-only", "app.db"});
  fs::permissions(dir_ / "app.db", fs::perms::owner_write, fs::perm_options::add);
  fs::permissions(dir_, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                  fs::perm_options::remove);
  refused("upgrade --url sqlite:///app.db", {"app.db"});
  fs::permissions(dir_, fs::perms::owner_write, fs::perm_options::add);
}

TEST_F(BadInput, UnknownUrlScheme) {
  for (const char* command :
       {"upgrade --url mysql://user@host/db", "current --url mysql://user@host/db",
        "snapshot mysql://user@host/db", "upgrade --sql --url mysql://user@host/db"}) {
    refused(command, {"unknown database URL scheme 'mysql'", "sqlite:///"});
  }
}

TEST_F(BadInput, SqliteUrlWithTwoSlashes) {
  for (const char* command : {"upgrade --url sqlite://app.db", "current --url sqlite://app.db",
                              "snapshot sqlite://app.db", "stamp base --url sqlite://app.db"}) {
    refused(command, {"'sqlite://app.db'", "sqlite:///relative/path.db"});
  }
  refused("upgrade --url sqlite:///", {"names no file"});
}

TEST_F(BadInput, UnknownCommandOrOption) {
  for (const char* command : {"frobnicate", "upgrade --frobnicate", "migrate", ""}) {
    auto result = run(command);
    EXPECT_EQ(result.code, 2) << command << "\n" << result.text();
    EXPECT_FALSE(result.err.empty()) << command;
    EXPECT_EQ(state(), before_) << command;
  }
}

}  // namespace
}  // namespace dbmigrate::cli_test

namespace dbmigrate::cli_test {
namespace {

// migrate, revision and merge write a revision file, then schema.json. When the second write
// fails, the first is undone: a revision beside a stale schema.json would make the next
// migrate repeat its changes. A file size limit fails the large schema.json (as a full disk
// would, and for root too) while the small revision file still fits.
class HalfWritten : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    ASSERT_EQ(run("init").code, 0);
    std::string columns;
    for (int i = 0; i < 200; ++i) {
      columns += (i == 0 ? "  c" : ",\n  c") + std::to_string(i) + " INTEGER";
    }
    write("model.sql", "CREATE TABLE wide (\n" + columns + "\n);\n");
  }

  // `dbmigrate <args>` with files limited to 8 KiB; SIGXFSZ ignored, so a write past the limit
  // fails with EFBIG instead of killing the process.
  Result run_limited(const std::string& args) {
    return shell("trap '' XFSZ; ulimit -f 16; env -u DATABASE_URL '" DBMIGRATE_CLI "' " + args);
  }

  // Runs a limited command that must fail writing schema.json and leave every file as it was.
  void expect_undone(const std::string& args) {
    const FolderState before = state();
    const auto result = run_limited(args);
    EXPECT_EQ(result.code, 2) << args << "\n" << result.text();
    EXPECT_TRUE(contains(result.err, "cannot write")) << result.err;
    EXPECT_TRUE(contains(result.err, "schema.json")) << result.err;
    EXPECT_EQ(state(), before) << args;
  }
};

TEST_F(HalfWritten, Migrate_SchemaJsonNotWritten_RemovesTheRevision) {
  expect_undone("migrate -m wide --model model.sql");
  EXPECT_TRUE(versions().empty());

  // The limit is what failed: without it the same command writes both files, and only
  // schema.json is larger than the limit.
  ASSERT_EQ(run("migrate -m wide --model model.sql").code, 0);
  ASSERT_EQ(versions().size(), 1u);
  EXPECT_LT(fs::file_size(versions().front()), 8192u);
  EXPECT_GT(fs::file_size(dir_ / "migrations/schema.json"), 8192u);
}

TEST_F(HalfWritten, Revision_SchemaJsonNotWritten_RemovesTheRevision) {
  ASSERT_EQ(run("migrate -m wide --model model.sql").code, 0);
  expect_undone("revision -m empty");
  EXPECT_EQ(versions().size(), 1u);
}

TEST_F(HalfWritten, Merge_SchemaJsonNotWritten_RemovesTheRevision) {
  ASSERT_EQ(run("migrate -m wide --model model.sql").code, 0);
  const auto base = revision("wide").id;
  write_revision("aaaaaaaaaaaa", base, "left", "CREATE TABLE l (id INTEGER);", "DROP TABLE l;");
  write_revision("bbbbbbbbbbbb", base, "right", "CREATE TABLE r (id INTEGER);", "DROP TABLE r;");
  expect_undone("merge -m join heads");
  EXPECT_EQ(versions().size(), 3u);
}

TEST_F(HalfWritten, Merge_UnreadableSchemaJson_WritesNoRevision) {
  ASSERT_EQ(run("revision -m base").code, 0);
  const auto base = revision("base").id;
  write_revision("aaaaaaaaaaaa", base, "left", "CREATE TABLE l (id INTEGER);", "DROP TABLE l;");
  write_revision("bbbbbbbbbbbb", base, "right", "CREATE TABLE r (id INTEGER);", "DROP TABLE r;");
  write("migrations/schema.json", "{\"format\": 1,\n");
  const FolderState before = state();
  const auto result = run("merge -m join heads");
  EXPECT_EQ(result.code, 2) << result.text();
  EXPECT_TRUE(contains(result.err, "schema.json")) << result.err;
  EXPECT_EQ(state(), before);
}

}  // namespace
}  // namespace dbmigrate::cli_test
