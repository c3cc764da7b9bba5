// Reading a PostgreSQL URL before libpq does: DbMigrate's own `schema=`, the checks that give a
// clear message (libpq's would quote the URL, password included), and the password to keep out
// of every message.
#include "dialect/postgresql/database_url.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "dbmigrate/dialect_registry.hpp"
#include "dbmigrate/error.hpp"

namespace dbmigrate::postgresql {
namespace {

constexpr std::string_view example = "postgresql://user:password@host:port/dbname";

[[noreturn]] void malformed(const std::string& url, std::string_view why) {
  throw Error(ErrorKind::input, fmt::format("malformed PostgreSQL URL '{}': {} (expected {}, "
                                            "see docs/postgresql.md)",
                                            masked_url(url), why, example));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower >= 'a' && lower <= 'f') return lower - 'a' + 10;
  return -1;
}

// nullopt for a '%' not followed by two hex digits.
std::optional<std::string> percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int high = hex_value(text[i + 1]);
    const int low = hex_value(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

void add_secret(std::vector<std::string>& secrets, std::string_view raw,
                const std::optional<std::string>& decoded) {
  // One-character passwords would turn every message to stars; they are no secret anyway.
  if (raw.size() > 1) secrets.emplace_back(raw);
  if (decoded && decoded->size() > 1 && *decoded != raw) secrets.push_back(*decoded);
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

// host[:port], [v6]:port, several of them comma-separated; empty for libpq's default.
void check_hosts(const std::string& url, std::string_view hosts) {
  std::size_t start = 0;
  while (start <= hosts.size()) {
    const auto end = std::min(hosts.find(',', start), hosts.size());
    auto host = hosts.substr(start, end - start);
    std::string_view port;
    if (!host.empty() && host.front() == '[') {
      const auto close = host.find(']');
      if (close == std::string_view::npos) malformed(url, "an IPv6 host lacks its closing ']'");
      if (close + 1 < host.size()) {
        if (host[close + 1] != ':') malformed(url, "after an IPv6 host's ']' comes ':port'");
        port = host.substr(close + 2);
        if (port.empty()) malformed(url, "the port after ':' is empty");
      }
    } else if (const auto colon = host.rfind(':'); colon != std::string_view::npos) {
      port = host.substr(colon + 1);
      if (port.empty()) malformed(url, "the port after ':' is empty");
    }
    if (!port.empty() && !all_digits(port)) malformed(url, "the port is not a number");
    start = end + 1;
  }
}

}  // namespace

ConnectionTarget connection_target(const std::string& url) {
  const auto scheme_end = url.find("://");
  const auto scheme = url.substr(0, scheme_end);
  if (scheme_end == std::string::npos || (scheme != "postgresql" && scheme != "postgres"))
    malformed(url, "it does not start with postgresql:// or postgres://");
  ConnectionTarget target{.conninfo = {}, .schema = {}, .shown = masked_url(url), .secrets = {}};

  const auto rest = std::string_view(url).substr(scheme_end + 3);
  const auto query_start = std::min(rest.find('?'), rest.size());
  const auto before_query = rest.substr(0, query_start);
  // The user info ends at the last '@' before the query: a password may hold an '@' that was
  // not percent-encoded, and libpq cuts at the first, so that is refused below.
  const auto at = before_query.rfind('@');
  std::string_view location = before_query;
  if (at != std::string_view::npos) {
    const auto user_info = before_query.substr(0, at);
    location = before_query.substr(at + 1);
    const auto colon = user_info.find(':');
    if (colon != std::string_view::npos) {
      const auto password = user_info.substr(colon + 1);
      add_secret(target.secrets, password, percent_decoded(password));
    }
    if (user_info.find_first_of("/@") != std::string_view::npos)
      malformed(url, "a user name or password holds '/' or '@': percent-encode it (%2F, %40)");
    if (!percent_decoded(user_info))
      malformed(url, "a '%' in the user info is not followed by two hex digits");
  }
  if (!percent_decoded(location)) malformed(url, "a '%' is not followed by two hex digits");
  check_hosts(url, location.substr(0, std::min(location.find('/'), location.size())));

  std::string kept;  // the query parameters for libpq
  if (query_start < rest.size()) {
    auto query = rest.substr(query_start + 1);
    std::size_t start = 0;
    while (start <= query.size()) {
      const auto end = std::min(query.find('&', start), query.size());
      const auto parameter = query.substr(start, end - start);
      start = end + 1;
      if (parameter.empty()) continue;
      const auto equals = parameter.find('=');
      if (equals == std::string_view::npos)
        malformed(url,
                  fmt::format("the query parameter '{}' has no '=value'", parameter.substr(0, 40)));
      const auto key = parameter.substr(0, equals);
      const auto value = parameter.substr(equals + 1);
      const auto decoded = percent_decoded(value);
      if (key == "password") add_secret(target.secrets, value, decoded);
      if (!decoded) malformed(url, "a '%' in the query is not followed by two hex digits");
      if (key == "schema") {
        if (decoded->empty()) malformed(url, "'schema=' names no schema");
        target.schema = *decoded;
        continue;
      }
      kept += kept.empty() ? "?" : "&";
      kept += parameter;
    }
  }
  target.conninfo = fmt::format("{}://{}{}", scheme, before_query, kept);
  return target;
}

std::string without_secrets(std::string text, const std::vector<std::string>& secrets) {
  for (const auto& secret : secrets) {
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3))
      text.replace(at, secret.size(), "***");
  }
  return text;
}

}  // namespace dbmigrate::postgresql
