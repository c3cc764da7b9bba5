// Upgrade and downgrade targets (docs/cli.md) and how the version table's heads move, on one
// graph with a branch and a merge:   a - b - c - e - f
//                                          \ d /
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "dbmigrate/revision.hpp"
#include "revision_builder.hpp"

namespace dbmigrate {
namespace {

using testing::expect_throw;
using testing::graph_of;
using testing::Ids;

const RevisionGraph& merged() {
  static const auto graph = graph_of({"a:", "b:a", "c:b", "d:b", "e:c,d", "f:e"});
  return graph;
}

const RevisionGraph& two_heads() {
  static const auto graph = graph_of({"a:", "b:a", "c:a"});
  return graph;
}

std::string usage_error(const RevisionGraph& graph, const Ids& heads, std::string_view target,
                        bool upgrade) {
  const auto error = expect_throw<Error>([&] {
    (void)(upgrade ? upgrade_plan(graph, heads, target) : downgrade_plan(graph, heads, target));
  });
  EXPECT_EQ(error.kind(), ErrorKind::usage) << error.what();
  return error.what();
}

TEST(UpgradeTarget, Head_AppliesWhatIsMissingInOrder) {
  EXPECT_EQ(upgrade_plan(merged(), {}, "head"), (Ids{"a", "b", "c", "d", "e", "f"}));
  EXPECT_EQ(upgrade_plan(merged(), {"c"}, "head"), (Ids{"d", "e", "f"}));
  EXPECT_EQ(upgrade_plan(merged(), {"f"}, "head"), Ids{});
  EXPECT_EQ(upgrade_plan(RevisionGraph(), {}, "head"), Ids{});
}

TEST(UpgradeTarget, Head_WithSeveralHeadsRefusesAndNamesThem) {
  const auto error =
      expect_throw<RevisionGraphError>([] { (void)upgrade_plan(two_heads(), {}, "head"); });
  EXPECT_EQ(error.reason(), GraphErrorReason::multiple_heads);
  EXPECT_EQ(error.ids(), (Ids{"b", "c"}));
  EXPECT_EQ(std::string(error.what()),
            "multiple heads b, c: upgrade to 'heads' or create a merge with 'dbmigrate merge'");
}

TEST(UpgradeTarget, Heads_AppliesEveryBranch) {
  EXPECT_EQ(upgrade_plan(two_heads(), {}, "heads"), (Ids{"a", "b", "c"}));
  EXPECT_EQ(upgrade_plan(two_heads(), {"b"}, "heads"), Ids{"c"});
}

TEST(UpgradeTarget, Revision_AppliesItsMissingAncestorsThenIt) {
  EXPECT_EQ(upgrade_plan(merged(), {}, "c"), (Ids{"a", "b", "c"}));
  EXPECT_EQ(upgrade_plan(merged(), {"c"}, "e"), (Ids{"d", "e"}));
  EXPECT_EQ(upgrade_plan(merged(), {"c"}, "d"), Ids{"d"});
  EXPECT_EQ(upgrade_plan(merged(), {"f"}, "c"), Ids{});  // already applied: nothing to do
  const auto error =
      expect_throw<RevisionGraphError>([] { (void)upgrade_plan(merged(), {}, "x"); });
  EXPECT_EQ(error.reason(), GraphErrorReason::unknown_revision);
}

TEST(UpgradeTarget, PlusN_StepsAlongTheSingleLine) {
  EXPECT_EQ(upgrade_plan(merged(), {}, "+1"), Ids{"a"});
  EXPECT_EQ(upgrade_plan(merged(), {}, "+2"), (Ids{"a", "b"}));
  EXPECT_EQ(upgrade_plan(merged(), {"e"}, "+1"), Ids{"f"});
  EXPECT_EQ(usage_error(merged(), {"e"}, "+2", true),
            "cannot upgrade '+2': it goes 1 step(s) past the head 'f'");
  EXPECT_EQ(usage_error(merged(), {}, "+3", true),
            "cannot upgrade '+3': revision 'b' branches into c, d; name the revision to upgrade "
            "to instead");
  EXPECT_EQ(usage_error(merged(), {"c"}, "+1", true),
            "'+1' would apply 2 revisions (d, e) because 'e' merges a branch that is not "
            "applied; upgrade to 'e' by name");
  EXPECT_EQ(usage_error(merged(), {"c", "d"}, "+1", true),
            "'+1' is ambiguous: the database has several heads c, d; name a revision instead, "
            "e.g. 'c+1'");
  EXPECT_EQ(usage_error(graph_of({"a:", "b:"}), {}, "+1", true),
            "'+1' is ambiguous: the revisions have several bases a, b; name a revision instead");
  EXPECT_EQ(usage_error(RevisionGraph(), {}, "+1", true),
            "cannot upgrade '+1': there are no revisions");
}

TEST(UpgradeTarget, RevisionPlusN_CountsFromTheNamedRevision) {
  EXPECT_EQ(upgrade_plan(merged(), {}, "a+1"), (Ids{"a", "b"}));
  EXPECT_EQ(upgrade_plan(merged(), {"a"}, "c+1"), (Ids{"b", "c", "d", "e"}));
  EXPECT_EQ(usage_error(merged(), {}, "b+1", true),
            "cannot upgrade 'b+1': revision 'b' branches into c, d; name the revision to upgrade "
            "to instead");
}

TEST(UpgradeTarget, BadTargetsAreUsageErrors) {
  for (const auto* target : {"+", "+x", "+0", "c+", "+1x", "+99999999999999999999999"}) {
    EXPECT_EQ(usage_error(merged(), {}, target, true),
              fmt::format("bad target '{}': a relative target is '+N' or '<revision>+N' with N a "
                          "positive number",
                          target));
  }
  EXPECT_EQ(usage_error(merged(), {"f"}, "-1", true),
            "'-1' goes down; use 'dbmigrate downgrade -1'");
  EXPECT_EQ(usage_error(merged(), {}, "base", true),
            "'base' is not an upgrade target; 'dbmigrate downgrade base' reverts everything");
}

TEST(UpgradeTarget, UnknownCurrentHeadSaysHowToRecover) {
  const auto error =
      expect_throw<RevisionGraphError>([] { (void)upgrade_plan(merged(), {"zz"}, "head"); });
  EXPECT_EQ(error.reason(), GraphErrorReason::unknown_revision);
  EXPECT_EQ(error.ids(), Ids{"zz"});
  EXPECT_EQ(std::string(error.what()),
            "the database is at revision 'zz', which has no revision file; restore the file, or "
            "record the right revision with 'dbmigrate stamp' (target db_stamp)");
}

TEST(DowngradeTarget, MinusN_RevertsHeadsOneByOne) {
  EXPECT_EQ(downgrade_plan(merged(), {"f"}, "-1"), Ids{"f"});
  EXPECT_EQ(downgrade_plan(merged(), {"f"}, "-2"), (Ids{"f", "e"}));
  EXPECT_EQ(downgrade_plan(merged(), {"c"}, "-3"), (Ids{"c", "b", "a"}));
  EXPECT_EQ(usage_error(merged(), {"f"}, "-3", false),
            "'-3' is ambiguous: then heads c, d are applied; name the revision to downgrade to "
            "instead");
  EXPECT_EQ(usage_error(merged(), {"c", "d"}, "-1", false),
            "'-1' is ambiguous: the heads c, d are applied; name the revision to downgrade to "
            "instead");
  EXPECT_EQ(usage_error(merged(), {"b"}, "-3", false),
            "cannot downgrade '-3': only 2 revision(s) applied");
  EXPECT_EQ(usage_error(merged(), {}, "-1", false),
            "cannot downgrade '-1': only 0 revision(s) applied");
}

TEST(DowngradeTarget, Base_RevertsEverythingChildrenFirst) {
  EXPECT_EQ(downgrade_plan(merged(), {"f"}, "base"), (Ids{"f", "e", "d", "c", "b", "a"}));
  EXPECT_EQ(downgrade_plan(two_heads(), {"b", "c"}, "base"), (Ids{"c", "b", "a"}));
  EXPECT_EQ(downgrade_plan(merged(), {}, "base"), Ids{});
}

TEST(DowngradeTarget, Revision_RevertsAppliedDescendantsOnly) {
  EXPECT_EQ(downgrade_plan(merged(), {"f"}, "b"), (Ids{"f", "e", "d", "c"}));
  EXPECT_EQ(downgrade_plan(merged(), {"f"}, "c"), (Ids{"f", "e"}));  // d is not above c
  EXPECT_EQ(downgrade_plan(two_heads(), {"b", "c"}, "a"), (Ids{"c", "b"}));
  EXPECT_EQ(downgrade_plan(merged(), {"f"}, "f"), Ids{});
  EXPECT_EQ(usage_error(merged(), {"c"}, "d", false),
            "cannot downgrade to 'd': it is not applied (the database is at c); 'dbmigrate "
            "upgrade d' applies it");
  EXPECT_EQ(usage_error(merged(), {}, "a", false),
            "cannot downgrade to 'a': it is not applied (the database is at base); 'dbmigrate "
            "upgrade a' applies it");
}

TEST(DowngradeTarget, RevisionMinusN_CountsDownFromTheNamedRevision) {
  EXPECT_EQ(downgrade_plan(merged(), {"f"}, "f-1"), Ids{"f"});
  EXPECT_EQ(downgrade_plan(merged(), {"f"}, "b-1"), (Ids{"f", "e", "d", "c", "b"}));
  EXPECT_EQ(downgrade_plan(merged(), {"f"}, "b-2"), (Ids{"f", "e", "d", "c", "b", "a"}));
  EXPECT_EQ(usage_error(merged(), {"f"}, "b-3", false),
            "cannot downgrade 'b-3': it goes 1 step(s) below the base 'a'");
  EXPECT_EQ(usage_error(merged(), {"f"}, "f-2", false),
            "cannot downgrade 'f-2': revision 'e' merges c, d; name the revision to downgrade to "
            "instead");
}

TEST(DowngradeTarget, UpgradeTargetsAreRejected) {
  EXPECT_EQ(usage_error(merged(), {"f"}, "head", false),
            "'head' is an upgrade target; downgrade takes -N, base or a revision");
  EXPECT_EQ(usage_error(merged(), {"f"}, "+1", false), "'+1' goes up; use 'dbmigrate upgrade +1'");
  EXPECT_EQ(usage_error(merged(), {"f"}, "-0", false),
            "bad target '-0': a relative target is '-N' or '<revision>-N' with N a positive "
            "number");
}

TEST(VersionHeads, UpgradeReplacesParentsOrAddsABranch) {
  const auto& graph = merged();
  EXPECT_EQ(heads_after_upgrade(graph, {}, "a"), Ids{"a"});
  EXPECT_EQ(heads_after_upgrade(graph, {"b"}, "c"), Ids{"c"});
  EXPECT_EQ(heads_after_upgrade(graph, {"c"}, "d"), (Ids{"c", "d"}));
  EXPECT_EQ(heads_after_upgrade(graph, {"c", "d"}, "e"), Ids{"e"});
}

TEST(VersionHeads, DowngradeRestoresParentsNoOtherAppliedRevisionNeeds) {
  const auto& graph = merged();
  EXPECT_EQ(heads_after_downgrade(graph, {"e"}, "e"), (Ids{"c", "d"}));
  EXPECT_EQ(heads_after_downgrade(graph, {"c", "d"}, "d"), Ids{"c"});  // b is still below c
  EXPECT_EQ(heads_after_downgrade(graph, {"c"}, "c"), Ids{"b"});
  EXPECT_EQ(heads_after_downgrade(graph, {"a"}, "a"), Ids{});
  const auto error = expect_throw<Error>([&] { (void)heads_after_downgrade(graph, {"e"}, "c"); });
  EXPECT_EQ(error.kind(), ErrorKind::usage);
  EXPECT_EQ(std::string(error.what()),
            "revision 'c' is not a current head (e); only a head can be reverted");
}

// What a runner does: apply each planned revision and record the heads as it goes.
TEST(VersionHeads, FollowingAPlanEndsAtItsTarget) {
  Ids heads;
  for (const auto& id : upgrade_plan(two_heads(), heads, "heads")) {
    heads = heads_after_upgrade(two_heads(), heads, id);
  }
  EXPECT_EQ(heads, (Ids{"b", "c"}));
  heads = {"f"};
  for (const auto& id : downgrade_plan(merged(), heads, "c")) {
    heads = heads_after_downgrade(merged(), heads, id);
  }
  EXPECT_EQ(heads, (Ids{"c", "d"}));
  for (const auto& id : downgrade_plan(merged(), heads, "a")) {
    heads = heads_after_downgrade(merged(), heads, id);
  }
  EXPECT_EQ(heads, Ids{"a"});
}

}  // namespace
}  // namespace dbmigrate

