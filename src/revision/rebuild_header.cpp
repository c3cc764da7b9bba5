// The rebuild headers: one line of JSON per table a section rebuilds. JSON's string escapes
// keep every name, whatever characters it holds (a newline, a quote, `-- migrate:upgrade`), on
// its one header line; ASCII only, so that no character can hide in a reviewer's terminal.
#include "revision/rebuild_header.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>

#include "dbmigrate/revision.hpp"

namespace dbmigrate {
namespace {

constexpr std::string_view upgrade_key = "Upgrade Rebuilds";
constexpr std::string_view downgrade_key = "Downgrade Rebuilds";

std::string json_string(const std::string& text) {
  try {
    return nlohmann::json(text).dump(-1, ' ', true);
  } catch (const nlohmann::json::exception&) {
    throw Error(ErrorKind::input,
                fmt::format("the name '{}' is not valid UTF-8; rename it in the model", text));
  }
}

std::string json_strings(const std::vector<std::string>& names) {
  std::vector<std::string> items;
  items.reserve(names.size());
  for (const auto& name : names) items.push_back(json_string(name));
  return fmt::format("[{}]", fmt::join(items, ", "));
}

[[noreturn]] void bad_shape(std::string_view what) {
  throw Error(ErrorKind::input,
              fmt::format("{}; the value is one JSON object {{\"table\": \"name\", \"columns\": "
                          "[...], \"indexes\": [...], \"triggers\": [...]}}, as 'dbmigrate "
                          "migrate' writes it: restore that line or remove it",
                          what));
}

std::vector<std::string> names(const nlohmann::json& object, const char* member) {
  const auto found = object.find(member);
  if (found == object.end() || !found->is_array()) {
    bad_shape(fmt::format("\"{}\" is missing or not a list", member));
  }
  std::vector<std::string> out;
  for (const auto& item : *found) {
    if (!item.is_string())
      bad_shape(fmt::format("\"{}\" holds something other than a name", member));
    out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace

namespace revision_header {

std::string_view rebuild_section(std::string_view key) {
  if (key == upgrade_key) return "upgrade";
  if (key == downgrade_key) return "downgrade";
  return {};
}

TableShape parse_table_shape(std::string_view value) {
  const auto json = nlohmann::json::parse(value, nullptr, false);
  if (json.is_discarded() || !json.is_object()) bad_shape("not a JSON object");
  // Members other than these four are left for later versions to use.
  const auto table = json.find("table");
  if (table == json.end() || !table->is_string() || table->get<std::string>().empty()) {
    bad_shape("\"table\" is missing or not a name");
  }
  return {.table = table->get<std::string>(),
          .columns = names(json, "columns"),
          .indexes = names(json, "indexes"),
          .triggers = names(json, "triggers")};
}

}  // namespace revision_header

HeaderField rebuild_header(std::string_view section, const TableShape& shape) {
  return {std::string(section == "upgrade" ? upgrade_key : downgrade_key),
          fmt::format(R"({{"table": {}, "columns": {}, "indexes": {}, "triggers": {}}})",
                      json_string(shape.table), json_strings(shape.columns),
                      json_strings(shape.indexes), json_strings(shape.triggers))};
}

std::vector<TableShape> rebuilt_tables(const Revision& revision, std::string_view section) {
  std::vector<TableShape> shapes;
  for (const auto& header : revision.headers) {
    if (revision_header::rebuild_section(header.key) != section) continue;
    try {
      shapes.push_back(revision_header::parse_table_shape(header.value));
    } catch (const Error& error) {
      throw Error(ErrorKind::input,
                  fmt::format("revision {}: '-- {}:' {}", revision.id, header.key, error.what()));
    }
  }
  return shapes;
}

}  // namespace dbmigrate
