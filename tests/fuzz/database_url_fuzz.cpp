// The database URL parser (--url, DATABASE_URL, the URL sources of --from/--to). Any string is
// either refused with an input error or names a database: a SQLite URL
// keeps its path (and query) exactly, a PostgreSQL URL is passed on as it is.
#include <string>

#include "cli/sources.hpp"
#include "dbmigrate/error.hpp"
#include "finding.hpp"

using dbmigrate::fuzz::finding;

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 &&
        hex_digit(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The file a `sqlite:///` URL names and its query, read back from the parsed target.
void check_sqlite(const std::string& url, const std::string& target) {
  if (target.empty()) finding("a SQLite URL names no file", url);
  std::string_view rest = std::string_view(url).substr(std::string_view("sqlite:///").size());
  if (rest.starts_with("file:")) {
    if (target != rest) finding("an SQLite URI in a URL is not passed on as it is", url);
    return;
  }
  rest = rest.substr(0, rest.find('#'));
  const auto question = rest.find('?');
  const auto path = rest.substr(0, question);
  if (question == std::string_view::npos ||
      question + 1 == rest.size()) {  // no query, or `?` alone
    if (target != path) finding("a SQLite URL's path is not kept verbatim", url);
    return;
  }
  std::string_view uri = target;
  if (!uri.starts_with("file:")) finding("a SQLite URL with a query gives no SQLite URI", url);
  uri.remove_prefix(path.starts_with('/') ? 7 : 5);  // file:// before an absolute path
  const auto uri_question = uri.find('?');
  if (uri_question == std::string_view::npos ||
      percent_decoded(uri.substr(0, uri_question)) != path ||
      uri.substr(uri_question + 1) != rest.substr(question + 1)) {
    finding("a SQLite URL's path or query changes in its SQLite URI",
            fmt::format("{}\n{}", url, target));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string url(dbmigrate::fuzz::as_text(data, size));
  (void)dbmigrate::cli::looks_like_url(url);
  (void)dbmigrate::masked_url(url);
  dbmigrate::cli::DatabaseUrl parsed;
  try {
    parsed = dbmigrate::cli::parse_database_url(url);
  } catch (const dbmigrate::Error&) {
    return 0;
  }
  if (parsed.dialect->name() == "sqlite") check_sqlite(url, parsed.target);
  return 0;
}
