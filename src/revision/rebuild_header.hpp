// The rebuild headers of a revision file, for the parser: which keys they are, and reading one
// value (revision.hpp says what they hold).
#pragma once

#include <string_view>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate::revision_header {

// "upgrade" or "downgrade" for `Upgrade Rebuilds` / `Downgrade Rebuilds`; empty for other keys.
[[nodiscard]] std::string_view rebuild_section(std::string_view key);

// Reads one value. Throws Error(input) saying what is wrong with it, without a location.
[[nodiscard]] TableShape parse_table_shape(std::string_view value);

}  // namespace dbmigrate::revision_header
