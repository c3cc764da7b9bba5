// Text as a checkout with git's autocrlf writes it: every LF preceded by a CR.
#pragma once

#include <string>
#include <string_view>

namespace dbmigrate {

inline std::string crlf(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

}  // namespace dbmigrate
