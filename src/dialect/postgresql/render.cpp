// PostgreSQL renderer: ALTER TABLE for every change of a table (no rebuild), following the
// schema as the operations change it so that each step knows the table it works on.
#include "dialect/postgresql/render.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>
#include <utility>

#include "dialect/postgresql/lock_warnings.hpp"
#include "dialect/postgresql/names.hpp"
#include "dialect/postgresql/quote.hpp"
#include "dialect/postgresql/table_sql.hpp"
#include "dialect/postgresql/types.hpp"
#include "diff/dependencies.hpp"
#include "diff/overloaded.hpp"

namespace dbmigrate::postgresql {
namespace {

// Marks a statement that can lose data (SqlScript::destructive).
constexpr std::string_view warning_prefix = "WARNING: ";

std::vector<std::string> warnings_for(const Operation& operation) {
  std::vector<std::string> comments;
  const auto destructive = operation.destructive_reason();
  if (!destructive.empty()) comments.push_back(std::string(warning_prefix) + destructive);
  if (auto reason = operation.data_dependent_reason();
      !reason.empty() && destructive.find(reason) == std::string::npos) {
    comments.push_back("CAUTION: " + reason);
  }
  return comments;
}

std::string q(std::string_view name) {
  check_name(name);
  return quote_identifier(name);
}

// `text` ending in exactly one `;`.
std::string terminated(std::string sql) {
  while (!sql.empty() && (std::isspace(static_cast<unsigned char>(sql.back())) || sql.back() == ';'))
    sql.pop_back();
  // A body that ends in a `--` comment takes its `;` on a line of its own.
  const auto line = sql.rfind('\n');
  if (sql.find("--", line == std::string::npos ? 0 : line) != std::string::npos) return sql + "\n;";
  return sql + ";";
}

// The table as a regclass literal for the catalog queries of a DO block.
std::string regclass(std::string_view table) { return quote_literal(q(table)) + "::regclass"; }

class Renderer {
 public:
  explicit Renderer(const Snapshot& from) : state_(from) {
    for (const auto& table : from.tables) existing_.insert(table.name);
  }

  SqlScript run(const Operations& operations) {
    for (std::size_t i = 0; i < operations.size(); ++i) {
      render(operations[i]);
      apply_operations(state_, operations[i]);
      // Foreign keys between new tables (a cycle, or a later one) once all of them exist.
      if (i + 1 == operations.size() ||
          !std::holds_alternative<op::CreateTable>(operations[i + 1].kind)) {
        add_pending_foreign_keys();
      }
    }
    return std::move(script_);
  }

 private:
  void emit(std::string sql, std::vector<std::string> comments = {}) {
    for (const auto& comment : comments) {
      if (comment.starts_with(warning_prefix)) script_.destructive = true;
      if (comment.starts_with(lock_warning_prefix)) script_.lock_warnings.push_back(comment);
    }
    script_.statements.push_back({std::move(sql), std::move(comments)});
  }

  // Whether `table` held rows before the script: a table it creates is empty, and locking it
  // costs nothing.
  bool existed(const std::string& table) const { return existing_.count(table) != 0; }

  static void add_if(std::vector<std::string>& comments, std::string warning) {
    if (!warning.empty()) comments.push_back(std::move(warning));
  }

