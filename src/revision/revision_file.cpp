// Reading revision files: a line-by-line parser whose errors name `file:line`.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <tuple>

#include "dbmigrate/revision.hpp"
#include "diff/printable_line.hpp"
#include "revision/file_text.hpp"
#include "revision/rebuild_header.hpp"
#include "revision/section_needs.hpp"

namespace dbmigrate {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Ids are written by hand too, so any word is accepted, not just 12 hex digits; what matters is
// that it survives a command line and a file name unquoted.
bool is_valid_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  });
}

// CRLF files (edited on Windows) parse like LF files; section SQL is joined with LF.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  lines.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  while (!text.empty()) {
    const auto end = text.find('\n');
    auto line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

// The text after `--` for a comment line, or nothing for SQL.
std::optional<std::string_view> comment_body(std::string_view line) {
  line = trim(line);
  if (!line.starts_with("--")) return std::nullopt;
  return trim(line.substr(2));
}

// Whether a line of section SQL starts in plain SQL or inside a string literal, a quoted name
// or a block comment opened on an earlier line, with SQLite's quoting rules. A section marker
// counts only in plain SQL: a default, a name or a view body may hold a line that reads
// `-- migrate:downgrade`, and that line is SQL text, not the start of the next section.
class Quoting {
 public:
  bool plain() const { return closer_ == 0; }
  int opened_on() const { return opened_line_; }
  std::string_view what() const {
    switch (closer_) {
      case '\'':
        return "a string literal";
      case '*':
        return "a /* comment";
      default:
        return "a quoted name";
    }
  }

  // Follows the quoting over one line (the line end is never part of a closing quote).
  void scan(std::string_view line, int number) {
    constexpr auto none = std::string_view::npos;
    for (std::size_t i = 0; i < line.size();) {
      if (closer_ == '*') {
        const auto end = line.find("*/", i);
        if (end == none) return;
        closer_ = 0, i = end + 2;
      } else if (closer_ != 0) {
        const auto end = line.find(closer_, i);
        if (end == none) return;
        const bool doubled = closer_ != ']' && end + 1 < line.size() && line[end + 1] == closer_;
        if (!doubled) closer_ = 0;  // a doubled quote stands for itself
        i = end + (doubled ? 2 : 1);
      } else {
        i = line.find_first_of("-/'\"`[", i);
        if (i == none) return;
        const char c = line[i];
        const char next = i + 1 < line.size() ? line[i + 1] : '\0';
        if (c == '-' && next == '-') return;  // a comment to the end of the line
        if (c == '/' && next == '*') {
          closer_ = '*', opened_line_ = number, i += 2;
        } else if (c != '-' && c != '/') {
          closer_ = c == '[' ? ']' : c, opened_line_ = number, ++i;
        } else {
          ++i;
        }
      }
    }
  }

 private:
  char closer_ = 0;  // what ends the quoted text: a quote, ']', or '*' for a block comment
  int opened_line_ = 0;
};

enum class Key { id, revises, create_date, message };
constexpr std::array<std::string_view, 4> key_names = {"Revision ID", "Revises", "Create Date",
                                                       "Message"};

struct HeaderValue {
  int line = 0;  // 0: not seen
  std::string_view value;
};

class Parser {
 public:
  Parser(std::string_view text, std::filesystem::path path)
      : lines_(split_lines(without_bom(text))), path_(std::move(path)) {}

