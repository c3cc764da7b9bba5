#include <gtest/gtest.h>

#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"

namespace dbmigrate {
namespace {

Column col(std::string name, std::string type = "integer", bool nullable = true) {
  return {.name = std::move(name), .type = std::move(type), .nullable = nullable};
}

Table table(std::string name, std::vector<Column> columns) {
  Table t{.name = std::move(name), .columns = std::move(columns)};
  return t;
}

std::vector<std::string> described(const Operations& operations) {
  std::vector<std::string> out;
  for (const auto& operation : operations) out.push_back(operation.describe());
  return out;
}

void expect_round_trip(const Snapshot& from, const Snapshot& to) {
  auto ops = diff(from, to);
  Snapshot up = without_rename_hints(from);
  up.normalize();
  apply_operations(up, ops);
  EXPECT_TRUE(equivalent(up, to));
  Snapshot down = without_rename_hints(to);
  down.normalize();
  apply_operations(down, invert(ops));
  EXPECT_TRUE(equivalent(down, from));
}

TEST(Diff, EqualSnapshotsGiveNoOperations) {
  Snapshot s;
  s.tables = {table("a", {col("id")})};
  EXPECT_TRUE(diff(s, s).empty());
}

TEST(Diff, StaleRenameHintChangesNothing) {
  Snapshot s;
  s.tables = {table("a", {col("id")})};
  Snapshot hinted = s;
  hinted.tables[0].renamed_from = "old";
  hinted.tables[0].columns[0].renamed_from = "gone";
  EXPECT_TRUE(diff(s, hinted).empty());
}

TEST(Diff, RenamedColumn_EmitsRenameNotDropAdd) {
  Snapshot from, to;
  from.tables = {table("users", {col("id"), col("name", "text")})};
  to.tables = {table("users", {col("id"), col("full_name", "text")})};
  to.tables[0].columns[1].renamed_from = "name";
  EXPECT_EQ(described(diff(from, to)), std::vector<std::string>{"renamed column 'users.name' to 'full_name'"});
  expect_round_trip(from, to);
}

TEST(Diff, WithoutHintAColumnIsDroppedAndAdded) {
  Snapshot from, to;
  from.tables = {table("users", {col("id"), col("name", "text")})};
  to.tables = {table("users", {col("id"), col("full_name", "text")})};
  auto ops = diff(from, to);
  EXPECT_EQ(described(ops), (std::vector<std::string>{"removed column 'users.name'", "added column 'users.full_name'"}));
  EXPECT_FALSE(ops[0].destructive_reason().empty());
}

TEST(Diff, CreatesReferencedTablesFirstAndDropsThemLast) {
  Snapshot empty, full;
  Table parent = table("b_parent", {col("id")});
  Table child = table("a_child", {col("id"), col("parent_id")});
  child.foreign_keys = {{.columns = {"parent_id"}, .ref_table = "b_parent", .ref_columns = {"id"}}};
  full.tables = {child, parent};
  EXPECT_EQ(described(diff(empty, full)), (std::vector<std::string>{"added table 'b_parent'", "added table 'a_child'"}));
  EXPECT_EQ(described(diff(full, empty)), (std::vector<std::string>{"removed table 'a_child'", "removed table 'b_parent'"}));
}

TEST(Diff, ChainOfTwoThousandForeignKeysNeedsNoRecursion) {
  Snapshot empty, chain;
  for (int i = 0; i < 2000; ++i) {
    Table t = table("t" + std::to_string(100000 - i), {col("id"), col("prev")});
    if (i > 0) t.foreign_keys = {{.columns = {"prev"}, .ref_table = "t" + std::to_string(100000 - i + 1), .ref_columns = {"id"}}};
    chain.tables.push_back(t);
  }
  chain.normalize();
  auto ops = diff(empty, chain);
  ASSERT_EQ(ops.size(), 2000u);
  EXPECT_EQ(ops.front().table(), "t100000");
  EXPECT_EQ(ops.back().table(), "t98001");
  expect_round_trip(empty, chain);
}

TEST(Diff, ViewOnAChangedTableIsDroppedAndRecreated) {
  Snapshot from, to;
  from.tables = {table("users", {col("id"), col("age")})};
  from.views = {{.name = "adults", .sql = "CREATE VIEW adults AS SELECT id FROM users WHERE age > 17"}};
  to = from;
  to.tables[0].columns[1].type = "bigint";
  EXPECT_EQ(described(diff(from, to)),
            (std::vector<std::string>{"removed view 'adults'", "altered column 'users.age': type integer -> bigint",
                                      "added view 'adults'"}));
  expect_round_trip(from, to);
}

TEST(Diff, NarrowingTypeIsDestructive) {
  Snapshot from, to;
  from.tables = {table("t", {col("name", "varchar(50)")})};
  to.tables = {table("t", {col("name", "varchar(20)")})};
  auto ops = diff(from, to);
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_NE(ops[0].destructive_reason().find("narrows"), std::string::npos);
  to.tables[0].columns[0].type = "text";
  EXPECT_EQ(diff(from, to)[0].destructive_reason(), "");
}

// Outside a STRICT table, `any` has NUMERIC affinity: text into it, or a table leaving STRICT
// with such a column, may turn '007' into 7.
TEST(Diff, AnyIsJudgedByItsNumericAffinity) {
  Snapshot from, to;
  from.tables = {table("t", {col("id"), col("v", "text")})};
  Column any = col("v", "");
  any.sqlite.any = true;
  to.tables = {table("t", {col("id"), any})};
  ASSERT_EQ(diff(from, to).size(), 1u);
  EXPECT_NE(diff(from, to)[0].destructive_reason().find("narrows"), std::string::npos);
  EXPECT_EQ(diff(to, from)[0].destructive_reason(), "");

  Snapshot strict = to;
  strict.tables[0].sqlite.strict = true;
  const auto loosen = diff(strict, to);
  ASSERT_EQ(loosen.size(), 1u);
  EXPECT_EQ(loosen[0].destructive_reason(),
            "removes STRICT from 't': its any columns (v) take NUMERIC affinity, so text that reads as a "
            "number becomes a number");
  EXPECT_EQ(diff(to, strict)[0].destructive_reason(), "");
  EXPECT_EQ(diff(to, strict)[0].inverse().destructive_reason(), loosen[0].destructive_reason());
}

TEST(Diff, RenamedTableKeepsForeignKeysPointingAtIt) {
  Snapshot from, to;
  Table child = table("posts", {col("id"), col("author")});
  child.foreign_keys = {{.columns = {"author"}, .ref_table = "users", .ref_columns = {"id"}}};
  from.tables = {child, table("users", {col("id")})};
  Table renamed = table("people", {col("id")});
  renamed.renamed_from = "users";
  child.foreign_keys[0].ref_table = "people";
  to.tables = {renamed, child};
  EXPECT_EQ(described(diff(from, to)), std::vector<std::string>{"renamed table 'users' to 'people'"});
  expect_round_trip(from, to);
}

TEST(Apply, UnknownTableIsAnInputError) {
  Snapshot s;
  EXPECT_THROW(apply_operations(s, Operation{op::AddColumn{"nope", col("x")}}), Error);
}

}  // namespace
}  // namespace dbmigrate

namespace dbmigrate {
namespace {

TEST(Apply, TriggerOnTableSpelledInAnotherCaseFollowsItsTable) {
  Snapshot from;
  from.tables = {{.name = "rows", .columns = {{.name = "id", .type = "integer"}}}};
  Snapshot to = from;
  to.triggers = {{.name = "t", .table = "Rows", .sql = "CREATE TRIGGER t AFTER INSERT ON Rows BEGIN SELECT 1; END"}};
  auto ops = diff(from, to);
  Snapshot up = from;
  apply_operations(up, ops);
  EXPECT_EQ(up, to);
  to.tables.clear();
  Snapshot dropped = up;
  apply_operations(dropped, diff(up, Snapshot{}));
  EXPECT_TRUE(dropped.triggers.empty());
}

}  // namespace
}  // namespace dbmigrate
