// Writing revision files: the fixed text layout, the file name, new ids and creation dates.
#include <fmt/format.h>

#include <chrono>
#include <ctime>
#include <random>

#include "dbmigrate/revision.hpp"
#include "diff/printable_line.hpp"
#include "revision/line_ends.hpp"

namespace dbmigrate {
namespace {

constexpr std::size_t max_slug_length = 40;

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// A header value is one line: a message given with `-m` may hold newlines or other control
// characters that would end the header early and turn the rest into SQL. They are shown
// escaped, and the value is trimmed as the parser trims it.
std::string one_line(std::string_view value) {
  std::string out = printable_line(value);
  const auto begin = out.find_first_not_of(' ');
  if (begin == std::string::npos) return {};
  return out.substr(begin, out.find_last_not_of(' ') + 1 - begin);
}

// Sections end with exactly one newline whatever the caller passed, so that formatting a
// parsed revision gives back the same bytes. The parser takes CR LF for a line end (files
// checked out on Windows); a line of SQL that itself ends in CR (inside a string literal, say)
// is written with a second CR, which the parser keeps.
std::string section(std::string_view sql) {
  while (!sql.empty() && sql.back() == '\n') sql.remove_suffix(1);
  return sql.empty() ? std::string() : with_line_end_crs_kept(fmt::format("{}\n", sql));
}

// "key:" alone when empty, so that no line ends in a space.
std::string header_line(std::string_view key, std::string_view raw_value) {
  const std::string value = one_line(raw_value);
  return value.empty() ? fmt::format("-- {}:\n", key) : fmt::format("-- {}: {}\n", key, value);
}

}  // namespace

std::string format_revision(const Revision& revision) {
  std::string out;
  out += header_line("Revision ID", revision.id);
  out += header_line("Revises", fmt::format("{}", fmt::join(revision.parents, ", ")));
  out += header_line("Create Date", revision.create_date);
  out += header_line("Message", revision.message);
  for (const auto& header : revision.headers) out += header_line(one_line(header.key), header.value);
  out += "\n-- migrate:upgrade\n";
  out += section(revision.upgrade_sql);
  out += "\n-- migrate:downgrade\n";
  out += section(revision.downgrade_sql);
  return out;
}

std::string revision_filename(std::string_view id, std::string_view message) {
  std::string slug;
  for (char c : message) {
    if (is_ascii_alnum(c)) {
      slug += ascii_lower(c);
    } else if (!slug.empty() && slug.back() != '_') {
      slug += '_';
    }
    if (slug.size() > max_slug_length) break;  // the cut below never needs more
  }
  if (slug.size() > max_slug_length) slug.resize(max_slug_length);
  while (!slug.empty() && slug.back() == '_') slug.pop_back();
  return slug.empty() ? fmt::format("{}.sql", id) : fmt::format("{}_{}.sql", id, slug);
}

std::string new_revision_id() {
  std::random_device device;
  std::uniform_int_distribution<int> digit(0, 15);
  std::string id;
  for (int i = 0; i < 12; ++i) id += "0123456789abcdef"[digit(device)];
  return id;
}

std::string utc_now_string() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);  // gmtime would share a static buffer between threads
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02}+00:00", utc.tm_year + 1900,
                     utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

}  // namespace dbmigrate
