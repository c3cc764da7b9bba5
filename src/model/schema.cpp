// Schema: the declared tables, views and triggers, and their canonical snapshot.
#include <fmt/format.h>

#include <cctype>

#include "dbmigrate/dialect_registry.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/model.hpp"
#include "model/spelling.hpp"
#include "snapshot/snapshot_checks.hpp"

namespace dbmigrate {
namespace model {

std::string canonical_type(std::string_view type) {
  std::string out;
  for (char c : type) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

}  // namespace model
namespace {

using model::column_named;

// Names a table refers to its own columns by, spelled as the columns are declared: what
// SQLite's PRAGMAs report.
void spell_own_columns(Table& table) {
  auto spell = [&](std::string& name) {
    if (const Column* column = column_named(table, name)) name = column->name;
  };
  for (auto& name : table.primary_key) spell(name);
  for (auto& unique : table.uniques) {
    for (auto& name : unique.columns) spell(name);
  }
  for (auto& key : table.foreign_keys) {
    for (auto& name : key.columns) spell(name);
  }
  for (auto& index : table.indexes) {
    for (auto& key : index.keys) {
      if (!key.expression) spell(key.name);
    }
  }
}

// Declared types in the spelling the snapshot keeps; .type("any"), SQLite's own ANY, in the
// column's SQLite part.
void canonicalize_types(Table& table) {
  for (auto& column : table.columns) {
    column.type = model::canonical_type(column.type);
    if (column.type == "any") {
      column.type.clear();
      column.sqlite.any = true;
    }
  }
}

// A foreign key's target spelled as the target declares it; no columns: its primary key.
void resolve_references(Snapshot& snapshot) {
  for (auto& table : snapshot.tables) {
    for (auto& key : table.foreign_keys) {
      const Table* target = nullptr;
      for (const auto& candidate : snapshot.tables) {
        if (same_identifier(candidate.name, key.ref_table)) target = &candidate;
      }
      if (target == nullptr) continue;
      key.ref_table = target->name;
      if (key.ref_columns.empty()) key.ref_columns = target->primary_key;
      for (auto& name : key.ref_columns) {
        if (const Column* column = column_named(*target, name)) name = column->name;
      }
    }
  }
}

}  // namespace

std::size_t Schema::add_table(std::string name) {
  tables_.push_back({.table = {.name = std::move(name)}});
  return tables_.size() - 1;
}

void Schema::view(std::string name, std::string create_sql) {
  views_.push_back({.name = std::move(name), .sql = std::move(create_sql)});
}

void Schema::trigger(std::string name, std::string table, std::string create_sql) {
  triggers_.push_back(
      {.name = std::move(name), .table = std::move(table), .sql = std::move(create_sql)});
}

Snapshot Schema::unchecked_snapshot() const {
  // The model is written once for every dialect; its text is kept in SQLite's canonical form.
  const Dialect& dialect = default_dialect();
  Snapshot snapshot;
  for (const auto& draft : tables_) {
    Table table = draft.table;
    spell_own_columns(table);
    canonicalize_types(table);
    snapshot.tables.push_back(std::move(table));
  }
  resolve_references(snapshot);
  for (const auto& view : views_) {
    snapshot.views.push_back(
        {.name = view.name, .sql = dialect.stored_statement("VIEW", view.sql).sql});
  }
  for (const auto& trigger : triggers_) {
    auto stored = dialect.stored_statement("TRIGGER", trigger.sql);
    snapshot.triggers.push_back({.name = trigger.name,
                                 .table = stored.table.empty() ? trigger.table : stored.table,
                                 .sql = std::move(stored.sql)});
  }
  canonicalize_sql_text(snapshot, dialect);
  snapshot.normalize();
  return snapshot;
}

Snapshot Schema::snapshot() const {
  validate();
  Snapshot snapshot = unchecked_snapshot();
  // Its SQL text is rendered as declared (create_all(), revisions): each piece must be one thing
  // of its kind, as every snapshot source checks.
  check_snapshot(snapshot, SnapshotOrigin{.file = "model"}, &default_dialect().fragment_check());
  return snapshot;
}

void Schema::validate() const {
  const auto found = mistakes();
  if (found.empty()) return;
  std::string message;
  for (const auto& mistake : found) {
    if (!message.empty()) message += '\n';
    message += mistake;
  }
  throw Error(ErrorKind::input, message);
}

}  // namespace dbmigrate
