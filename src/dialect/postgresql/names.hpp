// PostgreSQL names: quoting, the 63-byte limit, and the names PostgreSQL gives constraints
// that the schema leaves unnamed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dbmigrate::postgresql {

// The longest name PostgreSQL keeps (NAMEDATALEN - 1); a longer one is silently cut.
inline constexpr std::size_t max_name_bytes = 63;

// `name` as PostgreSQL's quote_ident() writes it: bare when it is lower case letters, digits,
// `_` and `$` (not first) and no keyword that needs quoting; otherwise in double quotes with
// embedded quotes doubled. Unquoted names fold to lower case in PostgreSQL, so `Users` is quoted.
[[nodiscard]] std::string quote_identifier(std::string_view name);

// Why PostgreSQL cannot keep `name` as it is (empty, longer than 63 bytes, a NUL byte), naming
// it; empty when it can.
[[nodiscard]] std::string name_problem(std::string_view name);
// Throws Error(input) with name_problem() when there is one.
void check_name(std::string_view name);

// The name PostgreSQL chooses for a constraint declared without one (ChooseConstraintName):
// `<table>_<columns joined by _>_<label>`, each part shortened until the whole fits 63 bytes.
// `label` is "key" (UNIQUE), "fkey" (FOREIGN KEY), "check" (CHECK) or "pkey".
[[nodiscard]] std::string default_constraint_name(std::string_view table,
                                                  const std::vector<std::string>& columns,
                                                  std::string_view label);

// Whether `name` is `base` or `base` followed by digits: a name PostgreSQL chose, made unique.
[[nodiscard]] bool is_chosen_name(std::string_view name, std::string_view base);

}  // namespace dbmigrate::postgresql
