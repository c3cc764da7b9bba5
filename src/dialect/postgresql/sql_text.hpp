// PostgreSQL's canonical SQL text: the one spelling a model, a .sql file and a live database give
// for an expression, a default, a stored view; and the checks that a fragment is one thing of
// its kind.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/dialect.hpp"
#include "dbmigrate/snapshot.hpp"
#include "dbmigrate/sql_fragments.hpp"

namespace dbmigrate::postgresql {

[[nodiscard]] std::string normalize_expression(std::string_view sql,
                                               const std::vector<std::string>& columns);
[[nodiscard]] std::string normalize_default(std::string_view sql);
// `kind` is "VIEW" or "TRIGGER".
[[nodiscard]] StoredStatement stored_statement(std::string_view kind, std::string_view sql);
[[nodiscard]] std::unique_ptr<SqlFragmentCheck> make_fragment_check();
// What PostgreSQL refuses in a schema that is valid as data; one message a problem, naming the
// table.
[[nodiscard]] std::vector<std::string> refusals(const Snapshot& schema);

}  // namespace dbmigrate::postgresql
