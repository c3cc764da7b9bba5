// write_file_atomically(): the target holds the old content or the new, never a part, and no
// temp file is left behind on any path.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <csignal>

#include "dbmigrate/revision.hpp"
#include "revision_builder.hpp"
#include "temp_folder.hpp"

namespace dbmigrate {
namespace {

using testing::expect_throw;
namespace fs = std::filesystem;
using AtomicWrite = testing::TempFolderTest;

TEST_F(AtomicWrite, CreatesAndReplacesLeavingNoTempFile) {
  const auto path = dir_ / "a.sql";
  write_file_atomically(path, "first");
  EXPECT_EQ(read(path), "first");
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  write_file_atomically(path, "second, longer content");
  EXPECT_EQ(read(path), "second, longer content");
  EXPECT_EQ(listing(), testing::Ids{"a.sql"});
  EXPECT_EQ(fs::status(path).permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

TEST_F(AtomicWrite, ParentNotAFolderFailsWithPathAndReason) {
  write("plain", "old");
  const auto target = dir_ / "plain" / "a.sql";
  const auto error = expect_throw<Error>([&] { write_file_atomically(target, "new"); });
  EXPECT_EQ(error.kind(), ErrorKind::input);
  EXPECT_EQ(std::string(error.what()), "cannot write " + target.string() +
                                           ": Not a directory; check that its folder exists "
                                           "and is writable");
  EXPECT_EQ(read(dir_ / "plain"), "old");
  EXPECT_EQ(listing(), testing::Ids{"plain"});
}

TEST_F(AtomicWrite, FailedRenameRemovesTheTempFile) {
  fs::create_directory(dir_ / "taken");
  write("taken/inside", "kept");
  const auto error = expect_throw<Error>([&] { write_file_atomically(dir_ / "taken", "new"); });
  EXPECT_EQ(std::string(error.what()), "cannot write " + (dir_ / "taken").string() +
                                           ": Is a directory; check that its folder exists and "
                                           "is writable");
  EXPECT_EQ(listing(), testing::Ids{"taken"});
  EXPECT_EQ(read(dir_ / "taken" / "inside"), "kept");
}

// A file-size limit makes write(2) fail half way (EFBIG), as a full disk would.
TEST_F(AtomicWrite, FailedWriteKeepsTheOldContent) {
  const auto path = write("a.sql", "old content");
  rlimit saved{};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit limited = saved;
  limited.rlim_cur = 4096;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &limited), 0);
  std::string message;
  try {
    write_file_atomically(path, std::string(64 * 1024, 'x'));
  } catch (const Error& error) {
    message = error.what();
  }
  setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_EQ(message, "cannot write " + path.string() +
                         ": File too large; check that its folder exists and is writable");
  EXPECT_EQ(read(path), "old content");
  EXPECT_EQ(listing(), testing::Ids{"a.sql"});
}

}  // namespace
}  // namespace dbmigrate
