// Relative revision names and the walks along a single line of revisions they stand for.
#include "revision/relative_steps.hpp"

#include <fmt/format.h>

#include <charconv>

namespace dbmigrate::revision_steps {
namespace {

[[noreturn]] void bad_name(const std::string& message) { throw Error(ErrorKind::usage, message); }

std::string listed(const std::vector<std::string>& ids) {
  return fmt::format("{}", fmt::join(ids, ", "));
}

// "name the revision to upgrade to instead", "name the revision to show instead".
std::string advice(const Walk& walk) {
  const bool moves = walk.verb == "upgrade" || walk.verb == "downgrade" || walk.verb == "stamp";
  return fmt::format("name the revision to {}{} instead", walk.verb, moves ? " to" : "");
}

}  // namespace

std::optional<Relative> relative_name(std::string_view name) {
  const auto at = name.find_first_of("+-");
  if (at == std::string_view::npos) return std::nullopt;
  const auto digits = name.substr(at + 1);
  std::size_t steps = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), steps);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() ||
      steps == 0) {
    bad_name(
        fmt::format("bad target '{}': a relative target is '{}N' or '<revision>{}N' "
                    "with N a positive number",
                    name, name[at], name[at]));
  }
  return Relative{name.substr(0, at), name[at], steps};
}

std::string named_revision(const RevisionGraph& graph, std::string_view base, const Walk& walk) {
  if (base != "head") return graph.find(base).id;
  if (graph.empty()) bad_name(fmt::format("cannot {} '{}': there are no revisions", walk.verb,
                                          walk.target));
  if (graph.heads().size() > 1) {
    throw RevisionGraphError(
        GraphErrorReason::multiple_heads, graph.heads(),
        fmt::format("'{}' is ambiguous: the revisions have several heads {}; name one of them",
                    walk.target, listed(graph.heads())));
  }
  return graph.heads().front();
}

std::string walk_up(const RevisionGraph& graph, std::string start, std::size_t steps,
                    const Walk& walk) {
  for (std::size_t step = 0; step < steps; ++step) {
    const auto& children = graph.children(start);
    if (children.empty()) {
      bad_name(fmt::format("cannot {} '{}': it goes {} step(s) past the head '{}'", walk.verb,
                           walk.target, steps - step, start));
    }
    if (children.size() > 1) {
      bad_name(fmt::format("cannot {} '{}': revision '{}' branches into {}; {}", walk.verb,
                           walk.target, start, listed(children), advice(walk)));
    }
    start = children.front();
  }
  return start;
}

Below walk_down(const RevisionGraph& graph, std::string start, std::size_t steps,
                const Walk& walk) {
  for (std::size_t step = 0; step < steps; ++step) {
    const auto& parents = graph.at(start).parents;
    if (parents.empty() && step + 1 == steps) return {std::move(start), true};
    if (parents.empty()) {
      bad_name(fmt::format("cannot {} '{}': it goes {} step(s) below the base '{}'", walk.verb,
                           walk.target, steps - step - 1, start));
    }
    if (parents.size() > 1) {
      bad_name(fmt::format("cannot {} '{}': revision '{}' merges {}; {}", walk.verb, walk.target,
                           start, listed(parents), advice(walk)));
    }
    start = parents.front();
  }
  return {std::move(start), false};
}

Below resolve_relative(const RevisionGraph& graph, const Relative& relative, const Walk& walk) {
  if (relative.base == "base") {
    if (relative.sign == '-') {
      bad_name(fmt::format("cannot {} '{}': nothing is below the base", walk.verb, walk.target));
    }
    if (graph.empty()) {
      bad_name(fmt::format("cannot {} '{}': there are no revisions", walk.verb, walk.target));
    }
    if (graph.bases().size() > 1) {
      bad_name(fmt::format("'{}' is ambiguous: the revisions have several bases {}; {}",
                           walk.target, listed(graph.bases()), advice(walk)));
    }
    return {walk_up(graph, graph.bases().front(), relative.steps - 1, walk), false};
  }
  auto start = named_revision(graph, relative.base, walk);
  if (relative.sign == '+') return {walk_up(graph, std::move(start), relative.steps, walk), false};
  return walk_down(graph, std::move(start), relative.steps, walk);
}

}  // namespace dbmigrate::revision_steps
