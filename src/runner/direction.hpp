// Which way a revision runs, and the section of it that runs that way.
#pragma once

#include <string>
#include <string_view>

#include "dbmigrate/revision.hpp"

namespace dbmigrate::runner {

enum class Direction { upgrade, downgrade };

[[nodiscard]] inline std::string_view direction_name(Direction direction) {
  return direction == Direction::upgrade ? "upgrade" : "downgrade";
}

[[nodiscard]] inline const std::string& section_of(const Revision& revision, Direction direction) {
  return direction == Direction::upgrade ? revision.upgrade_sql : revision.downgrade_sql;
}

// The file line the section starts on; 0 when the revision was not read from a file.
[[nodiscard]] inline int first_line_of_section(const Revision& revision, Direction direction) {
  return direction == Direction::upgrade ? revision.upgrade_first_line
                                         : revision.downgrade_first_line;
}

}  // namespace dbmigrate::runner
