// The needs headers of a revision file (`-- Dialect:`, `-- Upgrade Foreign Keys:`,
// `-- Upgrade Destructive:`, `-- Upgrade Transaction:` and their downgrade twins), for the parser:
// which keys they are and whether a value is one they may hold (revision.hpp says what they mean).
#pragma once

#include <string>
#include <string_view>

namespace dbmigrate::revision_header {

// What is wrong with `value` for the needs header `key`; empty when it is fine or the key is
// not a needs header.
[[nodiscard]] std::string needs_problem(std::string_view key, std::string_view value);

}  // namespace dbmigrate::revision_header