  void render(const Operation& operation) {
    std::visit(
        overloaded{
            [&](const op::CreateTable& o) { create_table(o.table); },
            [&](const op::DropTable& o) {
              emit(fmt::format("DROP TABLE {};", q(o.table.name)), warnings_for(operation));
              existing_.erase(o.table.name);
            },
            [&](const op::RenameTable& o) {
              emit(fmt::format("ALTER TABLE {} RENAME TO {};", q(o.from), q(o.to)));
              if (existing_.erase(o.from)) existing_.insert(o.to);
              if (const Table* table = state_.find_table(o.from)) follow_chosen_names(*table, o.to, {}, {});
            },
            [&](const op::AddColumn& o) {
              auto comments = warnings_for(operation);
              if (existed(o.table)) add_if(comments, add_column_warning(o.table, o.column));
              emit(fmt::format("ALTER TABLE {} ADD COLUMN {};", q(o.table), column_sql(o.column)),
                   std::move(comments));
            },
            [&](const op::DropColumn& o) {
              emit(fmt::format("ALTER TABLE {} DROP COLUMN {};", q(o.table), q(o.column.name)),
                   warnings_for(operation));
            },
            [&](const op::RenameColumn& o) {
              emit(fmt::format("ALTER TABLE {} RENAME COLUMN {} TO {};", q(o.table), q(o.from),
                               q(o.to)));
              if (const Table* table = state_.find_table(o.table))
                follow_chosen_names(*table, o.table, o.from, o.to);
            },
            [&](const op::AlterColumn& o) { alter_column(operation, o); },
            [&](const op::AlterPrimaryKey& o) {
              if (!o.from.empty()) emit(drop_constraint_of_kind(o.table, "p"));
              if (!o.to.empty()) {
                std::vector<std::string> names;
                for (const auto& column : o.to) names.push_back(q(column));
                emit(fmt::format("ALTER TABLE {} ADD PRIMARY KEY ({});", q(o.table),
                                 fmt::join(names, ", ")),
                     warnings_for(operation));
              }
            },
            // SQLite's table options: nothing to do in PostgreSQL (refusals() names them).
            [&](const op::AlterTableOptions&) {},
            [&](const op::CreateIndex& o) {
              auto comments = warnings_for(operation);
              if (existed(o.table)) add_if(comments, create_index_warning(o.table, o.index));
              emit(create_index_sql(o.table, o.index), std::move(comments));
            },
            [&](const op::DropIndex& o) { emit(fmt::format("DROP INDEX {};", q(o.index.name))); },
            [&](const op::AddUnique& o) {
              emit(fmt::format("ALTER TABLE {} ADD {};", q(o.table), unique_sql(o.unique)),
                   warnings_for(operation));
            },
            [&](const op::DropUnique& o) {
              emit(fmt::format("ALTER TABLE {} DROP CONSTRAINT {};", q(o.table),
                               q(unique_name(o.table, o.unique))));
            },
            [&](const op::AddForeignKey& o) {
              auto comments = warnings_for(operation);
              if (existed(o.table)) add_if(comments, add_foreign_key_warning(o.table, o.foreign_key));
              emit(fmt::format("ALTER TABLE {} ADD {};", q(o.table), foreign_key_sql(o.foreign_key)),
                   std::move(comments));
            },
            [&](const op::DropForeignKey& o) {
              emit(fmt::format("ALTER TABLE {} DROP CONSTRAINT {};", q(o.table),
                               q(foreign_key_name(o.table, o.foreign_key))));
            },
            [&](const op::AddCheck& o) {
              emit(fmt::format("ALTER TABLE {} ADD {};", q(o.table), check_sql(o.check)),
                   warnings_for(operation));
            },
            [&](const op::DropCheck& o) {
              if (o.check.name) {
                emit(fmt::format("ALTER TABLE {} DROP CONSTRAINT {};", q(o.table),
                                 q(*o.check.name)));
              } else {
                emit(drop_unnamed_check(o.table, o.check));
              }
            },
            [&](const op::CreateView& o) { emit(terminated(o.view.sql)); },
            [&](const op::DropView& o) { emit(fmt::format("DROP VIEW {};", q(o.view.name))); },
            [&](const op::CreateTrigger& o) { emit(terminated(o.trigger.sql)); },
            [&](const op::DropTrigger& o) {
              emit(fmt::format("DROP TRIGGER {} ON {};", q(o.trigger.name), q(o.trigger.table)));
            },
            [&](const op::ExecuteSql& o) { emit(terminated(o.upgrade)); },
        },
        operation.kind);
  }

  // PostgreSQL keeps the names it chose for unnamed constraints when their table or column is
  // renamed; they are renamed along, so that the constraints stay unnamed to DbMigrate. `table`
  // is the table before the rename, `name` its name after; `from` -> `to` a column rename.
  void follow_chosen_names(const Table& table, const std::string& name, const std::string& from,
                           const std::string& to) {
    auto renamed = [&](std::vector<std::string> columns) {
      for (auto& column : columns) {
        if (!from.empty() && column == from) column = to;
      }
      return columns;
    };
    auto rename = [&](const std::string& before, const std::string& after) {
      if (before != after)
        emit(fmt::format("ALTER TABLE {} RENAME CONSTRAINT {} TO {};", q(name), q(before), q(after)));
    };
    for (const auto& unique : table.uniques) {
      if (!unique.name)
        rename(default_constraint_name(table.name, unique.columns, "key"),
               default_constraint_name(name, renamed(unique.columns), "key"));
    }
    for (const auto& fk : table.foreign_keys) {
      if (!fk.name)
        rename(default_constraint_name(table.name, fk.columns, "fkey"),
               default_constraint_name(name, renamed(fk.columns), "fkey"));
    }
    for (const auto& check : table.checks) {
      if (check.name) continue;
      // Named after its column when it mentions exactly one.
      std::vector<std::string> mentioned;
      for (const auto& column : table.columns) {
        if (mentions(check.expression, column.name)) mentioned.push_back(column.name);
      }
      if (mentioned.size() > 1) mentioned.clear();
      rename(default_constraint_name(table.name, mentioned, "check"),
             default_constraint_name(name, renamed(mentioned), "check"));
    }
  }

