// What the runner decides under the lock, on graphs written inline: which revisions are
// applied, whether one still has to run, and what a stamp leaves.
#include <gtest/gtest.h>

#include "revision_builder.hpp"
#include "runner/applied.hpp"

namespace dbmigrate::testing {
namespace {

using runner::Direction;

// a -> b -> c, and a -> d.
RevisionGraph branched() { return graph_of({"a", "b:a", "c:b", "d:a"}); }

TEST(RunnerApplied, AppliedMask_HeadsAndAncestors_UnknownHeadsIgnored) {
  const auto graph = branched();
  const auto mask = runner::applied_mask(graph, {"b", "zzz"});
  EXPECT_TRUE(mask[graph.position("a")]);
  EXPECT_TRUE(mask[graph.position("b")]);
  EXPECT_FALSE(mask[graph.position("c")]);
  EXPECT_FALSE(mask[graph.position("d")]);
}

TEST(RunnerApplied, StillNeeded_Upgrade_SkipsAppliedRefusesMissingParent) {
  const auto graph = branched();
  EXPECT_TRUE(runner::still_needed(graph, {"b"}, graph.at("c"), Direction::upgrade));
  EXPECT_FALSE(runner::still_needed(graph, {"c"}, graph.at("b"), Direction::upgrade));
  EXPECT_FALSE(runner::still_needed(graph, {"c"}, graph.at("c"), Direction::upgrade));
  const auto error = expect_throw<Error>(
      [&] { (void)runner::still_needed(graph, {"a"}, graph.at("c"), Direction::upgrade); });
  EXPECT_EQ(error.kind(), ErrorKind::check);
  EXPECT_NE(std::string(error.what()).find("its parent b is no longer applied"),
            std::string::npos);
}

TEST(RunnerApplied, StillNeeded_Downgrade_SkipsRevertedRefusesNonHead) {
  const auto graph = branched();
  EXPECT_TRUE(runner::still_needed(graph, {"c", "d"}, graph.at("c"), Direction::downgrade));
  EXPECT_FALSE(runner::still_needed(graph, {"b"}, graph.at("c"), Direction::downgrade));
  EXPECT_THROW((void)runner::still_needed(graph, {"c"}, graph.at("b"), Direction::downgrade),
               Error);
}

TEST(RunnerApplied, HeadsAfterStamp_ReplacesOwnLineKeepsOtherBranch) {
  const auto graph = branched();
  EXPECT_EQ(runner::heads_after_stamp(graph, {"c", "d"}, "b"), (Ids{"b", "d"}));
  EXPECT_EQ(runner::heads_after_stamp(graph, {"b"}, "d"), (Ids{"b", "d"}));
  EXPECT_EQ(runner::heads_after_stamp(graph, {"c", "d"}, "a"), Ids{"a"});
  EXPECT_EQ(runner::heads_after_stamp(graph, {"gone"}, "c"), Ids{"c"});
}

}  // namespace
}  // namespace dbmigrate::testing
