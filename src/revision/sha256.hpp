// The portable SHA-256, beside the public sha256_hex() that picks the fastest block function
// this processor runs: the tests compare the two.
#pragma once

#include <string>
#include <string_view>

namespace dbmigrate {

std::string sha256_hex_portable(std::string_view data);

}  // namespace dbmigrate
