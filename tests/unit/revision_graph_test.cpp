// RevisionGraph: structure queries, deterministic order, validation errors and prefix lookup,
// on graphs written inline.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "dbmigrate/revision.hpp"
#include "revision_builder.hpp"

namespace dbmigrate {
namespace {

using testing::expect_throw;
using testing::graph_of;
using testing::Ids;
using testing::revisions_of;

TEST(RevisionGraph, Linear_OrderHeadsBasesChildren) {
  const auto graph = graph_of({"c:b", "a:", "b:a"});
  EXPECT_EQ(graph.ordered(), (Ids{"a", "b", "c"}));
  EXPECT_EQ(graph.heads(), Ids{"c"});
  EXPECT_EQ(graph.bases(), Ids{"a"});
  EXPECT_EQ(graph.children("a"), Ids{"b"});
  EXPECT_EQ(graph.children("c"), Ids{});
  EXPECT_EQ(graph.position("b"), 1u);
  EXPECT_EQ(graph.revisions()[2].id, "c");
  EXPECT_TRUE(graph.branch_points().empty());
  EXPECT_TRUE(graph.merge_points().empty());
}

TEST(RevisionGraph, BranchAndMerge_PointsAndOrder) {
  const auto graph = graph_of({"a:", "b:a", "c:b", "d:b", "e:c,d", "f:e"});
  EXPECT_EQ(graph.ordered(), (Ids{"a", "b", "c", "d", "e", "f"}));
  EXPECT_EQ(graph.children("b"), (Ids{"c", "d"}));
  EXPECT_EQ(graph.branch_points(), Ids{"b"});
  EXPECT_EQ(graph.merge_points(), Ids{"e"});
  EXPECT_EQ(graph.heads(), Ids{"f"});
}

TEST(RevisionGraph, Order_ListsABranchWholeBeforeItsSiblingWhateverTheInputOrder) {
  auto revisions = revisions_of({"a:", "b:a", "c:a", "d:b", "e:c", "x:", "y:x"});
  std::mt19937 shuffle_seed(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(revisions.begin(), revisions.end(), shuffle_seed);
    const RevisionGraph graph(revisions);
    EXPECT_EQ(graph.ordered(), (Ids{"a", "b", "d", "c", "e", "x", "y"}));
    EXPECT_EQ(graph.heads(), (Ids{"d", "e", "y"}));
    EXPECT_EQ(graph.bases(), (Ids{"a", "x"}));
  }
}

TEST(RevisionGraph, Empty_HasNothing) {
  const RevisionGraph graph(std::vector<Revision>{});
  EXPECT_TRUE(graph.empty());
  EXPECT_TRUE(graph.heads().empty());
  EXPECT_TRUE(graph.ordered().empty());
}

TEST(RevisionGraph, Cycle_NamesTheIdsAroundIt) {
  const auto error = expect_throw<RevisionGraphError>([] {
    (void)graph_of({"a:", "b:a,d", "c:b", "d:c"});
  });
  EXPECT_EQ(error.reason(), GraphErrorReason::cycle);
  EXPECT_EQ(error.kind(), ErrorKind::input);
  EXPECT_EQ(error.ids(), (Ids{"b", "d", "c"}));
  EXPECT_EQ(std::string(error.what()),
            "the revisions form a cycle: b -> d -> c -> b (each revises the next); correct the "
            "'-- Revises:' header of one of them");
}

TEST(RevisionGraph, Cycle_LeavesOutRevisionsThatOnlyHangOffIt) {
  const auto error = expect_throw<RevisionGraphError>([] {
    (void)graph_of({"a:", "z:x", "y:x", "x:y"});
  });
  EXPECT_EQ(error.ids(), (Ids{"x", "y"}));
  const auto self = expect_throw<RevisionGraphError>([] { (void)graph_of({"a:a"}); });
  EXPECT_EQ(self.ids(), Ids{"a"});
  EXPECT_EQ(std::string(self.what()).substr(0, 35), "the revisions form a cycle: a -> a ");
}

TEST(RevisionGraph, MissingParent_NamesTheFileAndTheMissingId) {
  auto revisions = revisions_of({"a:", "b:zz"});
  revisions[1].path = "migrations/versions/b_x.sql";
  const auto error = expect_throw<RevisionGraphError>([&] { RevisionGraph graph(revisions); });
  EXPECT_EQ(error.reason(), GraphErrorReason::missing_parent);
  EXPECT_EQ(error.ids(), (Ids{"b", "zz"}));
  EXPECT_EQ(std::string(error.what()),
            "migrations/versions/b_x.sql: revision 'b' revises 'zz', which does not exist; "
            "restore the missing revision file or correct the '-- Revises:' header");
}

TEST(RevisionGraph, DuplicateIdAndRepeatedParentAreRejected) {
  const auto duplicate = expect_throw<RevisionGraphError>([] {
    (void)graph_of({"a:", "b:a", "a:"});
  });
  EXPECT_EQ(duplicate.reason(), GraphErrorReason::duplicate_id);
  EXPECT_EQ(duplicate.ids(), Ids{"a"});
  EXPECT_EQ(std::string(duplicate.what()), "duplicate revision id 'a'; give one of them a new id");
  const auto repeated = expect_throw<Error>([] { (void)graph_of({"a:", "b:a,a"}); });
  EXPECT_EQ(std::string(repeated.what()),
            "revision 'b' lists 'a' twice in '-- Revises:'; list each parent once");
}

TEST(RevisionGraph, Find_ExactIdUniquePrefixAmbiguousAndUnknown) {
  const auto graph = graph_of({"ab:", "ab12:ab", "ab34:ab12", "c5:ab34"});
  EXPECT_EQ(graph.find("ab").id, "ab");  // exact beats being a prefix of others
  EXPECT_EQ(graph.find("ab1").id, "ab12");
  EXPECT_EQ(graph.find("c").id, "c5");
  EXPECT_TRUE(graph.contains("ab34"));
  EXPECT_FALSE(graph.contains("ab3"));

  const auto ambiguous = expect_throw<RevisionGraphError>([&] { (void)graph.find("a"); });
  EXPECT_EQ(ambiguous.reason(), GraphErrorReason::ambiguous_prefix);
  EXPECT_EQ(ambiguous.ids(), (Ids{"ab", "ab12", "ab34"}));
  EXPECT_EQ(std::string(ambiguous.what()),
            "ambiguous revision 'a': it starts ab, ab12, ab34; give more of the id");

  const auto unknown = expect_throw<RevisionGraphError>([&] { (void)graph.find("zz"); });
  EXPECT_EQ(unknown.reason(), GraphErrorReason::unknown_revision);
  EXPECT_EQ(unknown.ids(), Ids{"zz"});
  EXPECT_EQ(std::string(unknown.what()),
            "unknown revision 'zz'; 'dbmigrate history' lists the revisions");
  EXPECT_THROW((void)graph.find(""), RevisionGraphError);
  EXPECT_THROW((void)graph.at("ab1"), RevisionGraphError);  // at() takes exact ids only
}

TEST(RevisionGraph, Find_ListsAtMostTenCandidates) {
  std::vector<Revision> revisions;
  for (int i = 0; i < 12; ++i) revisions.push_back({.id = fmt::format("p{:02}", i)});
  const RevisionGraph graph(revisions);
  const auto error = expect_throw<RevisionGraphError>([&] { (void)graph.find("p"); });
  EXPECT_EQ(error.ids().size(), 12u);
  EXPECT_EQ(std::string(error.what()),
            "ambiguous revision 'p': it starts p00, p01, p02, p03, p04, p05, p06, p07, p08, p09 "
            "and 2 more; give more of the id");
}

// Deep graphs must not recurse: 20,000 revisions in one line, given newest first. (How fast
// long histories load and plan is measured in bench/, not here.)
TEST(RevisionGraph, LongChain_BuildsPlansAndStepsWithoutRecursion) {
  constexpr int count = 20'000;
  std::vector<Revision> revisions;
  for (int i = count - 1; i >= 0; --i) {
    Revision revision{.id = fmt::format("r{:05}", i)};
    if (i > 0) revision.parents = {fmt::format("r{:05}", i - 1)};
    revisions.push_back(std::move(revision));
  }
  const RevisionGraph graph(std::move(revisions));
  EXPECT_EQ(graph.size(), static_cast<std::size_t>(count));
  EXPECT_EQ(graph.ordered().front(), "r00000");
  EXPECT_EQ(graph.ordered().back(), "r19999");
  EXPECT_EQ(graph.heads(), Ids{"r19999"});

  const auto up = upgrade_plan(graph, {}, "head");
  EXPECT_EQ(up, graph.ordered());
  std::vector<std::string> heads;
  for (const auto& id : up) heads = heads_after_upgrade(graph, std::move(heads), id);
  EXPECT_EQ(heads, Ids{"r19999"});

  const auto down = downgrade_plan(graph, heads, "-20000");
  EXPECT_EQ(down.size(), static_cast<std::size_t>(count));
  EXPECT_EQ(down.front(), "r19999");
  EXPECT_EQ(down.back(), "r00000");
  EXPECT_EQ(downgrade_plan(graph, heads, "base"), down);
  EXPECT_EQ(downgrade_plan(graph, heads, "r00001"), Ids(down.begin(), down.end() - 2));
  for (const auto& id : down) heads = heads_after_downgrade(graph, std::move(heads), id);
  EXPECT_TRUE(heads.empty());
}

}  // namespace
}  // namespace dbmigrate
