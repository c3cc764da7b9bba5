// Revision files on disk: the exact layout, parsing with `file:line` errors, loading a folder.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <regex>

#include "dbmigrate/revision.hpp"
#include "revision_builder.hpp"
#include "temp_folder.hpp"

namespace dbmigrate {
namespace {

using testing::expect_throw;
namespace fs = std::filesystem;

class RevisionFile : public testing::TempFolderTest {
 protected:
  // The message load_revisions gives for a file of this text named ab12_x.sql.
  std::string load_error(std::string_view text) {
    const auto path = write("ab12_x.sql", text);
    const auto error = expect_throw<Error>([&] { (void)load_revisions(dir_); });
    EXPECT_EQ(error.kind(), ErrorKind::input);
    const auto prefix = path.string() + ":";
    EXPECT_EQ(std::string(error.what()).substr(0, prefix.size()), prefix);
    return std::string(error.what()).substr(prefix.size());
  }
};

Revision users_revision() {
  return {.id = "3f2a9c1b7d4e",
          .parents = {"1a2b3c4d5e6f"},
          .create_date = "2026-11-24 10:00:00+00:00",
          .message = "add users table",
          .upgrade_sql = "CREATE TABLE users (\n  id INTEGER PRIMARY KEY\n);",
          .downgrade_sql = "DROP TABLE users;"};
}

constexpr std::string_view users_text =
    "-- Revision ID: 3f2a9c1b7d4e\n"
    "-- Revises: 1a2b3c4d5e6f\n"
    "-- Create Date: 2026-11-24 10:00:00+00:00\n"
    "-- Message: add users table\n"
    "\n"
    "-- migrate:upgrade\n"
    "CREATE TABLE users (\n"
    "  id INTEGER PRIMARY KEY\n"
    ");\n"
    "\n"
    "-- migrate:downgrade\n"
    "DROP TABLE users;\n";

TEST_F(RevisionFile, Format_WritesTheDesignLayoutExactly) {
  EXPECT_EQ(format_revision(users_revision()), users_text);
}

TEST_F(RevisionFile, Format_FirstRevisionHasEmptyRevisesAndMergeListsParents) {
  Revision first{.id = "a1", .create_date = "d", .message = "init\nsecond line"};
  EXPECT_EQ(format_revision(first),
            "-- Revision ID: a1\n-- Revises:\n-- Create Date: d\n-- Message: init\\nsecond line\n\n"
            "-- migrate:upgrade\n\n-- migrate:downgrade\n");
  Revision merge{.id = "m1", .parents = {"b2", "c3"}, .create_date = "d", .message = "merge"};
  EXPECT_EQ(format_revision(merge),
            "-- Revision ID: m1\n-- Revises: b2, c3\n-- Create Date: d\n-- Message: merge\n\n"
            "-- migrate:upgrade\n\n-- migrate:downgrade\n");
}

TEST_F(RevisionFile, Filename_SlugIsLowerCasedCollapsedTrimmedAndShort) {
  EXPECT_EQ(revision_filename("3f2a", "add users table"), "3f2a_add_users_table.sql");
  EXPECT_EQ(revision_filename("3f2a", "  Add: Users -- Table!! "), "3f2a_add_users_table.sql");
  EXPECT_EQ(revision_filename("3f2a", "Ünïcode ok"), "3f2a_n_code_ok.sql");
  EXPECT_EQ(revision_filename("3f2a", "?!"), "3f2a.sql");
  EXPECT_EQ(revision_filename("3f2a", std::string(50, 'x')),
            "3f2a_" + std::string(40, 'x') + ".sql");
  // A cut that lands on a separator does not leave it dangling.
  EXPECT_EQ(revision_filename("3f2a", std::string(39, 'x') + " yy"),
            "3f2a_" + std::string(39, 'x') + ".sql");
}

TEST_F(RevisionFile, NewId_IsTwelveLowerHexDigitsAndRandom) {
  const auto a = new_revision_id();
  EXPECT_TRUE(std::regex_match(a, std::regex("[0-9a-f]{12}"))) << a;
  EXPECT_NE(a, new_revision_id());
}

TEST_F(RevisionFile, UtcNow_HasTheHeaderFormat) {
  const auto now = utc_now_string();
  EXPECT_TRUE(std::regex_match(now, std::regex(R"(20\d\d-\d\d-\d\d \d\d:\d\d:\d\d\+00:00)")))
      << now;
}

TEST_F(RevisionFile, RoundTrip_WriteThenLoadGivesTheSameRevisionWithLines) {
  auto revision = users_revision();
  const auto path = dir_ / revision_filename(revision.id, revision.message);
  write_file_atomically(path, format_revision(revision));
  const auto loaded = load_revisions(dir_);
  ASSERT_EQ(loaded.size(), 1u);
  revision.path = path;
  revision.upgrade_first_line = 7;
  revision.downgrade_first_line = 12;
  revision.checksum = sha256_hex(users_text);  // the file as read
  EXPECT_EQ(loaded[0], revision);
  EXPECT_EQ(format_revision(loaded[0]), users_text);
}

TEST_F(RevisionFile, Parse_AcceptsAnyHeaderOrderCommentsCrlfAndKeepsSqlVerbatim) {
  const auto revision = parse_revision(
      "-- hand written\r\n"
      "-- Message:   merge things  \r\n"
      "-- Create Date: 2026-01-01\r\n"
      "-- Note: not a header key, an ordinary comment\r\n"
      "-- Revises: b_2 ,c3\r\n"
      "-- Revision ID: Merge_1\r\n"
      "-- migrate:upgrade\r\n"
      "\r\n"
      "  \r\n"
      "INSERT INTO t VALUES (1);\r\n"
      "\r\n"
      "-- a user comment\r\n"
      "  UPDATE t SET x = 2;  \r\n"
      "\r\n"
      "--   migrate:downgrade  \r\n",
      "versions/Merge_1.sql");
  EXPECT_EQ(revision.id, "Merge_1");
  EXPECT_EQ(revision.parents, (testing::Ids{"b_2", "c3"}));
  EXPECT_EQ(revision.create_date, "2026-01-01");
  EXPECT_EQ(revision.message, "merge things");
  EXPECT_EQ(revision.upgrade_sql,
            "INSERT INTO t VALUES (1);\n\n-- a user comment\n  UPDATE t SET x = 2;  ");
  EXPECT_EQ(revision.upgrade_first_line, 10);
  EXPECT_EQ(revision.downgrade_sql, "");
  EXPECT_EQ(revision.downgrade_first_line, 16);
  EXPECT_EQ(revision.path, fs::path("versions/Merge_1.sql"));
}

const std::string header = "-- Revision ID: ab12\n-- Revises:\n-- Create Date: d\n-- Message: x\n";

TEST_F(RevisionFile, Parse_MissingHeaderKeysNameTheLineWhereTheHeaderEnds) {
  EXPECT_EQ(load_error("-- Revision ID: ab12\n-- Revises:\n-- Message: x\n\n-- migrate:upgrade\n"
                       "-- migrate:downgrade\n"),
            "5: missing '-- Create Date:' header; add it above '-- migrate:upgrade'");
  EXPECT_EQ(load_error("-- Revises:\n-- Create Date: d\n-- Message: x\n-- migrate:upgrade\n"
                       "-- migrate:downgrade\n"),
            "4: missing '-- Revision ID:' header; add it above '-- migrate:upgrade'");
  EXPECT_EQ(load_error("-- Revision ID: ab12\n-- Create Date: d\n-- Message: x\n"
                       "-- migrate:upgrade\n-- migrate:downgrade\n"),
            "4: missing '-- Revises:' header; add it above '-- migrate:upgrade'");
  EXPECT_EQ(load_error("-- Revision ID: ab12\n-- Revises:\n-- Create Date: d\n"
                       "-- migrate:upgrade\n-- migrate:downgrade\n"),
            "4: missing '-- Message:' header; add it above '-- migrate:upgrade'");
  EXPECT_EQ(load_error(""),
            "1: missing '-- Revision ID:' header; add it above '-- migrate:upgrade'");
}

TEST_F(RevisionFile, Parse_BadHeaderValues) {
  EXPECT_EQ(load_error("-- Revision ID:\n-- Revises:\n-- Create Date: d\n-- Message: x\n"
                       "-- migrate:upgrade\n-- migrate:downgrade\n"),
            "1: empty '-- Revision ID:'; write the revision's id there");
  EXPECT_EQ(load_error("-- Revision ID: ab-12\n-- Revises:\n-- Create Date: d\n-- Message: x\n"
                       "-- migrate:upgrade\n-- migrate:downgrade\n"),
            "1: revision id 'ab-12' may hold only letters, digits and '_'; choose such an id "
            "and start the file name with it");
  EXPECT_EQ(load_error("-- Revision ID: ab1\n-- Revises:\n-- Create Date: d\n-- Message: x\n"
                       "-- migrate:upgrade\n-- migrate:downgrade\n"),
            "1: revision id 'ab1' does not match the file name 'ab12_x.sql'; rename the file to "
            "start with 'ab1_' or correct the id");
  EXPECT_EQ(load_error("-- Revision ID: ab12\n-- Revises: a,,b\n-- Create Date: d\n-- Message: x\n"
                       "-- migrate:upgrade\n-- migrate:downgrade\n"),
            "2: '-- Revises:' lists '', which is not a revision id; write the parent ids "
            "separated by ', ' (nothing for the first revision)");
  EXPECT_EQ(load_error("-- Revision ID: ab12\n-- Revises: a b\n-- Create Date: d\n-- Message: x\n"
                       "-- migrate:upgrade\n-- migrate:downgrade\n"),
            "2: '-- Revises:' lists 'a b', which is not a revision id; write the parent ids "
            "separated by ', ' (nothing for the first revision)");
  EXPECT_EQ(load_error("-- Revision ID: ab12\n-- Revises: a, a\n-- Create Date: d\n-- Message: x\n"
                       "-- migrate:upgrade\n-- migrate:downgrade\n"),
            "2: '-- Revises:' lists 'a' twice; list each parent once");
  EXPECT_EQ(load_error(header + "-- Message: y\n-- migrate:upgrade\n-- migrate:downgrade\n"),
            "5: second '-- Message:' header (the first is on line 4); keep one");
  EXPECT_EQ(load_error(header + "CREATE TABLE t (x);\n-- migrate:upgrade\n-- migrate:downgrade\n"),
            "5: SQL before '-- migrate:upgrade'; move it into the upgrade or downgrade section");
}

TEST_F(RevisionFile, Parse_SectionMarkers) {
  EXPECT_EQ(load_error(header + "\nSELECT 1;\n"),
            "6: SQL before '-- migrate:upgrade'; move it into the upgrade or downgrade section");
  EXPECT_EQ(load_error(header),
            "4: missing '-- migrate:upgrade' section marker; add that line above the upgrade SQL");
  EXPECT_EQ(load_error(header + "-- migrate:upgrade\nSELECT 1;\n"),
            "6: missing '-- migrate:downgrade' section marker; add that line above the "
            "downgrade SQL (it may be empty)");
  EXPECT_EQ(load_error(header + "-- migrate:downgrade\n-- migrate:upgrade\n"),
            "5: '-- migrate:downgrade' comes before '-- migrate:upgrade'; put the upgrade "
            "section first");
  EXPECT_EQ(load_error(header + "-- migrate:upgrade\n-- migrate:upgrade\n-- migrate:downgrade\n"),
            "6: second '-- migrate:upgrade' marker (the first is on line 5); keep one");
  EXPECT_EQ(load_error(header + "-- migrate:upgrade\n-- migrate:downgrade\n-- migrate:downgrade\n"),
            "7: second '-- migrate:downgrade' marker (the first is on line 6); keep one");
  EXPECT_EQ(load_error(header + "-- migrate:upgrade\n-- migrate:downgrad\n"),
            "6: unknown section marker '-- migrate:downgrad'; the markers are "
            "'-- migrate:upgrade' and '-- migrate:downgrade'");
}

TEST_F(RevisionFile, Parse_FileNameMayBeTheIdAloneAndAPathlessTextIsNotChecked) {
  const auto text = header + "-- migrate:upgrade\n-- migrate:downgrade\n";
  EXPECT_EQ(parse_revision(text, "dir/ab12.sql").id, "ab12");
  EXPECT_EQ(parse_revision(text, "").id, "ab12");
  EXPECT_THROW((void)parse_revision(text, "dir/ab123_x.sql"), Error);
}

TEST_F(RevisionFile, Load_ReadsSqlFilesInNameOrderAndIgnoresOthers) {
  const auto body =
      "\n-- Create Date: d\n-- Message: m\n-- migrate:upgrade\n-- migrate:downgrade\n";
  write("b2_second.sql", std::string("-- Revision ID: b2\n-- Revises: a1") + body);
  write("a1_first.sql", std::string("-- Revision ID: a1\n-- Revises:") + body);
  write("README.md", "not a revision");
  write("a1_first.sql~", "editor backup");
  write("b2_second.sql.tmp-0123abcd", "left by a crash");
  fs::create_directory(dir_ / "sub");
  const auto revisions = load_revisions(dir_);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].id, "a1");
  EXPECT_EQ(revisions[0].path, dir_ / "a1_first.sql");
  EXPECT_EQ(revisions[1].id, "b2");
  EXPECT_EQ(revisions[1].parents, testing::Ids{"a1"});
}

