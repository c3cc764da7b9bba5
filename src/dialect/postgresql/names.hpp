// PostgreSQL names: the 63-byte limit, and the names PostgreSQL gives constraints that the
// schema leaves unnamed. (Quoting is quote.hpp's.)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dbmigrate::postgresql {

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