  Revision parse() {
    refuse_nul_bytes();
    enum class Section { header, upgrade, downgrade } section = Section::header;
    for (int number = 1; number <= static_cast<int>(lines_.size()); ++number) {
      const auto line = lines_[number - 1];
      if (!quoting_.plain()) {
        if (comment_body(line).value_or("").starts_with("migrate:")) quoted_marker_ = number;
        quoting_.scan(line, number);
      } else if (const auto marker = section_marker(line, number)) {
        if (*marker == "upgrade") {
          if (upgrade_marker_ != 0) fail(number, duplicate_marker("upgrade", upgrade_marker_));
          if (section == Section::header) finish_header(number);
          upgrade_marker_ = number;
          section = Section::upgrade;
        } else {
          if (downgrade_marker_ != 0) {
            fail(number, duplicate_marker("downgrade", downgrade_marker_));
          }
          if (upgrade_marker_ == 0) {
            fail(number,
                 "'-- migrate:downgrade' comes before '-- migrate:upgrade'; put the upgrade "
                 "section first");
          }
          downgrade_marker_ = number;
          section = Section::downgrade;
        }
      } else if (section == Section::header) {
        header_line(line, number);
      } else {
        quoting_.scan(line, number);
      }
    }
    const int last = std::max(1, static_cast<int>(lines_.size()));
    if (upgrade_marker_ == 0) {
      finish_header(last);
      fail(last,
           "missing '-- migrate:upgrade' section marker; add that line above the upgrade SQL");
    }
    if (downgrade_marker_ == 0 && !quoting_.plain() && quoted_marker_ != 0) {
      fail(quoted_marker_,
           fmt::format("this line is read as part of {} opened on line {} and never closed, "
                       "so the file has no '-- migrate:downgrade' section marker; close it",
                       quoting_.what(), quoting_.opened_on()));
    }
    if (downgrade_marker_ == 0) {
      fail(last,
           "missing '-- migrate:downgrade' section marker; add that line above the downgrade SQL "
           "(it may be empty)");
    }
    std::tie(revision_.upgrade_sql, revision_.upgrade_first_line) =
        section_sql(upgrade_marker_ + 1, downgrade_marker_);
    std::tie(revision_.downgrade_sql, revision_.downgrade_first_line) =
        section_sql(downgrade_marker_ + 1, static_cast<int>(lines_.size()) + 1);
    revision_.path = std::move(path_);  // last: every error above names the file
    return std::move(revision_);
  }

 private:
  [[noreturn]] void fail(int line, std::string_view what) const {
    throw Error(ErrorKind::input, fmt::format("{}:{}: {}", path_.string(), line, what));
  }

