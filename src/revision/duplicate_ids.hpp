// One check shared by load_revisions() and RevisionGraph: two files with the same id.
#pragma once

#include <vector>

#include "dbmigrate/revision.hpp"

namespace dbmigrate {

// Throws RevisionGraphError(duplicate_id) naming both files of the first id (in id order) that
// appears twice.
void reject_duplicate_ids(const std::vector<Revision>& revisions);

}  // namespace dbmigrate
