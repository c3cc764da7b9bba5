// Which tables depend on which: foreign keys for table order, names in view and trigger SQL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate {

// `tables` ordered so that a table comes after the tables its foreign keys reference
// (self-references and cycles aside). Iterative: any depth.
[[nodiscard]] std::vector<const Table*> referenced_first(std::vector<const Table*> tables);

// Whether `sql` names `identifier` as a whole word, in any case, bare or double-quoted (with
// its quotes doubled). Errs on the side of yes: a view that only seems to mention a table
// is merely recreated.
[[nodiscard]] bool mentions(std::string_view sql, std::string_view identifier);

// `views` ordered so that a view comes after the views it mentions (cycles aside).
[[nodiscard]] std::vector<const View*> mentioned_first(std::vector<const View*> views);

}  // namespace dbmigrate
