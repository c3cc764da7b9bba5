// What the versions folder may hold and how a revision file's bytes are read: every `*.sql`
// entry is a revision file or an error, a NUL byte is refused with its line, and the checksum
// does not depend on line endings or a byte order mark.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>

#include "crlf_text.hpp"
#include "dbmigrate/revision.hpp"
#include "revision_builder.hpp"
#include "temp_folder.hpp"

namespace dbmigrate {
namespace {

using testing::expect_throw;
namespace fs = std::filesystem;

constexpr std::string_view first_revision =
    "-- Revision ID: a1\n-- Revises:\n-- Create Date: d\n-- Message: m\n\n"
    "-- migrate:upgrade\nCREATE TABLE t (id INTEGER);\n\n-- migrate:downgrade\nDROP TABLE t;\n";

class VersionsFolder : public testing::TempFolderTest {
 protected:
  // The message of the error load_revisions gives, which must be bad input.
  std::string load_error() {
    const auto error = expect_throw<Error>([&] { (void)load_revisions(dir_); });
    EXPECT_EQ(error.kind(), ErrorKind::input);
    return error.what();
  }
};

TEST_F(VersionsFolder, Load_DanglingSymlinkNamedLikeARevision_IsAnErrorNamingIt) {
  write("a1_first.sql", first_revision);
  fs::create_symlink(dir_ / "shared" / "gone.sql", dir_ / "b2_gone.sql");
  const auto message = load_error();
  EXPECT_NE(message.find((dir_ / "b2_gone.sql").string() + ": is a dangling symbolic link"),
            std::string::npos)
      << message;
}

TEST_F(VersionsFolder, Load_FolderNamedLikeARevision_IsAnErrorNamingIt) {
  write("a1_first.sql", first_revision);
  fs::create_directory(dir_ / "b2_x.sql");
  const auto message = load_error();
  EXPECT_NE(message.find((dir_ / "b2_x.sql").string() + ": is a folder"), std::string::npos)
      << message;
}

TEST_F(VersionsFolder, Load_FifoNamedLikeARevision_IsAnErrorNamingIt) {
  write("a1_first.sql", first_revision);
  ASSERT_EQ(::mkfifo((dir_ / "b2_x.sql").c_str(), 0600), 0);
  const auto message = load_error();
  EXPECT_NE(message.find((dir_ / "b2_x.sql").string() + ": is a FIFO"), std::string::npos)
      << message;
}

// Emacs locks a file it edits with a dangling link `.#<name>`; macOS writes `._<name>`.
TEST_F(VersionsFolder, Load_HiddenEntries_AreNotRevisions) {
  write("a1_first.sql", first_revision);
  fs::create_symlink("user@host.1234:1700000000", dir_ / ".#a1_first.sql");
  write("._a1_first.sql", std::string("\0\5\26\7", 4));
  const auto revisions = load_revisions(dir_);
  ASSERT_EQ(revisions.size(), 1U);
  EXPECT_EQ(revisions[0].id, "a1");
}

TEST_F(VersionsFolder, Load_NulByteInASection_IsRefusedWithItsLine) {
  std::string text(first_revision);
  text.insert(text.find("DROP"), std::string("\0", 1));
  write("a1_first.sql", text);
  const auto message = load_error();
  EXPECT_NE(message.find((dir_ / "a1_first.sql").string() + ":10: NUL byte in column 1"),
            std::string::npos)
      << message;
}

TEST_F(VersionsFolder, Load_CrlfAndByteOrderMark_ParseAndChecksumLikeTheLfFile) {
  write("a1_first.sql", first_revision);
  const auto lf = load_revisions(dir_).at(0);
  EXPECT_EQ(lf.checksum, sha256_hex(first_revision));

  write("a1_first.sql", "\xEF\xBB\xBF" + crlf(first_revision));
  const auto windows = load_revisions(dir_).at(0);
  EXPECT_EQ(windows.checksum, lf.checksum);
  EXPECT_EQ(windows.upgrade_sql, lf.upgrade_sql);
  EXPECT_EQ(windows.id, "a1");
}

// A lone CR may be data inside a string literal: changing it is a change.
TEST_F(VersionsFolder, Checksum_LoneCarriageReturnIsText) {
  EXPECT_EQ(revision_file_checksum("a\r\nb\r\n"), sha256_hex("a\nb\n"));
  EXPECT_EQ(revision_file_checksum("\xEF\xBB\xBF"
                                   "a\n"),
            sha256_hex("a\n"));
  EXPECT_NE(revision_file_checksum("'a\rb'\n"), revision_file_checksum("'a\nb'\n"));
  EXPECT_EQ(revision_file_checksum("a\r\r\n"), sha256_hex("a\r\n"));
}

}  // namespace
}  // namespace dbmigrate
