// Relative revision names (`+N`, `-N`, `<name>+N`, `<name>-N`) and the single-line walks they
// stand for, shared by the upgrade/downgrade targets and by the names `show`, `stamp` and
// `history -r` take (docs/cli.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "dbmigrate/revision.hpp"

namespace dbmigrate::revision_steps {

// What a message says the walk was for: "cannot <verb> '<target>': ..." and, at a branch or a
// merge, "name the revision <advice> instead".
struct Walk {
  std::string_view target;  // the name as the user wrote it
  std::string_view verb;    // "upgrade", "downgrade", "show", "stamp", "list"
};

// `+N`, `-N`, `<base>+N`, `<base>-N`; nullopt for a name without a sign. Throws Error(usage)
// when the part after the sign is not a positive number.
struct Relative {
  std::string_view base;  // empty: from the current heads (upgrade/downgrade) or the range's end
  char sign;
  std::size_t steps;
};
[[nodiscard]] std::optional<Relative> relative_name(std::string_view name);

// The revision `base` names: `head` (the one head), a revision id or unique prefix. `base` is
// not a revision; callers that accept it as a start handle it themselves.
[[nodiscard]] std::string named_revision(const RevisionGraph& graph, std::string_view base,
                                         const Walk& walk);

// Follows the single child `steps` times.
[[nodiscard]] std::string walk_up(const RevisionGraph& graph, std::string start, std::size_t steps,
                                  const Walk& walk);

// The revision `steps` single-parent steps below `start`; when the last step goes below a base,
// that base with `below` set.
struct Below {
  std::string revision;
  bool below = false;
};
[[nodiscard]] Below walk_down(const RevisionGraph& graph, std::string start, std::size_t steps,
                              const Walk& walk);

// `<base>+N` or `<base>-N` with a named base (`head`, `base`, a revision) as one revision:
// `base+1` is the first revision, `head-1` the head's parent; `below` when the walk ends below a
// base (`a-1` for the base `a`: nothing applied). Throws Error(usage) for a walk that leaves the
// graph otherwise or meets a branch or a merge.
[[nodiscard]] Below resolve_relative(const RevisionGraph& graph, const Relative& relative,
                                     const Walk& walk);

}  // namespace dbmigrate::revision_steps