namespace dbmigrate {
namespace {

// `head-1`, `base+2`, `<rev>-N` for upgrade and `<rev>+N` for downgrade: a named start turns a
// step either way into one revision, which is then an ordinary target.
TEST(NamedRelativeTarget, CountsFromHeadBaseOrARevision) {
  const auto& graph = merged();
  EXPECT_EQ(upgrade_plan(graph, {}, "head-1"), (Ids{"a", "b", "c", "d", "e"}));
  EXPECT_EQ(upgrade_plan(graph, {}, "base+2"), (Ids{"a", "b"}));
  EXPECT_EQ(upgrade_plan(graph, {"a"}, "c-1"), Ids{"b"});
  EXPECT_EQ(downgrade_plan(graph, {"f"}, "head-1"), Ids{"f"});
  EXPECT_EQ(downgrade_plan(graph, {"f"}, "a+1"), (Ids{"f", "e", "d", "c"}));
  EXPECT_EQ(downgrade_plan(graph, {"f"}, "base+1"), (Ids{"f", "e", "d", "c", "b"}));
  EXPECT_EQ(usage_error(graph, {}, "a-1", true),
            "'a-1' is below the base 'a': nothing to upgrade to; 'dbmigrate downgrade a-1' "
            "reverts to it");
  EXPECT_EQ(usage_error(graph, {"f"}, "head-2", false),
            "cannot downgrade 'head-2': revision 'e' merges c, d; name the revision to downgrade "
            "to instead");
  EXPECT_EQ(usage_error(graph, {"f"}, "base-1", false),
            "cannot downgrade 'base-1': nothing is below the base");
}

}  // namespace
}  // namespace dbmigrate
