// Dependency order by foreign keys (Kahn's algorithm, ties by name) and name mentions.
#include "diff/dependencies.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace dbmigrate {

std::vector<const Table*> referenced_first(std::vector<const Table*> tables) {
  std::map<std::string_view, const Table*> by_name;
  for (const Table* table : tables) by_name.emplace(table->name, table);

  std::map<std::string_view, int> waiting_on;                            // table -> unmet references
  std::map<std::string_view, std::vector<std::string_view>> dependents;  // referenced -> referencing
  for (const Table* table : tables) {
    std::set<std::string_view> references;
    for (const auto& fk : table->foreign_keys) {
      if (fk.ref_table != table->name && by_name.count(fk.ref_table)) references.insert(fk.ref_table);
    }
    waiting_on[table->name] = static_cast<int>(references.size());
    for (auto referenced : references) dependents[referenced].push_back(table->name);
  }

  std::set<std::string_view> ready;
  for (const auto& [name, count] : waiting_on) {
    if (count == 0) ready.insert(name);
  }
  std::vector<const Table*> ordered;
  std::set<std::string_view> placed;
  while (placed.size() < tables.size()) {
    if (ready.empty()) {
      // A cycle: place the first remaining table by name; its references come later.
      for (const auto& [name, count] : waiting_on) {
        if (!placed.count(name)) {
          ready.insert(name);
          break;
        }
      }
    }
    auto name = *ready.begin();
    ready.erase(ready.begin());
    if (!placed.insert(name).second) continue;
    ordered.push_back(by_name.at(name));
    for (auto dependent : dependents[name]) {
      if (--waiting_on[dependent] == 0 && !placed.count(dependent)) ready.insert(dependent);
    }
  }
  return ordered;
}

namespace {

bool mentions_as_word(std::string_view sql, std::string_view identifier) {
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); };
  if (identifier.empty() || sql.size() < identifier.size()) return false;
  for (std::size_t at = 0; at + identifier.size() <= sql.size(); ++at) {
    bool same = true;
    for (std::size_t i = 0; i < identifier.size() && same; ++i) same = lower(sql[at + i]) == lower(identifier[i]);
    if (!same) continue;
    bool starts = at == 0 || !word_char(sql[at - 1]);
    bool ends = at + identifier.size() == sql.size() || !word_char(sql[at + identifier.size()]);
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

bool mentions(std::string_view sql, std::string_view identifier) {
  if (mentions_as_word(sql, identifier)) return true;
  if (identifier.find('"') == std::string_view::npos) return false;
  std::string quoted = "\"";
  for (char c : identifier) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  quoted += '"';
  return sql.find(quoted) != std::string_view::npos;
}

std::vector<const View*> mentioned_first(std::vector<const View*> views) {
  std::vector<const View*> ordered;
  std::set<const View*> placed;
  while (ordered.size() < views.size()) {
    bool progressed = false;
    for (const View* view : views) {
      if (placed.count(view)) continue;
      bool ready = std::none_of(views.begin(), views.end(), [&](const View* other) {
        return other != view && !placed.count(other) && mentions(view->sql, other->name);
      });
      if (ready) {
        ordered.push_back(view);
        placed.insert(view);
        progressed = true;
      }
    }
    if (!progressed) {  // a cycle: take the rest in name order
      for (const View* view : views) {
        if (placed.insert(view).second) ordered.push_back(view);
      }
    }
  }
  return ordered;
}

}  // namespace dbmigrate
