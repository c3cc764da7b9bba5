// Column renames inside SQL expressions (CHECK, an index's expression keys and WHERE, a generated
// column), as SQLite and PostgreSQL carry them out themselves on RENAME COLUMN.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace dbmigrate {

// `sql` with every reference to a renamed column spelled with its new name: old -> new, the old
// names compared ignoring ASCII case, all renames at once (a swap is one call). A reference is a
// bare word or a double-quoted name; string literals, blobs, numbers and function names are left
// alone. A new name is written bare when it is a plain name ([A-Za-z_][A-Za-z0-9_]*), else double
// quoted. Where that is not the dialect's canonical spelling (a keyword as a name), the renamed
// text differs from the canonical one and the diff drops and re-adds the constraint, as before.
[[nodiscard]] std::string rename_columns_in(std::string_view sql,
                                            const std::map<std::string, std::string>& renames);

}  // namespace dbmigrate
