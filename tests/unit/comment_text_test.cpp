// Text from a model in generated comments and revision files: one printable line in every
// comment and header, section markers inside quoted SQL text left alone, and revision text
// that survives parse -> format -> parse byte for byte.
#include <gtest/gtest.h>

#include "dbmigrate/revision.hpp"
#include "dbmigrate/sqlite.hpp"
#include "diff/printable_line.hpp"

namespace dbmigrate {
namespace {

TEST(PrintableLine, ControlCharactersAreShownEscaped) {
  EXPECT_EQ(printable_line("plain 'text' with \\ and é"), "plain 'text' with \\ and é");
  EXPECT_EQ(printable_line("a\nb\rc\td"), "a\\nb\\rc\\td");
  EXPECT_EQ(printable_line(std::string_view("nul\0end", 7)), "nul\\0end");
  EXPECT_EQ(printable_line("\x1b[2J\x01\x7f"), "\\x1b[2J\\x01\\x7f");
  // C1 controls, line and paragraph separators, bidirectional overrides.
  EXPECT_EQ(printable_line("\xc2\x85|\xc2\x9b|\xe2\x80\xa8|\xe2\x80\xa9|\xe2\x80\xae"),
            "\\u0085|\\u009b|\\u2028|\\u2029|\\u202e");
  // Bytes that are not UTF-8: a lone continuation byte, an overlong '/', a cut sequence.
  EXPECT_EQ(printable_line("\x80|\xc0\xaf|\xe2\x80"), "\\x80|\\xc0\\xaf|\\xe2\\x80");
}

TEST(PrintableLine, EscapingTwiceChangesNothingMore) {
  const std::string once = printable_line("t\nDELETE FROM victim;--\r\x1b");
  EXPECT_EQ(once.find('\n'), std::string::npos);
  EXPECT_EQ(printable_line(once), once);
}

TEST(OperationText, NamesAndExpressionsNeverBreakTheLine) {
  Table table{.name = "t\nDELETE FROM victim;--"};
  Column column{.name = "c\r\n-- migrate:downgrade", .type = "text", .nullable = true};
  Column changed = column;
  changed.default_sql = "'x\n.shell touch PWNED\n'";
  const Operation alter{op::AlterColumn{table.name, column, changed}};
  const Operation check{op::AddCheck{table.name, CheckConstraint{.expression = "c <> 'a\nb'"}}};
  const Operation drop{op::DropTable{table}};
  for (const auto& text : {alter.describe(), check.describe(), check.data_dependent_reason(),
                           drop.describe(), drop.destructive_reason()}) {
    EXPECT_EQ(text.find_first_of("\r\n"), std::string::npos) << text;
  }
  EXPECT_EQ(alter.describe(),
            "altered column 't\\nDELETE FROM victim;--.c\\r\\n-- migrate:downgrade': default "
            "none -> 'x\\n.shell touch PWNED\\n'");
}

TEST(RevisionText, MessageHeaderIsOneEscapedLine) {
  const Revision revision{.id = "ab12",
                          .create_date = "d",
                          .message = "  fix\n-- migrate:upgrade\nDELETE FROM victim;\r\x1b  "};
  const std::string text = format_revision(revision);
  EXPECT_EQ(text,
            "-- Revision ID: ab12\n-- Revises:\n-- Create Date: d\n"
            "-- Message: fix\\n-- migrate:upgrade\\nDELETE FROM victim;\\r\\x1b\n\n"
            "-- migrate:upgrade\n\n-- migrate:downgrade\n");
  const Revision parsed = parse_revision(text, "ab12_fix.sql");
  EXPECT_EQ(parsed.message, "fix\\n-- migrate:upgrade\\nDELETE FROM victim;\\r\\x1b");
  EXPECT_EQ(parsed.upgrade_sql, "");
}

TEST(RevisionText, HandWrittenHeaderValuesAreReadAsOnePrintableLine) {
  const Revision parsed = parse_revision(
      "-- Revision ID: ab12\n-- Revises:\n-- Create Date: d\x1b[2J\n"
      "-- Message: a\x1b[31m\x07"
      "b\rc\n\n-- migrate:upgrade\n\n-- migrate:downgrade\n",
      "ab12_x.sql");
  EXPECT_EQ(parsed.message, "a\\x1b[31m\\x07b\\rc");
  EXPECT_EQ(parsed.create_date, "d\\x1b[2J");
}

// What the parser reads from a file whose upgrade section is `upgrade`.
Revision parse_upgrade(const std::string& upgrade) {
  return parse_revision(
      "-- Revision ID: ab12\n-- Revises:\n-- Create Date: d\n-- Message: x\n\n"
      "-- migrate:upgrade\n" +
          upgrade + "\n\n-- migrate:downgrade\nDROP TABLE t;\n",
      "ab12_x.sql");
}

TEST(RevisionText, MarkersInsideQuotedTextAreSql) {
  const std::vector<std::string> sections = {
      "CREATE TABLE t (c TEXT DEFAULT 'x\n-- migrate:downgrade\nDELETE FROM victim;');",
      "CREATE TABLE \"t\n  --   migrate:downgrade  \n\" (c TEXT);",
      "CREATE TABLE `t\n-- migrate:upgrade\n` (c TEXT);",
      "CREATE TABLE [t\n-- migrate:downgrade\n] (c TEXT);",
      "CREATE TABLE t (c TEXT /* a comment\n-- migrate:downgrade\n*/);",
      "CREATE TABLE t (c TEXT DEFAULT 'it''s\n-- migrate:downgrade\n''quoted''');",
      "CREATE VIEW v AS SELECT 'a' AS x, \"b\n-- migrate:whatever\n\" AS y;",
      "CREATE TABLE [t'x] (\"c\"\"'\" TEXT /**/ DEFAULT 'y\n-- migrate:downgrade\n');",
      "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  SELECT 'x\n-- migrate:downgrade\n';\nEND;"};
  for (const auto& sql : sections) {
    const Revision revision = parse_upgrade(sql);
    EXPECT_EQ(revision.upgrade_sql, sql);
    EXPECT_EQ(revision.downgrade_sql, "DROP TABLE t;");
  }
  // A `--` comment ends at the line end: a quote inside it opens nothing.
  const Revision commented = parse_upgrade("-- it's a comment\nCREATE TABLE t (c TEXT); -- \"");
  EXPECT_EQ(commented.upgrade_sql, "-- it's a comment\nCREATE TABLE t (c TEXT); -- \"");
  EXPECT_EQ(commented.downgrade_sql, "DROP TABLE t;");
}

TEST(RevisionText, UnclosedLiteralNamesWhereItOpened) {
  try {
    (void)parse_upgrade("INSERT INTO t VALUES ('O'Brien');");
    FAIL() << "parsed";
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()),
              "ab12_x.sql:9: this line is read as part of a string literal opened on line 7 and "
              "never closed, so the file has no '-- migrate:downgrade' section marker; close it");
  }
}

