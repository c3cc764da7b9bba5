// PostgreSQL's names: how one is quoted, and how an unquoted one folds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dbmigrate::postgresql {

// The longest name PostgreSQL keeps, in bytes (NAMEDATALEN - 1); a longer one it truncates.
inline constexpr std::size_t max_identifier_length = 63;

// The name as SQL spells it: bare when PostgreSQL reads it back as the same name (lower case
// letters, digits and '_', not starting with a digit, not a reserved word: as quote_ident()), else
// in double quotes with each '"' doubled, so that "Users" stays Users.
[[nodiscard]] std::string quote_identifier(std::string_view name);

// A string literal: '...' with each quote doubled (standard_conforming_strings is on since 9.1).
[[nodiscard]] std::string quote_literal(std::string_view text);

// What PostgreSQL makes of an unquoted name: ASCII letters folded to lower case.
[[nodiscard]] std::string folded_identifier(std::string_view name);

}  // namespace dbmigrate::postgresql
