// Revision files as checkouts and editors leave them, through the binary: CRLF line endings do
// not make applied revisions "changed", an accepted change stays accepted, and entries of the
// versions folder that are not revision files, or files with a NUL byte, are refused by name.
#include <unistd.h>

#include "cli_fixture.hpp"

namespace dbmigrate::cli_test {
namespace {

using Lines = std::vector<std::string>;

// Every LF of the file as CRLF, as git's autocrlf checks files out on Windows.
void to_crlf(const fs::path& path) {
  std::string out;
  for (const char c : read_file(path)) {
    if (c == '\n') out += '\r';
    out += c;
  }
  std::ofstream(path, std::ios::binary) << out;
}

TEST_F(Cli, CrlfCheckoutOfAppliedRevisions_IsNotAChange) {
  init_with_two_revisions();
  ASSERT_EQ(run("upgrade 1111 --url sqlite:///app.db").code, 0);
  for (const auto& path : versions()) to_crlf(path);

  const auto upgraded = run("upgrade --url sqlite:///app.db");
  EXPECT_EQ(upgraded.code, 0) << upgraded.text();
  EXPECT_EQ(version("app.db"), Lines{"222222222222"});
  const auto checked = run("check --url sqlite:///app.db --model migrations/schema.json");
  EXPECT_FALSE(contains(checked.out, "changed since it was applied")) << checked.out;
}

TEST_F(Cli, UpgradeAllowChanged_TheNextRunNeedsNoFlag) {
  init_with_two_revisions();
  ASSERT_EQ(run("upgrade 1111 --url sqlite:///app.db").code, 0);
  const auto first = versions().front();
  std::ofstream(first, std::ios::app) << "-- reviewed\n";
  ASSERT_NE(run("upgrade --url sqlite:///app.db").code, 0);

  const auto allowed = run("upgrade --allow-changed --url sqlite:///app.db");
  EXPECT_EQ(allowed.code, 0) << allowed.text();
  const auto downgraded = run("downgrade --url sqlite:///app.db");
  EXPECT_EQ(downgraded.code, 0) << downgraded.text();
  const auto upgraded = run("upgrade --url sqlite:///app.db");
  EXPECT_EQ(upgraded.code, 0) << upgraded.text();
  EXPECT_EQ(version("app.db"), Lines{"222222222222"});
}

TEST_F(Cli, NulByteInARevision_RefusedWithFileAndLine) {
  init_with_two_revisions();
  write_revision("333333333333", "222222222222", "three",
                 std::string("CREATE TABLE three (id INTEGER);\n") + '\0' + "DELETE FROM one;",
                 "DROP TABLE three;");
  const auto refused = run("upgrade --url sqlite:///app.db");
  EXPECT_EQ(refused.code, 2) << refused.text();
  EXPECT_TRUE(contains(refused.err, "migrations/versions/333333333333_three.sql:8: NUL byte"))
      << refused.err;
  EXPECT_FALSE(exists("app.db"));
}

TEST_F(Cli, EntriesOfTheVersionsFolderThatAreNoFiles_RefusedByName) {
  init_with_two_revisions();
  const auto folder = dir_ / "migrations/versions";
  fs::create_directory(folder / "333333333333_x.sql");
  auto refused = run("heads");
  EXPECT_EQ(refused.code, 2) << refused.text();
  EXPECT_TRUE(contains(refused.err, "333333333333_x.sql: is a folder")) << refused.err;
  fs::remove(folder / "333333333333_x.sql");

  fs::create_symlink(folder / "moved_away.sql", folder / "333333333333_x.sql");
  refused = run("upgrade --url sqlite:///app.db");
  EXPECT_EQ(refused.code, 2) << refused.text();
  EXPECT_TRUE(contains(refused.err, "333333333333_x.sql: is a dangling symbolic link"))
      << refused.err;
  fs::remove(folder / "333333333333_x.sql");

  ASSERT_EQ(::mkfifo((folder / "333333333333_x.sql").c_str(), 0600), 0);
  refused = run("history");
  EXPECT_EQ(refused.code, 2) << refused.text();
  EXPECT_TRUE(contains(refused.err, "333333333333_x.sql: is a FIFO")) << refused.err;
}

}  // namespace
}  // namespace dbmigrate::cli_test
