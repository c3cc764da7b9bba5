// How the text of a revision file is read whatever editor or checkout wrote it: without a UTF-8
// byte order mark, and with CRLF line ends taken as LF (git's autocrlf writes them).
#pragma once

#include <string_view>

namespace dbmigrate {

// The text after a leading UTF-8 byte order mark, if any.
[[nodiscard]] std::string_view without_bom(std::string_view text);

}  // namespace dbmigrate
