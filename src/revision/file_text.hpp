// How the text of a revision file is read whatever editor or checkout wrote it: without a UTF-8
// byte order mark, and with CRLF line ends taken as LF (git's autocrlf writes them).
#pragma once

#include <filesystem>
#include <string_view>
#include <system_error>

namespace dbmigrate {

// The text after a leading UTF-8 byte order mark, if any.
[[nodiscard]] std::string_view without_bom(std::string_view text);

// Throws Error(input): "<path>: cannot read the file: <why>; check that it exists and is
// readable".
[[noreturn]] void fail_to_read(const std::filesystem::path& path, const std::error_code& error);

}  // namespace dbmigrate