  // SQLite stops reading a statement at a NUL byte: the rest of its section would silently
  // not run.
  void refuse_nul_bytes() const {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const auto column = lines_[i].find('\0');
      if (column == std::string_view::npos) continue;
      fail(static_cast<int>(i) + 1,
           fmt::format("NUL byte in column {}; SQLite would stop reading the SQL there. A "
                       "revision file is text: remove the byte (is the file saved as UTF-16, or "
                       "was binary data pasted in?)",
                       column + 1));
    }
  }

  static std::string duplicate_marker(std::string_view name, int first) {
    return fmt::format("second '-- migrate:{}' marker (the first is on line {}); keep one", name,
                       first);
  }

  // "upgrade" or "downgrade" for a marker line; a misspelt marker is an error rather than a
  // comment, or its section's SQL would silently land in the other section.
  std::optional<std::string_view> section_marker(std::string_view line, int number) const {
    const auto body = comment_body(line);
    if (!body || !body->starts_with("migrate:")) return std::nullopt;
    const auto word = trim(body->substr(8));
    if (word != "upgrade" && word != "downgrade") {
      fail(number, fmt::format("unknown section marker '{}'; the markers are "
                               "'-- migrate:upgrade' and '-- migrate:downgrade'",
                               trim(line)));
    }
    return word;
  }

  void header_line(std::string_view line, int number) {
    if (trim(line).empty()) return;
    const auto body = comment_body(line);
    if (!body) {
      fail(number,
           "SQL before '-- migrate:upgrade'; move it into the upgrade or downgrade section");
    }
    for (std::size_t k = 0; k < key_names.size(); ++k) {
      const auto& name = key_names[k];
      if (!body->starts_with(name) || !body->substr(name.size()).starts_with(':')) continue;
      auto& seen = header_[k];
      if (seen.line != 0) {
        fail(number, fmt::format("second '-- {}:' header (the first is on line {}); keep one", name,
                                 seen.line));
      }
      seen = {number, trim(body->substr(name.size() + 1))};
      return;
    }
    further_header(*body, number);
  }

  // `-- Key: value` beyond the fixed keys (revision.hpp); any other comment is the user's and
  // is allowed. Keys this version does not know are kept and not checked.
  void further_header(std::string_view body, int number) {
    const auto colon = body.find(':');
    if (colon == std::string_view::npos || !is_header_key(body.substr(0, colon))) return;
    const auto key = body.substr(0, colon);
    const auto value = trim(body.substr(colon + 1));
    if (!revision_header::rebuild_section(key).empty()) {
      try {
        (void)revision_header::parse_table_shape(value);
      } catch (const Error& error) {
        fail(number, fmt::format("'-- {}:' {}", key, error.what()));
      }
    }
    if (const auto problem = revision_header::needs_problem(key, value); !problem.empty()) {
      fail(number, fmt::format("{}; restore the line as 'dbmigrate migrate' wrote it, or remove it",
                               problem));
    }
    // Shown and written as one printable line, as the fixed keys are: a value read back from
    // the written file is the same.
    revision_.headers.push_back({std::string(key), printable_line(value)});
  }

  static bool is_header_key(std::string_view key) {
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    return !key.empty() && letter(key.front()) && key.back() != ' ' &&
           std::all_of(key.begin(), key.end(), [&](char c) {
             return letter(c) || (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '_';
           });
  }

  const HeaderValue& value(Key key) const { return header_[static_cast<std::size_t>(key)]; }

  // Called where the header ends: `line` is the upgrade marker (or the last line).
  void finish_header(int line) {
    for (std::size_t k = 0; k < key_names.size(); ++k) {
      if (header_[k].line == 0) {
        fail(line, fmt::format("missing '-- {}:' header; add it above '-- migrate:upgrade'",
                               key_names[k]));
      }
    }
    const auto& id = value(Key::id);
    if (id.value.empty()) fail(id.line, "empty '-- Revision ID:'; write the revision's id there");
    if (!is_valid_id(id.value)) {
      fail(id.line, fmt::format("revision id '{}' may hold only letters, digits and '_'; "
                                "choose such an id and start the file name with it",
                                id.value));
    }
    check_file_name(id);
    revision_.id = std::string(id.value);
    revision_.parents = parents(value(Key::revises));
    // Header values are shown on terminals and in comments: one printable line, as written.
    revision_.create_date = printable_line(value(Key::create_date).value);
    revision_.message = printable_line(value(Key::message).value);
  }

  // `<id>_slug.sql` or `<id>.sql`: commands find a revision's file by its id.
  void check_file_name(const HeaderValue& id) const {
    std::string_view name = path_.native();
    if (const auto slash = name.rfind('/'); slash != std::string_view::npos)
      name.remove_prefix(slash + 1);
    if (name.empty()) return;
    const auto rest = name.substr(std::min(name.size(), id.value.size()));
    if (name.starts_with(id.value) && (rest.starts_with('_') || rest.starts_with('.'))) return;
    fail(id.line, fmt::format("revision id '{}' does not match the file name '{}'; rename the "
                              "file to start with '{}_' or correct the id",
                              id.value, name, id.value));
  }

  std::vector<std::string> parents(const HeaderValue& revises) const {
    std::vector<std::string> out;
    if (revises.value.empty()) return out;
    std::string_view rest = revises.value;
    while (true) {
      const auto comma = rest.find(',');
      const auto parent = trim(rest.substr(0, comma));
      if (!is_valid_id(parent)) {
        fail(revises.line,
             fmt::format("'-- Revises:' lists '{}', which is not a revision id; write the "
                         "parent ids separated by ', ' (nothing for the first revision)",
                         parent));
      }
      if (std::find(out.begin(), out.end(), parent) != out.end()) {
        fail(revises.line,
             fmt::format("'-- Revises:' lists '{}' twice; list each parent once", parent));
      }
      out.emplace_back(parent);
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    return out;
  }

  // Lines [begin, end) without leading and trailing blank lines, and the line the SQL starts on.
  std::pair<std::string, int> section_sql(int begin, int end) const {
    while (begin < end && trim(lines_[begin - 1]).empty()) ++begin;
    while (end > begin && trim(lines_[end - 2]).empty()) --end;
    if (begin == end) return {std::string(), begin};
    // Lines are views into the text: without a CR among them the section is one slice of it.
    const char* first = lines_[begin - 1].data();
    const char* last = lines_[end - 2].data() + lines_[end - 2].size();
    const auto slice = std::string_view(first, static_cast<std::size_t>(last - first));
    if (slice.find('\r') == std::string_view::npos) return {std::string(slice), begin};
    std::string sql;
    sql.reserve(slice.size());
    for (int number = begin; number < end; ++number) {
      if (number != begin) sql += '\n';
      sql += lines_[number - 1];
    }
    return {std::move(sql), begin};
  }

  std::vector<std::string_view> lines_;
  std::filesystem::path path_;
  std::array<HeaderValue, 4> header_{};
  int upgrade_marker_ = 0;
  int downgrade_marker_ = 0;
  Quoting quoting_;        // of the section SQL so far
  int quoted_marker_ = 0;  // the last line inside quoted text that reads like a marker
  Revision revision_;
};

}  // namespace

Revision parse_revision(std::string_view text, std::filesystem::path path) {
  return Parser(text, std::move(path)).parse();
}

}  // namespace dbmigrate
