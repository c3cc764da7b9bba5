// The names `show` and `stamp` take and the ranges of `history -r`, on one graph with a branch
// and a merge:   a - b - c - e - f
//                      \ d /
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

const RevisionGraph& chain() {
  static const auto graph = graph_of({"a:", "b:a", "c:b", "d:c", "e:d"});
  return graph;
}

std::string usage_error(std::function<void()> action) {
  const auto error = expect_throw<Error>(action);
  EXPECT_EQ(error.kind(), ErrorKind::usage) << error.what();
  return error.what();
}

TEST(RevisionNames, Symbols) {
  EXPECT_EQ(named_revisions(merged(), "head", "show"), Ids{"f"});
  EXPECT_EQ(named_revisions(merged(), "heads", "show"), Ids{"f"});
  EXPECT_EQ(named_revisions(merged(), "base", "show"), Ids{"a"});
  EXPECT_EQ(named_revisions(merged(), "c", "show"), Ids{"c"});
  const auto two = graph_of({"a:", "b:a", "c:a", "x:"});
  EXPECT_EQ(named_revisions(two, "heads", "show"), (Ids{"b", "c", "x"}));
  EXPECT_EQ(named_revisions(two, "base", "show"), (Ids{"a", "x"}));
  const auto error =
      expect_throw<RevisionGraphError>([&] { (void)named_revisions(two, "head", "show"); });
  EXPECT_EQ(error.reason(), GraphErrorReason::multiple_heads);
  EXPECT_EQ(std::string(error.what()),
            "'head' is ambiguous: the revisions have several heads b, c, x; name one of them");
  EXPECT_EQ(usage_error([] { (void)named_revisions(RevisionGraph(), "base", "show"); }),
            "cannot show 'base': there are no revisions");
}

TEST(RevisionNames, StepsFromANamedRevision) {
  EXPECT_EQ(named_revisions(merged(), "head-1", "show"), Ids{"e"});
  EXPECT_EQ(named_revisions(merged(), "f-1", "show"), Ids{"e"});
  EXPECT_EQ(named_revisions(merged(), "base+1", "show"), Ids{"a"});
  EXPECT_EQ(named_revisions(merged(), "base+2", "show"), Ids{"b"});
  EXPECT_EQ(named_revisions(merged(), "c+2", "show"), Ids{"f"});
  EXPECT_EQ(named_revisions(chain(), "b+3", "stamp"), Ids{"e"});
  EXPECT_EQ(named_revisions(chain(), "head-4", "stamp"), Ids{"a"});
}

TEST(RevisionNames, StepsThatLeaveTheLineAreRefused) {
  EXPECT_EQ(usage_error([] { (void)named_revisions(merged(), "head-2", "show"); }),
            "cannot show 'head-2': revision 'e' merges c, d; name the revision to show instead");
  EXPECT_EQ(usage_error([] { (void)named_revisions(merged(), "b+1", "stamp"); }),
            "cannot stamp 'b+1': revision 'b' branches into c, d; name the revision to stamp to "
            "instead");
  EXPECT_EQ(usage_error([] { (void)named_revisions(chain(), "head+1", "show"); }),
            "cannot show 'head+1': it goes 1 step(s) past the head 'e'");
  EXPECT_EQ(usage_error([] { (void)named_revisions(chain(), "b-2", "show"); }),
            "cannot show 'b-2': it goes below the base 'a', where no revision is");
  EXPECT_EQ(usage_error([] { (void)named_revisions(chain(), "b-3", "show"); }),
            "cannot show 'b-3': it goes 1 step(s) below the base 'a'");
  EXPECT_EQ(usage_error([] { (void)named_revisions(chain(), "base-1", "show"); }),
            "cannot show 'base-1': nothing is below the base");
  EXPECT_EQ(usage_error([] { (void)named_revisions(chain(), "-1", "show"); }),
            "cannot show '-1': a step without a revision counts from the database's revision, "
            "which show does not read; name where to count from, e.g. 'head-1' or "
            "'<revision>-1'");
  EXPECT_EQ(usage_error([] { (void)named_revisions(chain(), "head-x", "show"); }),
            "bad target 'head-x': a relative target is '-N' or '<revision>-N' with N a positive "
            "number");
  EXPECT_EQ(expect_throw<RevisionGraphError>([] { (void)named_revisions(chain(), "zz+1", "show"); })
                .reason(),
            GraphErrorReason::unknown_revision);
}

