// The needs headers: the revision writer says what a section needs (foreign keys off, a backup
// first) and which dialect it was written for, so that the runner reads it instead of looking
// for the renderer's comments and pragmas in the SQL.
#include "revision/section_needs.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "dbmigrate/revision.hpp"
#include "revision/section_text.hpp"

namespace dbmigrate {
namespace {

constexpr std::string_view dialect_key = "Dialect";
constexpr std::string_view foreign_keys_key = "Foreign Keys";  // after "Upgrade " / "Downgrade "
constexpr std::string_view destructive_key = "Destructive";
constexpr std::string_view transaction_key = "Transaction";
constexpr std::string_view foreign_keys_off = "off";
constexpr std::string_view destructive_yes = "yes";
constexpr std::string_view transaction_none = "none";

std::string section_key(std::string_view section, std::string_view need) {
  return fmt::format("{} {}", section == "upgrade" ? "Upgrade" : "Downgrade", need);
}

bool is_section_key(std::string_view key, std::string_view need) {
  return key == section_key("upgrade", need) || key == section_key("downgrade", need);
}

// A dialect's name: lower-case letters, digits and '_', as Dialect::name() spells it.
bool is_dialect_name(std::string_view value) {
  return !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// `-- Upgrade Transaction: none`, read with or without `-- Dialect:`: only a person writes it.
bool runs_outside_transaction(const Revision& revision, std::string_view section) {
  const auto key = section_key(section, transaction_key);
  return std::any_of(revision.headers.begin(), revision.headers.end(), [&](const auto& header) {
    return header.key == key && header.value == transaction_none;
  });
}

}  // namespace

namespace revision_header {

std::string needs_problem(std::string_view key, std::string_view value) {
  if (key == dialect_key && !is_dialect_name(value)) {
    return fmt::format("'-- {}: {}' is not a dialect's name (such as 'sqlite')", key, value);
  }
  if (is_section_key(key, foreign_keys_key) && value != foreign_keys_off && value != "on") {
    return fmt::format("'-- {}: {}' says neither 'off' nor 'on'", key, value);
  }
  if (is_section_key(key, destructive_key) && value != destructive_yes && value != "no") {
    return fmt::format("'-- {}: {}' says neither 'yes' nor 'no'", key, value);
  }
  if (is_section_key(key, transaction_key) && value != transaction_none) {
    return fmt::format(
        "'-- {}: {}' is not 'none' (the only value: without the header the section runs in its "
        "revision's transaction)",
        key, value);
  }
  return {};
}

}  // namespace revision_header

HeaderField dialect_header(std::string_view dialect) {
  return {std::string(dialect_key), std::string(dialect)};
}

std::string revision_dialect(const Revision& revision) {
  for (const auto& header : revision.headers) {
    if (header.key == dialect_key) return header.value;
  }
  return {};
}

std::vector<HeaderField> needs_headers(std::string_view section, const SectionNeeds& needs) {
  std::vector<HeaderField> headers;
  if (needs.foreign_keys_off) {
    headers.push_back({section_key(section, foreign_keys_key), std::string(foreign_keys_off)});
  }
  if (needs.destructive) {
    headers.push_back({section_key(section, destructive_key), std::string(destructive_yes)});
  }
  if (needs.no_transaction) {
    headers.push_back({section_key(section, transaction_key), std::string(transaction_none)});
  }
  return headers;
}

std::optional<SectionNeeds> written_needs(const Revision& revision, std::string_view section) {
  if (revision_dialect(revision).empty()) return std::nullopt;
  const auto foreign_keys = section_key(section, foreign_keys_key);
  const auto destructive = section_key(section, destructive_key);
  SectionNeeds needs{.no_transaction = runs_outside_transaction(revision, section)};
  for (const auto& header : revision.headers) {
    if (header.key == foreign_keys) needs.foreign_keys_off = header.value == foreign_keys_off;
    if (header.key == destructive) needs.destructive = header.value == destructive_yes;
  }
  return needs;
}

SectionNeeds section_needs(const Revision& revision, std::string_view section) {
  const std::string& sql = section == "upgrade" ? revision.upgrade_sql : revision.downgrade_sql;
  const bool pragma = section_text::disables_foreign_keys(sql);
  if (auto written = written_needs(revision, section)) {
    written->foreign_keys_off = written->foreign_keys_off || pragma;
    return *written;
  }
  return {.foreign_keys_off = pragma,
          .destructive = section_text::is_destructive(sql),
          .no_transaction = runs_outside_transaction(revision, section)};
}

}  // namespace dbmigrate