  void create_table(const Table& table) {
    // A foreign key to a table that does not exist yet waits until the run of new tables ends.
    std::vector<ForeignKey> now;
    for (const auto& fk : table.foreign_keys) {
      if (fk.ref_table == table.name || state_.find_table(fk.ref_table) != nullptr) {
        now.push_back(fk);
      } else {
        pending_.push_back({table.name, fk});
      }
    }
    emit(create_table_sql(table, now));
    for (const auto& index : table.indexes) emit(create_index_sql(table.name, index));
  }

  void add_pending_foreign_keys() {
    for (const auto& [table, fk] : pending_)
      emit(fmt::format("ALTER TABLE {} ADD {};", q(table), foreign_key_sql(fk)));
    pending_.clear();
  }

  void alter_column(const Operation& operation, const op::AlterColumn& o) {
    const Column& from = o.from;
    const Column& to = o.to;
    const std::string table = q(o.table);
    const std::string column = q(to.name);
    const std::string prefix = fmt::format("ALTER TABLE {} ALTER COLUMN {}", table, column);
    auto comments = warnings_for(operation);
    auto take_comments = [&] { return std::exchange(comments, {}); };
    // A generated column's expression cannot change in place: its values are computed, so
    // dropping and adding it again loses nothing (its indexes and constraints are made again).
    if (from.generated != to.generated && (from.generated || to.generated)) {
      if (from.generated && !to.generated && to.generated == std::nullopt &&
          from.type == to.type && from.nullable == to.nullable && !to.default_sql) {
        emit(fmt::format("{} DROP EXPRESSION;", prefix), take_comments());
        return;
      }
      const OnColumns on = on_columns(o.table, {from});
      emit(fmt::format("ALTER TABLE {} DROP COLUMN {};", table, column), take_comments());
      emit(fmt::format("ALTER TABLE {} ADD COLUMN {};", table, column_sql(to)));
      make_again(o.table, on);
      return;
    }
    const bool type_changes = from.type != to.type || from.collation != to.collation;
    const bool default_changes = from.default_sql != to.default_sql;
    if (from.autoincrement && !to.autoincrement)
      emit(fmt::format("{} DROP IDENTITY;", prefix), take_comments());
    // The old default may not cast to the new type: it goes first and comes back after.
    if (from.default_sql && (default_changes || type_changes))
      emit(fmt::format("{} DROP DEFAULT;", prefix), take_comments());
    if (type_changes) {
      const std::vector<Column> readers = generated_readers(o.table, to.name);
      const OnColumns on_readers = on_columns(o.table, readers);
      for (const auto& reader : readers)
        emit(fmt::format("ALTER TABLE {} DROP COLUMN {};", table, q(reader.name)));
      if (existed(o.table)) add_if(comments, type_change_warning(o.table, from, to));
      std::string sql = fmt::format("{} TYPE {}", prefix, declared_type(to.type));
      if (to.collation) sql += fmt::format(" COLLATE {}", q(*to.collation));
      if (from.type != to.type && !binary_coercible(from.type, to.type))
        sql += fmt::format(" USING {}::{}", column, declared_type(to.type));
      emit(sql + ";", take_comments());
      for (const auto& reader : readers)
        emit(fmt::format("ALTER TABLE {} ADD COLUMN {};", table, column_sql(reader)));
      make_again(o.table, on_readers);
    }
    if (from.nullable && !to.nullable) {
      if (existed(o.table)) add_if(comments, set_not_null_warning(o.table, to, proven_not_null(o.table, to.name)));
      emit(fmt::format("{} SET NOT NULL;", prefix), take_comments());
    } else if (!from.nullable && to.nullable && !to.autoincrement) {
      emit(fmt::format("{} DROP NOT NULL;", prefix), take_comments());
    }
    if (to.default_sql && (default_changes || type_changes))
      emit(fmt::format("{} SET DEFAULT {};", prefix, *to.default_sql), take_comments());
    if (!from.autoincrement && to.autoincrement) {
      emit(fmt::format("{} ADD GENERATED BY DEFAULT AS IDENTITY;", prefix), take_comments());
      // Existing rows keep their ids: the identity goes on from the largest.
      emit(fmt::format("SELECT setval(pg_get_serial_sequence({}, {}), COALESCE(MAX({}), 0) + 1, "
                       "false) FROM {};",
                       quote_literal(table), quote_literal(to.name), column, table));
    }
  }

