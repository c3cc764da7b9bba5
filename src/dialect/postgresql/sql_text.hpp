// PostgreSQL's canonical SQL text: the one spelling a model, a .sql file and a live database give
// for an expression, a default, a stored view; and the checks that a fragment is one thing of
// its kind.
//
// PostgreSQL keeps no SQL text: it parses each default, CHECK, index predicate and view and
// prints it back from its parse tree (pg_get_expr, pg_get_viewdef), with casts and parentheses
// of its own (`'x'::text`, `(price > (0)::numeric)`) that depend on the columns' types. So the
// canonical text is the server's: canonicalize_on_server() creates the snapshot's tables on a
// scratch schema and reads the text back (docs/postgresql.md, "Canonical SQL text"). The
// per-fragment normalizers only trim, and are the identity on the server's text.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/dialect.hpp"
#include "dbmigrate/snapshot.hpp"
#include "dbmigrate/sql_fragments.hpp"
#include "dialect/postgresql/connection.hpp"

namespace dbmigrate::postgresql {

[[nodiscard]] std::string normalize_expression(std::string_view sql,
                                               const std::vector<std::string>& columns);
[[nodiscard]] std::string normalize_default(std::string_view sql);
// `kind` is "VIEW" or "TRIGGER".
[[nodiscard]] StoredStatement stored_statement(std::string_view kind, std::string_view sql);
[[nodiscard]] std::unique_ptr<SqlFragmentCheck> make_fragment_check();
// What PostgreSQL refuses in a schema that is valid as data; one message a problem, naming the
// table. Names and SQLite-only options are judged here; the rest by creating the schema on a
// scratch schema of the server (scratch_server_url()).
[[nodiscard]] std::vector<std::string> refusals(const Snapshot& schema);

// Every default, generated expression, CHECK, index key and predicate and view of `snapshot` in
// the text the server prints for it, found by creating its tables (without foreign keys) and
// views on `connection`, inside a transaction rolled back at the end. A table or view the
// server refuses keeps its text (refusals() reports it). Idempotent.
void canonicalize_on_server(Snapshot& snapshot, Connection& connection);
// The same on a private scratch schema of the server of scratch_server_url().
void canonicalize_on_server(Snapshot& snapshot);

}  // namespace dbmigrate::postgresql
