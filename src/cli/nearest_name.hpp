// "Did you mean ...?": the one edit distance behind every suggestion the command line makes
// (an unknown command or option, a misspelt build-time parameter in the environment).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dbmigrate::cli {

// The number of single-character insertions, deletions, substitutions and swaps of two
// neighbours that turn `a` into `b` (the optimal-string-alignment distance): a swapped pair,
// the commonest slip ("upgarde"), counts as one.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The name in `names` nearest to `typed`, when it is at most `max_distance` edits away; the
// first of equally near names.
[[nodiscard]] std::optional<std::string> nearest_name(std::string_view typed,
                                                      const std::vector<std::string>& names,
                                                      std::size_t max_distance);

}  // namespace dbmigrate::cli