  // What a DROP COLUMN of `columns` takes along from `table`: the indexes and the unique and
  // CHECK constraints on them, to be made again once the columns are back.
  struct OnColumns {
    std::vector<Index> indexes;
    std::vector<UniqueConstraint> uniques;
    std::vector<CheckConstraint> checks;
  };
  OnColumns on_columns(const std::string& table, const std::vector<Column>& columns) const {
    OnColumns on;
    const Table* t = state_.find_table(table);
    if (t == nullptr || columns.empty()) return on;
    auto reads = [&](std::string_view sql) {
      return std::any_of(columns.begin(), columns.end(),
                         [&](const Column& c) { return mentions(sql, c.name); });
    };
    auto is_one = [&](const std::string& name) {
      return std::any_of(columns.begin(), columns.end(),
                         [&](const Column& c) { return c.name == name; });
    };
    for (const auto& index : t->indexes) {
      const bool on_key = std::any_of(
          index.keys.begin(), index.keys.end(),
          [&](const IndexKey& key) { return key.expression ? reads(key.name) : is_one(key.name); });
      if (on_key || (index.where && reads(*index.where))) on.indexes.push_back(index);
    }
    for (const auto& unique : t->uniques) {
      if (std::any_of(unique.columns.begin(), unique.columns.end(), is_one))
        on.uniques.push_back(unique);
    }
    for (const auto& check : t->checks) {
      if (reads(check.expression)) on.checks.push_back(check);
    }
    return on;
  }

  void make_again(const std::string& table, const OnColumns& on) {
    for (const auto& unique : on.uniques)
      emit(fmt::format("ALTER TABLE {} ADD {};", q(table), unique_sql(unique)));
    for (const auto& check : on.checks)
      emit(fmt::format("ALTER TABLE {} ADD {};", q(table), check_sql(check)));
    for (const auto& index : on.indexes) emit(create_index_sql(table, index));
  }

  // The generated columns of `table` that read `column`. PostgreSQL refuses to change the type
  // of a column a generated column reads: they are dropped before and added after, computed
  // again from the new type, so no value is lost.
  std::vector<Column> generated_readers(const std::string& table, const std::string& column) const {
    std::vector<Column> readers;
    if (const Table* t = state_.find_table(table)) {
      for (const auto& c : t->columns) {
        if (c.generated && c.name != column && mentions(c.generated->expression, column))
          readers.push_back(c);
      }
    }
    return readers;
  }

  // Whether a CHECK of the table says `column IS NOT NULL` (PostgreSQL trusts a validated one).
  bool proven_not_null(const std::string& table, const std::string& column) const {
    const Table* t = state_.find_table(table);
    if (t == nullptr) return false;
    const std::string expected = fmt::format("{} IS NOT NULL", quote_identifier(column));
    return std::any_of(t->checks.begin(), t->checks.end(), [&](const CheckConstraint& check) {
      std::string text = check.expression;
      while (text.size() > 1 && text.front() == '(' && text.back() == ')')
        text = text.substr(1, text.size() - 2);
      return text == expected;
    });
  }

  // The table's one constraint of a kind (`p`: its primary key), whatever its name: a table
  // renamed since keeps the name PostgreSQL first gave it.
  static std::string drop_constraint_of_kind(const std::string& table, std::string_view kind) {
    return fmt::format(
        "DO $$BEGIN EXECUTE (SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, "
        "conname) FROM pg_constraint WHERE conrelid = {} AND contype = '{}'); END$$;",
        regclass(table), kind);
  }

  // An unnamed CHECK, found by its expression as PostgreSQL prints it.
  static std::string drop_unnamed_check(const std::string& table, const CheckConstraint& check) {
    return fmt::format(
        "DO $$BEGIN EXECUTE (SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, "
        "conname) FROM pg_constraint WHERE conrelid = {} AND contype = 'c' AND "
        "pg_get_expr(conbin, conrelid) IN ({}, {}) ORDER BY conname LIMIT 1); END$$;",
        regclass(table), quote_literal(check.expression),
        quote_literal(fmt::format("({})", check.expression)));
  }

  Snapshot state_;
  std::set<std::string> existing_;  // tables that exist before the script, under their names now
  std::vector<std::pair<std::string, ForeignKey>> pending_;
  SqlScript script_;
};

}  // namespace

SqlScript render(const Snapshot& from, const Operations& operations) {
  Snapshot start = without_rename_hints(from);
  start.head.reset();
  start.normalize();
  return Renderer(start).run(operations);
}

DialectCapabilities capabilities() {
  return {.transactional_ddl = true,
          .rebuild_needs_foreign_keys_off = false,
          .identifier_case = IdentifierCase::exact,
          .max_identifier_length = max_identifier_length,
          .alter = {}};
}

}  // namespace dbmigrate::postgresql
