// Database URLs in messages: never with their password.
#include <string>

#include "dbmigrate/dialect_registry.hpp"

namespace dbmigrate {

std::string masked_url(std::string_view url) {
  std::string out(url);
  const auto scheme_end = out.find("://");
  if (scheme_end == std::string::npos) return out;
  const auto authority = scheme_end + 3;
  // The user info ends at the last '@' before the query: a password holding '/' or '@' that was
  // not percent-encoded is still masked whole.
  const auto query = std::min(out.find_first_of("?#", authority), out.size());
  const auto at = out.rfind('@', query);
  if (at != std::string::npos && at >= authority) {
    if (const auto colon = out.find(':', authority); colon < at)
      out.replace(colon + 1, at - colon - 1, "***");
  }
  // libpq also takes the password as a query parameter.
  for (auto key = out.find("password=", authority); key != std::string::npos;
       key = out.find("password=", key + 1)) {
    if (key > 0 && out[key - 1] != '?' && out[key - 1] != '&') continue;
    const auto value = key + std::string_view("password=").size();
    const auto value_end = std::min(out.find_first_of("&#", value), out.size());
    out.replace(value, value_end - value, "***");
  }
  return out;
}

}  // namespace dbmigrate