TEST_F(RevisionFile, Load_FollowsSymlinks) {
  const auto body =
      "\n-- Create Date: d\n-- Message: m\n-- migrate:upgrade\n-- migrate:downgrade\n";
  fs::create_directory(dir_ / "shared");
  write("shared/a1_first.sql", std::string("-- Revision ID: a1\n-- Revises:") + body);
  fs::create_symlink(dir_ / "shared" / "a1_first.sql", dir_ / "a1_first.sql");
  const auto revisions = load_revisions(dir_);
  ASSERT_EQ(revisions.size(), 1u);
  EXPECT_EQ(revisions[0].id, "a1");
  EXPECT_EQ(revisions[0].path, dir_ / "a1_first.sql");
}

// A revision holding a large data fix is read whole, past any buffer size, and its checksum is
// that of the file's bytes.
TEST_F(RevisionFile, Load_ReadsLargeFilesWholeAndChecksumsTheirBytes) {
  std::string sql = "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);";
  for (int i = 0; i < 12000; ++i) sql += "\nINSERT INTO t (v) VALUES ('row " + std::to_string(i) + "');";
  const std::string text = "-- Revision ID: a1\n-- Revises:\n-- Create Date: d\n-- Message: m\n"
                           "-- migrate:upgrade\n" + sql + "\n-- migrate:downgrade\nDROP TABLE t;\n";
  ASSERT_GT(text.size(), 300'000u);
  write("a1_big.sql", text);
  const auto revisions = load_revisions(dir_);
  ASSERT_EQ(revisions.size(), 1u);
  EXPECT_EQ(revisions[0].upgrade_sql, sql);
  EXPECT_EQ(revisions[0].downgrade_sql, "DROP TABLE t;");
  EXPECT_EQ(revisions[0].checksum, sha256_hex(text));
}

// The result and the error are those of reading the files one after the other in name order.
TEST_F(RevisionFile, Load_ManyFilesKeepNameOrderAndReportTheFirstBadFile) {
  const auto body = "\n-- Create Date: d\n-- Message: m\n-- migrate:upgrade\nSELECT 1;\n-- migrate:downgrade\n";
  std::string parent;
  for (int i = 0; i < 200; ++i) {
    const auto id = fmt::format("r{:03}", i);
    write(id + "_step.sql", "-- Revision ID: " + id + "\n-- Revises: " + parent + body);
    parent = id;
  }
  const auto revisions = load_revisions(dir_);
  ASSERT_EQ(revisions.size(), 200u);
  for (int i = 0; i < 200; ++i) EXPECT_EQ(revisions[i].id, fmt::format("r{:03}", i));

  write("r150_step.sql", "-- Revision ID: r150\nnot a header\n");
  write("r040_step.sql", "-- Revision ID: r040\nnot a header either\n");
  for (int attempt = 0; attempt < 20; ++attempt) {
    const auto error = expect_throw<Error>([&] { (void)load_revisions(dir_); });
    EXPECT_EQ(std::string(error.what()).substr(0, (dir_ / "r040_step.sql:2:").string().size()),
              (dir_ / "r040_step.sql:2:").string());
  }
}

TEST_F(RevisionFile, Load_DuplicateIdsNameBothFiles) {
  const auto text =
      "-- Revision ID: a1\n-- Revises:\n-- Create Date: d\n-- Message: m\n"
      "-- migrate:upgrade\n-- migrate:downgrade\n";
  write("a1_one.sql", text);
  write("a1_two.sql", text);
  const auto error = expect_throw<RevisionGraphError>([&] { (void)load_revisions(dir_); });
  EXPECT_EQ(error.reason(), GraphErrorReason::duplicate_id);
  EXPECT_EQ(error.ids(), testing::Ids{"a1"});
  EXPECT_EQ(std::string(error.what()),
            "duplicate revision id 'a1' in " + (dir_ / "a1_one.sql").string() + " and " +
                (dir_ / "a1_two.sql").string() + "; give one of them a new id");
}

TEST_F(RevisionFile, Load_MissingFolderSaysToRunInit) {
  const auto missing = dir_ / "nope";
  const auto error = expect_throw<Error>([&] { (void)load_revisions(missing); });
  EXPECT_EQ(error.kind(), ErrorKind::input);
  EXPECT_EQ(std::string(error.what()),
            missing.string() +
                ": cannot list the versions folder: No such file or directory; "
                "run 'dbmigrate init' (target db_init) to create it or pass the migrations folder "
                "with --dir");
}

}  // namespace
}  // namespace dbmigrate