TEST(RevisionRange, BothSidesNamed) {
  const std::optional<Ids> none;
  EXPECT_EQ(revision_range(merged(), ":", none), (Ids{"a", "b", "c", "d", "e", "f"}));
  EXPECT_EQ(revision_range(merged(), "base:head", none), (Ids{"a", "b", "c", "d", "e", "f"}));
  EXPECT_EQ(revision_range(merged(), "b:e", none), (Ids{"b", "c", "d", "e"}));
  EXPECT_EQ(revision_range(merged(), "c:", none), (Ids{"c", "e", "f"}));
  EXPECT_EQ(revision_range(merged(), ":d", none), (Ids{"a", "b", "d"}));
  EXPECT_EQ(revision_range(merged(), "d:c", none), Ids{});  // c does not descend from d
  EXPECT_EQ(revision_range(merged(), "head-1:head", none), (Ids{"e", "f"}));
}

TEST(RevisionRange, CountedSides) {
  const std::optional<Ids> none;
  EXPECT_EQ(revision_range(chain(), "-3:", none), (Ids{"b", "c", "d", "e"}));
  EXPECT_EQ(revision_range(chain(), "-1:d", none), (Ids{"c", "d"}));
  EXPECT_EQ(revision_range(chain(), "-10:", none), (Ids{"a", "b", "c", "d", "e"}));
  EXPECT_EQ(revision_range(chain(), "b:+2", none), (Ids{"b", "c", "d"}));
  EXPECT_EQ(revision_range(chain(), ":+2", none), (Ids{"a", "b"}));
  EXPECT_EQ(revision_range(chain(), "base:+1", none), Ids{"a"});
  EXPECT_EQ(usage_error([] { (void)revision_range(merged(), "-3:", std::nullopt); }),
            "cannot list '-3': revision 'e' merges c, d; name the revision to list instead");
  EXPECT_EQ(usage_error([] { (void)revision_range(chain(), "b:+9", std::nullopt); }),
            "cannot list '+9': it goes 6 step(s) past the head 'e'");
  const auto two = graph_of({"a:", "b:a", "c:a"});
  EXPECT_EQ(usage_error([&] { (void)revision_range(two, "-1:", std::nullopt); }),
            "'-1' in the range '-1:' counts from the end of the range, which is b, c; name one "
            "revision there");
}

TEST(RevisionRange, Current) {
  EXPECT_EQ(revision_range(chain(), "current:", Ids{"c"}), (Ids{"c", "d", "e"}));
  EXPECT_EQ(revision_range(chain(), ":current", Ids{"c"}), (Ids{"a", "b", "c"}));
  EXPECT_EQ(revision_range(chain(), "-1:current", Ids{"c"}), (Ids{"b", "c"}));
  EXPECT_EQ(revision_range(chain(), "current:", Ids{}), (Ids{"a", "b", "c", "d", "e"}));
  EXPECT_EQ(revision_range(chain(), ":current", Ids{}), Ids{});
  EXPECT_EQ(usage_error([] { (void)revision_range(chain(), "current:", std::nullopt); }),
            "the range 'current:' names 'current': give the database with --url");
}

TEST(RevisionRange, MalformedRangesAreRefused) {
  for (const auto* range : {"base", "a:b:c", ""}) {
    EXPECT_EQ(usage_error([&] { (void)revision_range(chain(), range, std::nullopt); }),
              std::string("bad range '") + range +
                  "': a range is START:END, e.g. 'base:head', '-3:' or '<revision>:'");
  }
  EXPECT_EQ(usage_error([] { (void)revision_range(chain(), "-1:+1", std::nullopt); }),
            "bad range '-1:+1': only one side may count from the other");
  EXPECT_EQ(usage_error([] { (void)revision_range(chain(), "+1:", std::nullopt); }),
            "bad range '+1:': the start counts down from the end (-N:END) and the end up from "
            "the start (START:+N)");
}

}  // namespace
}  // namespace dbmigrate
