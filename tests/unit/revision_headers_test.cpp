// Further `-- Key: value` header lines of a revision file: kept in order, written back the same,
// unknown keys accepted; the rebuild headers hold any name on one line and are checked on read.
#include <gtest/gtest.h>

#include "dbmigrate/error.hpp"
#include "dbmigrate/revision.hpp"

namespace dbmigrate {
namespace {

constexpr const char* header =
    "-- Revision ID: abc\n-- Revises:\n-- Create Date: 2026-11-24 10:00:00+00:00\n"
    "-- Message: step\n";

std::string file(const std::string& headers) {
  return std::string(header) + headers +
         "\n-- migrate:upgrade\nSELECT 1;\n\n-- migrate:downgrade\n";
}

std::string parse_error(const std::string& text) {
  try {
    (void)parse_revision(text, "versions/abc_step.sql");
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::input);
    return error.what();
  }
  ADD_FAILURE() << "parsed";
  return {};
}

TEST(RevisionHeaders, FurtherKeys_KeptInFileOrder_UnknownOnesToo) {
  const Revision revision = parse_revision(
      file("-- Future Key: anything at all\n-- a note of the author's, not a header\n"
           "-- Upgrade Rebuilds: {\"table\": \"t\", \"columns\": [\"a\"], \"indexes\": [], "
           "\"triggers\": [], \"later\": 1}\n"),
      "versions/abc_step.sql");
  ASSERT_EQ(revision.headers.size(), 2U);
  EXPECT_EQ(revision.headers[0], (HeaderField{"Future Key", "anything at all"}));
  EXPECT_EQ(revision.headers[1].key, "Upgrade Rebuilds");
  EXPECT_EQ(rebuilt_tables(revision, "upgrade"),
            (std::vector<TableShape>{{.table = "t", .columns = {"a"}}}));
  EXPECT_TRUE(rebuilt_tables(revision, "downgrade").empty());
}

// A value holding a control character or a byte that is not UTF-8 is read as it is written:
// escaped, so that a parsed file formats and parses back to the same revision.
TEST(RevisionHeaders, UnprintableValue_ReadsBackAsWritten) {
  const Revision parsed =
      parse_revision(file("-- Future Key: a\xff\x1b b\n"), "versions/abc_step.sql");
  ASSERT_EQ(parsed.headers.size(), 1U);
  EXPECT_EQ(parsed.headers[0].value, "a\\xff\\x1b b");
  const Revision again = parse_revision(format_revision(parsed), "versions/abc_step.sql");
  EXPECT_EQ(again.headers, parsed.headers);
  EXPECT_EQ(format_revision(again), format_revision(parsed));
}

TEST(RevisionHeaders, FileWithoutThem_HasNone) {
  const Revision revision = parse_revision(file(""), "versions/abc_step.sql");
  EXPECT_TRUE(revision.headers.empty());
  EXPECT_TRUE(rebuilt_tables(revision, "upgrade").empty());
}

TEST(RevisionHeaders, AnyName_StaysOnItsLine_AndReadsBack) {
  const TableShape shape{.table = "t\n-- migrate:upgrade\nDELETE FROM victim;--",
                         .columns = {"a\"b", "c\\d", "\r", "\xc3\xa9t\xc3\xa9", "x\x01y"},
                         .indexes = {"ix\n"},
                         .triggers = {"-- migrate:downgrade"}};
  Revision revision{.id = "abc", .create_date = "2026-11-24 10:00:00+00:00", .message = "step"};
  revision.headers = {rebuild_header("upgrade", shape), rebuild_header("downgrade", shape)};
  revision.upgrade_sql = "SELECT 1;";
  const std::string text = format_revision(revision);
  // Five header lines and a blank one before the upgrade marker: nothing got out of its line.
  EXPECT_EQ(text.find("\n-- migrate:upgrade\n"), text.find("\n\n") + 1) << text;
  for (char c : revision.headers[0].value) {
    EXPECT_TRUE(c >= 0x20 && c < 0x7f) << "not plain ASCII: " << int(c);
  }
  const Revision parsed = parse_revision(text, "versions/abc_step.sql");
  EXPECT_EQ(parsed.headers, revision.headers);
  EXPECT_EQ(rebuilt_tables(parsed, "upgrade"), std::vector<TableShape>{shape});
  EXPECT_EQ(rebuilt_tables(parsed, "downgrade"), std::vector<TableShape>{shape});
  EXPECT_EQ(format_revision(parsed), text);
}

TEST(RevisionHeaders, WrittenAsOneJsonObjectPerTable) {
  EXPECT_EQ(rebuild_header("upgrade", {.table = "users",
                                       .columns = {"id", "name"},
                                       .indexes = {"ix_users_name"},
                                       .triggers = {}}),
            (HeaderField{"Upgrade Rebuilds",
                         R"({"table": "users", "columns": ["id", "name"], "indexes": )"
                         R"(["ix_users_name"], "triggers": []})"}));
  EXPECT_EQ(rebuild_header("downgrade", {.table = "t"}).key, "Downgrade Rebuilds");
}

TEST(RevisionHeaders, MalformedRebuildHeader_IsRefusedWithItsLine) {
  for (const char* value :
       {"{\"table\": \"t\", \"columns\": [\"a\"]", "[]",
        "{\"columns\": [], \"indexes\": [], \"triggers\": []}",
        "{\"table\": \"t\", \"columns\": [1], \"indexes\": [], \"triggers\": []}",
        "{\"table\": \"t\", \"columns\": [], \"indexes\": []}"}) {
    const std::string message =
        parse_error(file(std::string("-- Downgrade Rebuilds: ") + value + "\n"));
    EXPECT_TRUE(message.starts_with("versions/abc_step.sql:5: '-- Downgrade Rebuilds:' "))
        << value << "\n"
        << message;
  }
}

TEST(RevisionHeaders, TransactionNone_WrittenAndReadForItsSectionOnly) {
  const auto headers = needs_headers("downgrade", {.no_transaction = true});
  ASSERT_EQ(headers.size(), 1U);
  EXPECT_EQ(headers.front().key, "Downgrade Transaction");
  EXPECT_EQ(headers.front().value, "none");
  std::string text = file("-- Dialect: postgresql\n-- Downgrade Transaction: none\n");
  const auto revision = parse_revision(text, "versions/abc_step.sql");
  EXPECT_TRUE(written_needs(revision, "downgrade")->no_transaction);
  EXPECT_FALSE(written_needs(revision, "upgrade")->no_transaction);
  // Written by hand into a file without `-- Dialect:`, it is honoured too.
  const auto by_hand = parse_revision(file("-- Upgrade Transaction: none\n"), "versions/abc.sql");
  EXPECT_TRUE(section_needs(by_hand, "upgrade").no_transaction);
  EXPECT_FALSE(section_needs(by_hand, "downgrade").no_transaction);
}

TEST(RevisionHeaders, TransactionHeaderOtherThanNone_IsRefusedWithItsLine) {
  const std::string message = parse_error(file("-- Upgrade Transaction: off\n"));
  EXPECT_TRUE(
      message.starts_with("versions/abc_step.sql:5: '-- Upgrade Transaction: off' is not "
                          "'none'"))
      << message;
}

}  // namespace
}  // namespace dbmigrate
