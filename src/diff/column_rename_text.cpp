// A small scanner of SQL expression text: enough to tell names from literals.
#include "diff/column_rename_text.hpp"

#include <cctype>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate {
namespace {

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

bool plain_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    if ((static_cast<unsigned char>(c) & 0x80) != 0) return false;
  }
  return true;
}

std::string spelled(std::string_view name) {
  if (plain_name(name)) return std::string(name);
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The end of the quoted run that starts at `at` with `quote`, a doubled quote inside it.
std::size_t quoted_end(std::string_view sql, std::size_t at, char quote) {
  std::size_t i = at + 1;
  while (i < sql.size()) {
    if (sql[i] == quote) {
      if (i + 1 < sql.size() && sql[i + 1] == quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    ++i;
  }
  return sql.size();
}

// A word followed by '(' names a function, not a column.
bool calls(std::string_view sql, std::size_t end) {
  while (end < sql.size() && std::isspace(static_cast<unsigned char>(sql[end]))) ++end;
  return end < sql.size() && sql[end] == '(';
}

}  // namespace

std::string rename_columns_in(std::string_view sql,
                              const std::map<std::string, std::string>& renames) {
  if (renames.empty()) return std::string(sql);
  auto renamed = [&](std::string_view name) -> const std::string* {
    for (const auto& [from, to] : renames) {
      if (same_identifier(from, name)) return &to;
    }
    return nullptr;
  };
  std::string out;
  out.reserve(sql.size());
  for (std::size_t i = 0; i < sql.size();) {
    const char c = sql[i];
    if (c == '\'') {
      const std::size_t end = quoted_end(sql, i, '\'');
      out.append(sql.substr(i, end - i));
      i = end;
    } else if (c == '"') {
      const std::size_t end = quoted_end(sql, i, '"');
      std::string name;
      for (std::size_t k = i + 1; k + 1 < end; ++k) {
        name += sql[k];
        if (sql[k] == '"') ++k;  // a doubled quote
      }
      const std::string* to = end > i + 1 && sql[end - 1] == '"' ? renamed(name) : nullptr;
      out += to != nullptr ? spelled(*to) : std::string(sql.substr(i, end - i));
      i = end;
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '.' && i + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[i + 1])))) {
      std::size_t end = i + 1;
      while (end < sql.size() && (word_char(sql[end]) || sql[end] == '.' ||
                                  ((sql[end] == '+' || sql[end] == '-') &&
                                   (sql[end - 1] == 'e' || sql[end - 1] == 'E')))) {
        ++end;
      }
      out.append(sql.substr(i, end - i));
      i = end;
    } else if (word_char(c)) {
      std::size_t end = i;
      while (end < sql.size() && word_char(sql[end])) ++end;
      const std::string_view word = sql.substr(i, end - i);
      const bool blob = end < sql.size() && sql[end] == '\'' && (word == "x" || word == "X");
      const std::string* to = blob || calls(sql, end) ? nullptr : renamed(word);
      out += to != nullptr ? spelled(*to) : std::string(word);
      i = end;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

}  // namespace dbmigrate
