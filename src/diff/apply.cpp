// apply_operations(snapshot, operation): the schema a database has after the operation ran.
// It mirrors what SQLite and PostgreSQL do on their own: renaming a table or a column
// also renames the references to it in keys, indexes and other tables' foreign keys.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "dbmigrate/error.hpp"
#include "dbmigrate/operations.hpp"
#include "diff/column_rename_text.hpp"
#include "diff/overloaded.hpp"

namespace dbmigrate {
namespace {

[[noreturn]] void misfit(const Operation& operation, std::string_view why) {
  throw Error(ErrorKind::input, fmt::format("cannot apply '{}': {}", operation.describe(), why));
}

template <typename Range, typename Item>
void insert_sorted(Range& range, Item item) {
  auto at = std::lower_bound(range.begin(), range.end(), item,
                             [](const auto& a, const auto& b) { return a.name < b.name; });
  range.insert(at, std::move(item));
}

template <typename Range>
bool erase_named(Range& range, std::string_view name) {
  auto it =
      std::find_if(range.begin(), range.end(), [&](const auto& item) { return item.name == name; });
  if (it == range.end()) return false;
  range.erase(it);
  return true;
}

template <typename Range, typename Item>
bool erase_equal(Range& range, const Item& item) {
  auto it = std::find(range.begin(), range.end(), item);
  if (it == range.end()) return false;
  range.erase(it);
  return true;
}

void rename_in(std::vector<std::string>& names, std::string_view from, std::string_view to) {
  for (auto& name : names) {
    if (name == from) name = to;
  }
}

class Applier {
 public:
  Applier(Snapshot& snapshot, const Operation& operation) : s_(snapshot), op_(operation) {}

  Table& table(std::string_view name) {
    Table* table = s_.find_table(name);
    if (table == nullptr) misfit(op_, fmt::format("there is no table '{}'", name));
    return *table;
  }

