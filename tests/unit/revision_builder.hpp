// Test helper: revision graphs written inline as "id:parent1,parent2" strings.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/revision.hpp"

namespace dbmigrate::testing {

// "c:a,b" is revision c revising a and b; "a:" (or "a") is a base.
inline Revision revision_of(std::string_view spec) {
  Revision revision;
  const auto colon = spec.find(':');
  revision.id = std::string(spec.substr(0, colon));
  if (colon == std::string_view::npos) return revision;
  auto rest = spec.substr(colon + 1);
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    revision.parents.emplace_back(rest.substr(0, comma));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return revision;
}

inline std::vector<Revision> revisions_of(std::initializer_list<std::string_view> specs) {
  std::vector<Revision> revisions;
  for (const auto spec : specs) revisions.push_back(revision_of(spec));
  return revisions;
}

inline RevisionGraph graph_of(std::initializer_list<std::string_view> specs) {
  return RevisionGraph(revisions_of(specs));
}

using Ids = std::vector<std::string>;

// Runs `action`, which must throw E; returns the error for further checks.
template <typename E, typename F>
E expect_throw(F&& action) {
  try {
    action();
  } catch (const E& error) {
    return error;
  }
  ADD_FAILURE() << "expected an exception";
  throw std::logic_error("no exception");
}

}  // namespace dbmigrate::testing
