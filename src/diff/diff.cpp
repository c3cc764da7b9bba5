// diff(from, to): match tables (by name, then by rename hint), compare each pair, and put
// the whole in an order a database can run:
//   1. drop the triggers and views that sit on changed tables or on views that go
//      (recreated in step 6)
//   2. rename tables        3. create tables, referenced ones first
//   4. change tables        5. drop tables, referencing ones first
//   6. create views and triggers
#include "dbmigrate/diff.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "diff/compare_table.hpp"
#include "diff/dependencies.hpp"

namespace dbmigrate {
namespace {

struct TablePair {
  const Table* from;
  const Table* to;
};

struct Matching {
  std::vector<TablePair> kept;          // same name or renamed
  std::vector<const Table*> created;    // in `to`
  std::vector<const Table*> dropped;    // in `from`
  Renames renames;
};

Matching match_tables(const Snapshot& from, const Snapshot& to, IdentifierCase names) {
  Matching m;
  m.renames.names = names;
  const bool hinted = std::any_of(to.tables.begin(), to.tables.end(), [](const Table& t) { return t.renamed_from; });
  if (hinted) {
    std::vector<HintedName> now;
    for (const auto& table : to.tables) now.push_back({table.name, table.renamed_from});
    std::set<std::string> before;
    for (const auto& table : from.tables) before.insert(table.name);
    m.renames.tables = pending_renames(now, before, "tables");
  }

  std::set<std::string> claimed;  // tables of `from` that live on
  for (const auto& [old_name, new_name] : m.renames.tables) claimed.insert(old_name);
  std::map<std::string_view, const Table*> renamed_to;  // new name -> old table
  for (const auto& [old_name, new_name] : m.renames.tables) renamed_to.emplace(new_name, from.find_table(old_name));
  for (const auto& table : to.tables) {
    if (auto renamed = renamed_to.find(table.name); renamed != renamed_to.end()) {
      m.kept.push_back({renamed->second, &table});
    } else if (const Table* same = from.find_table(table.name); same != nullptr && !claimed.count(table.name)) {
      m.kept.push_back({same, &table});
      claimed.insert(table.name);
    } else {
      m.created.push_back(&table);
    }
  }
  // SQL names ignore case: a table whose name only changed case is renamed, not replaced.
  for (auto it = m.created.begin(); it != m.created.end();) {
    auto old = std::find_if(from.tables.begin(), from.tables.end(), [&](const Table& t) {
      return !claimed.count(t.name) && same_identifier(t.name, (*it)->name, names);
    });
    if (old == from.tables.end()) {
      ++it;
      continue;
    }
    claimed.insert(old->name);
    m.renames.tables.emplace(old->name, (*it)->name);
    m.kept.push_back({&*old, *it});
    it = m.created.erase(it);
  }
  for (const auto& table : from.tables) {
    if (!claimed.count(table.name)) {
      m.dropped.push_back(&table);
      m.renames.dropped_tables.insert(table.name);
    }
  }
  for (const auto& [old_table, new_table] : m.kept) match_columns(*old_table, *new_table, m.renames);
  return m;
}

}  // namespace

namespace {

bool has_hints(const Snapshot& s) {
  return std::any_of(s.tables.begin(), s.tables.end(), [](const Table& t) {
    return t.renamed_from ||
           std::any_of(t.columns.begin(), t.columns.end(), [](const Column& c) { return c.renamed_from.has_value(); });
  });
}

}  // namespace

Operations diff(const Snapshot& from_given, const Snapshot& to_given, IdentifierCase names) {
  // Snapshots from files and databases come canonical and (the old one) without hints: work
  // on them as they are, and copy only one that is not.
  std::optional<Snapshot> from_copy, to_copy;
  if (has_hints(from_given) || !is_normalized(from_given)) {
    from_copy = without_rename_hints(from_given);
    from_copy->normalize();
  }
  if (!is_normalized(to_given)) {
    to_copy = to_given;
    to_copy->normalize();
  }
  const Snapshot& from = from_copy ? *from_copy : from_given;
  const Snapshot& to = to_copy ? *to_copy : to_given;
  Matching m = match_tables(from, to, names);

  Operations changes;  // step 4
  std::set<std::string> changed_tables;  // old and new names of every table touched
  for (const auto& [old_table, new_table] : m.kept) {
    std::size_t before = changes.size();
    compare_table(*old_table, *new_table, m.renames, changes);
    if (changes.size() != before || old_table->name != new_table->name) {
      changed_tables.insert(old_table->name);
      changed_tables.insert(new_table->name);
    }
  }
  for (const Table* table : m.dropped) changed_tables.insert(table->name);

  // Every name whose views and triggers must go and come back: changed tables, then the
  // views that go, and the views over those (a fixpoint: views may stack).
  std::set<std::string> gone = changed_tables;
  auto touches = [&](std::string_view sql) {
    return std::any_of(gone.begin(), gone.end(), [&](const std::string& name) { return mentions(sql, name); });
  };
  auto find_view = [](const Snapshot& s, const std::string& name) -> const View* {
    auto it = std::find_if(s.views.begin(), s.views.end(), [&](const View& v) { return v.name == name; });
    return it == s.views.end() ? nullptr : &*it;
  };
  auto find_trigger = [](const Snapshot& s, const std::string& name) -> const Trigger* {
    auto it = std::find_if(s.triggers.begin(), s.triggers.end(), [&](const Trigger& t) { return t.name == name; });
    return it == s.triggers.end() ? nullptr : &*it;
  };

  std::set<std::string> recreate_views, recreate_triggers;
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& view : from.views) {
      if (recreate_views.count(view.name)) continue;
      const View* now = find_view(to, view.name);
      if (now == nullptr || !(*now == view) || touches(view.sql)) {
        recreate_views.insert(view.name);
        gone.insert(view.name);
        grew = true;
      }
    }
  }
  for (const auto& trigger : from.triggers) {
    const Trigger* now = find_trigger(to, trigger.name);
    if (now == nullptr || !(*now == trigger) || changed_tables.count(trigger.table) || touches(trigger.sql)) {
      recreate_triggers.insert(trigger.name);
    }
  }

  Operations out;
  // 1. Triggers, then views, dependents first.
  for (const auto& trigger : from.triggers) {
    if (recreate_triggers.count(trigger.name)) out.push_back({op::DropTrigger{trigger}});
  }
  std::vector<const View*> dropped_views;
  for (const auto& view : from.views) {
    if (recreate_views.count(view.name)) dropped_views.push_back(&view);
  }
  dropped_views = mentioned_first(dropped_views);
  for (auto it = dropped_views.rbegin(); it != dropped_views.rend(); ++it) out.push_back({op::DropView{**it}});
  // 2. Renames, after dropping any table whose name a rename takes.
  auto dropped = referenced_first(m.dropped);
  std::set<std::string> displaced;
  for (const auto& [old_name, new_name] : m.renames.tables) {
    if (m.renames.dropped_tables.count(new_name)) displaced.insert(new_name);
  }
  for (auto it = dropped.rbegin(); it != dropped.rend(); ++it) {
    if (displaced.count((*it)->name)) out.push_back({op::DropTable{**it}});
  }
  for (const auto& [old_name, new_name] : rename_steps(m.renames.tables, names)) {
    out.push_back({op::RenameTable{old_name, new_name}});
  }
  // 3. New tables.
  for (const Table* table : referenced_first(m.created)) {
    Table created = *table;
    created.renamed_from.reset();
    for (auto& column : created.columns) column.renamed_from.reset();
    out.push_back({op::CreateTable{std::move(created)}});
  }
  // 4. Changed tables.
  std::move(changes.begin(), changes.end(), std::back_inserter(out));
  // 5. Dropped tables, referencing ones first.
  for (auto it = dropped.rbegin(); it != dropped.rend(); ++it) {
    if (!displaced.count((*it)->name)) out.push_back({op::DropTable{**it}});
  }
  // 6. Views and triggers, new or recreated.
  std::vector<const View*> created_views;
  for (const auto& view : to.views) {
    if (recreate_views.count(view.name) || !find_view(from, view.name)) created_views.push_back(&view);
  }
  for (const View* view : mentioned_first(created_views)) out.push_back({op::CreateView{*view}});
  for (const auto& trigger : to.triggers) {
    if (recreate_triggers.count(trigger.name) || !find_trigger(from, trigger.name)) {
      out.push_back({op::CreateTrigger{trigger}});
    }
  }
  return out;
}

}  // namespace dbmigrate
