// Keeping CRs at line ends through readers that take CR LF for a line end (see line_ends.hpp).
#include "revision/line_ends.hpp"

namespace dbmigrate {

std::string with_line_end_crs_kept(std::string_view text) {
  if (text.find('\r') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (const char c : text) {
    if (c == '\n' && !out.empty() && out.back() == '\r') out += '\r';
    out += c;
  }
  return out;
}

}  // namespace dbmigrate