  void operator()(const op::CreateTable& o) {
    if (s_.find_table(o.table.name)) misfit(op_, "the table exists already");
    Table table = o.table;
    table.renamed_from.reset();
    for (auto& column : table.columns) column.renamed_from.reset();
    normalize_constraints(table);
    insert_sorted(s_.tables, std::move(table));
  }
  void operator()(const op::DropTable& o) {
    s_.tables.erase(s_.tables.begin() + (&table(o.table.name) - s_.tables.data()));
    // The database drops a table's triggers with it.
    std::erase_if(s_.triggers, [&](const Trigger& trigger) {
      return same_identifier(trigger.table, o.table.name);
    });
  }
  void operator()(const op::RenameTable& o) {
    if (s_.find_table(o.to)) misfit(op_, fmt::format("there is a table '{}' already", o.to));
    Table renamed = table(o.from);
    erase_named(s_.tables, o.from);
    renamed.name = o.to;
    insert_sorted(s_.tables, std::move(renamed));
    for (auto& other : s_.tables) {
      for (auto& fk : other.foreign_keys) {
        if (fk.ref_table == o.from) fk.ref_table = o.to;
      }
      normalize_constraints(other);
    }
    for (auto& trigger : s_.triggers) {
      if (same_identifier(trigger.table, o.from)) trigger.table = o.to;
    }
  }
  void operator()(const op::AddColumn& o) {
    Table& t = table(o.table);
    if (t.find_column(o.column.name)) misfit(op_, "the column exists already");
    Column column = o.column;
    column.renamed_from.reset();
    t.columns.push_back(std::move(column));
  }
  void operator()(const op::DropColumn& o) {
    if (!erase_named(table(o.table).columns, o.column.name)) misfit(op_, "there is no such column");
  }
  void operator()(const op::RenameColumn& o) {
    Table& t = table(o.table);
    Column* column = t.find_column(o.from);
    if (column == nullptr) misfit(op_, "there is no such column");
    if (t.find_column(o.to)) misfit(op_, fmt::format("there is a column '{}' already", o.to));
    column->name = o.to;
    rename_in(t.primary_key, o.from, o.to);
    // The database rewrites the expressions that name the column.
    const std::map<std::string, std::string> renamed{{o.from, o.to}};
    for (auto& index : t.indexes) {
      for (auto& key : index.keys) {
        if (key.expression) {
          key.name = rename_columns_in(key.name, renamed);
        } else if (key.name == o.from) {
          key.name = o.to;
        }
      }
      if (index.where) index.where = rename_columns_in(*index.where, renamed);
    }
    for (auto& check : t.checks) check.expression = rename_columns_in(check.expression, renamed);
    for (auto& other : t.columns) {
      if (other.generated) other.generated->expression = rename_columns_in(other.generated->expression, renamed);
    }
    for (auto& unique : t.uniques) rename_in(unique.columns, o.from, o.to);
    for (auto& fk : t.foreign_keys) rename_in(fk.columns, o.from, o.to);
    for (auto& other : s_.tables) {
      for (auto& fk : other.foreign_keys) {
        if (fk.ref_table == o.table) rename_in(fk.ref_columns, o.from, o.to);
      }
      normalize_constraints(other);
    }
  }
  void operator()(const op::AlterColumn& o) {
    Column* column = table(o.table).find_column(o.from.name);
    if (column == nullptr) misfit(op_, "there is no such column");
    *column = o.to;
    column->renamed_from.reset();
  }
  void operator()(const op::AlterPrimaryKey& o) {
    table(o.table).primary_key = o.to;
    table(o.table).sqlite.primary_key_on_conflict = o.to_on_conflict;
  }
  void operator()(const op::AlterTableOptions& o) {
    table(o.table).sqlite.without_rowid = o.to.without_rowid;
    table(o.table).sqlite.strict = o.to.strict;
  }
  void operator()(const op::CreateIndex& o) {
    Table& t = table(o.table);
    for (const auto& other : s_.tables) {
      for (const auto& index : other.indexes) {
        if (index.name == o.index.name)
          misfit(op_, fmt::format("index '{}' exists already on '{}'", index.name, other.name));
      }
    }
    insert_sorted(t.indexes, o.index);
  }
  void operator()(const op::DropIndex& o) {
    if (!erase_named(table(o.table).indexes, o.index.name)) misfit(op_, "there is no such index");
  }
  void operator()(const op::AddUnique& o) {
    add_constraint(table(o.table), &Table::uniques, o.unique);
  }
  void operator()(const op::DropUnique& o) {
    if (!erase_equal(table(o.table).uniques, o.unique))
      misfit(op_, "there is no such unique constraint");
  }
  void operator()(const op::AddForeignKey& o) {
    add_constraint(table(o.table), &Table::foreign_keys, o.foreign_key);
  }
  void operator()(const op::DropForeignKey& o) {
    if (!erase_equal(table(o.table).foreign_keys, o.foreign_key))
      misfit(op_, "there is no such foreign key");
  }
  void operator()(const op::AddCheck& o) {
    add_constraint(table(o.table), &Table::checks, o.check);
  }
  void operator()(const op::DropCheck& o) {
    if (!erase_equal(table(o.table).checks, o.check))
      misfit(op_, "there is no such check constraint");
  }
  void operator()(const op::CreateView& o) {
    if (std::any_of(s_.views.begin(), s_.views.end(),
                    [&](const View& v) { return v.name == o.view.name; })) {
      misfit(op_, "the view exists already");
    }
    insert_sorted(s_.views, o.view);
  }
  void operator()(const op::DropView& o) {
    if (!erase_named(s_.views, o.view.name)) misfit(op_, "there is no such view");
  }
  void operator()(const op::CreateTrigger& o) {
    if (std::none_of(s_.tables.begin(), s_.tables.end(),
                     [&](const Table& t) { return same_identifier(t.name, o.trigger.table); })) {
      misfit(op_, fmt::format("there is no table '{}'", o.trigger.table));
    }
    if (std::any_of(s_.triggers.begin(), s_.triggers.end(),
                    [&](const Trigger& t) { return t.name == o.trigger.name; })) {
      misfit(op_, "the trigger exists already");
    }
    insert_sorted(s_.triggers, o.trigger);
  }
  void operator()(const op::DropTrigger& o) {
    if (!erase_named(s_.triggers, o.trigger.name)) misfit(op_, "there is no such trigger");
  }
  void operator()(const op::ExecuteSql&) {}

 private:
  template <typename Item>
  void add_constraint(Table& t, std::vector<Item> Table::*list, const Item& item) {
    (t.*list).push_back(item);
    normalize_constraints(t);
  }

  Snapshot& s_;
  const Operation& op_;
};

}  // namespace

void apply_operations(Snapshot& snapshot, const Operation& operation) {
  std::visit(Applier(snapshot, operation), operation.kind);
}

void apply_operations(Snapshot& snapshot, const Operations& operations) {
  for (const auto& operation : operations) apply_operations(snapshot, operation);
}

}  // namespace dbmigrate
