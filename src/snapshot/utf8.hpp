// UTF-8 validation: every text of a snapshot is written as JSON, which holds UTF-8 only.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace dbmigrate {

// The offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF); nothing when the text is valid.
[[nodiscard]] std::optional<std::size_t> invalid_utf8_at(std::string_view text);

}  // namespace dbmigrate
