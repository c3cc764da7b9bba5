// Text for readers that take CR LF for a line end, as the revision parser and the sqlite3 shell
// do (a file edited on Windows reads like one written on Linux).
#pragma once

#include <string>
#include <string_view>

namespace dbmigrate {

// `text` with a second CR before every LF that follows a CR, so that such a reader, which drops
// one CR there, reads `text` back unchanged (a string literal of SQL may end a line with CR).
[[nodiscard]] std::string with_line_end_crs_kept(std::string_view text);

}  // namespace dbmigrate
