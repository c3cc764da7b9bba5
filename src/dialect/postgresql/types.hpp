// Portable column types (docs/types.md) <-> PostgreSQL types.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dbmigrate::postgresql {

// The snapshot type of a PostgreSQL type as a schema spells it or format_type() prints it:
// the portable type when there is one (`character varying(40)` -> `varchar(40)`, `int8` ->
// `bigint`, `bytea` -> `blob`), otherwise PostgreSQL's own type in one canonical lower-case
// spelling (`timestamp with time zone` -> `timestamptz`, `_int4` / `int[]` -> `integer[]`,
// `uuid`, `jsonb`, `numeric(12,2)[]`). Any other name comes back lower-cased as it is.
[[nodiscard]] std::string portable_type(std::string_view declared);

// The PostgreSQL type a migration declares for a snapshot type: `double` -> `double precision`,
// `blob` -> `bytea`, `varchar(40)` -> `varchar(40)`, a PostgreSQL type as it is. `spelling`,
// when the schema kept the author's own (`INT4`), is used when it means the same type.
// Throws Error(input) for a type PostgreSQL does not have (SQLite's `any` among them).
[[nodiscard]] std::string declared_type(std::string_view type,
                                        std::optional<std::string_view> spelling = {});

// Why PostgreSQL cannot declare `type`; empty when it can.
[[nodiscard]] std::string type_problem(std::string_view type);

// Whether changing a column from `from` to `to` keeps every stored value's bytes, so that
// ALTER COLUMN ... TYPE neither rewrites the table nor rebuilds its indexes (varchar(n) to a
// longer varchar or text, numeric(p,s) to a wider precision of the same scale).
[[nodiscard]] bool binary_coercible(std::string_view from, std::string_view to);

// Whether the type is an integer type that can be an identity column.
[[nodiscard]] bool is_integer_type(std::string_view type);

}  // namespace dbmigrate::postgresql