// parse -> format -> parse gives the same revision, and formatting it again the same bytes.
void expect_round_trip(const std::string& text) {
  const Revision first = parse_revision(text, "ab12_x.sql");
  const std::string formatted = format_revision(first);
  const Revision second = parse_revision(formatted, "ab12_x.sql");
  EXPECT_EQ(second.message, first.message);
  EXPECT_EQ(second.upgrade_sql, first.upgrade_sql) << formatted;
  EXPECT_EQ(second.downgrade_sql, first.downgrade_sql) << formatted;
  EXPECT_EQ(format_revision(second), formatted);
}

TEST(RevisionText, CarriageReturnsSurviveParseFormatParse) {
  const std::string header =
      "-- Revision ID: ab12\n-- Revises:\n-- Create Date: d\n-- Message: x\n";
  expect_round_trip(header + "-- migrate:upgrade\nSELECT 1;\r\r\n-- migrate:downgrade\n");
  expect_round_trip(header + "-- migrate:upgrade\r\nSELECT 'a\r\r\nb\r\r\r\nc';\r\r\n\r\n" +
                    "-- migrate:downgrade\r\nSELECT 2;\r\r\r\n");
  expect_round_trip(header +
                    "-- migrate:upgrade\nSELECT '\r';\nSELECT 3;\r\n-- migrate:downgrade\n");
  const Revision parsed = parse_revision(
      header + "-- migrate:upgrade\nSELECT 'a\r\r\nb';\r\n-- migrate:downgrade\n", "ab12_x.sql");
  EXPECT_EQ(parsed.upgrade_sql, "SELECT 'a\r\nb';");
}

TEST(RevisionText, SqlWithCarriageReturnsIsWrittenSoThatItReadsBack) {
  const Revision revision{.id = "ab12",
                          .create_date = "d",
                          .message = "m",
                          .upgrade_sql = "SELECT 'a\r\nb\r';\r",
                          .downgrade_sql = "SELECT '\r\r\n';"};
  const Revision parsed = parse_revision(format_revision(revision), "ab12_m.sql");
  EXPECT_EQ(parsed.upgrade_sql, revision.upgrade_sql);
  EXPECT_EQ(parsed.downgrade_sql, revision.downgrade_sql);
}

}  // namespace
}  // namespace dbmigrate
