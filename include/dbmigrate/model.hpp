// Models declared in plain C++, from the application's own structs (docs/guide.md).
//
//   struct Author { std::int64_t id; std::string name; };
//   struct Book {
//     std::int64_t id;
//     std::string title;
//     std::optional<std::string> isbn;   // std::optional: a nullable column
//     double price;
//     std::int64_t author_id;
//   };
//
//   void dbmigrate_models(dbmigrate::Schema& schema) {
//     schema.table<Author>("authors")
//         .column("id", &Author::id).primary_key().autoincrement()
//         .column("name", &Author::name).unique();
//     schema.table<Book>("books")
//         .column("id", &Book::id).primary_key()
//         .column("title", &Book::title).collation("NOCASE").renamed_from("name")
//         .column("isbn", &Book::isbn).type("varchar(13)")
//         .column("price", &Book::price).server_default("0").check("price >= 0")
//         .column("author_id", &Book::author_id).references("authors", "id")
//             .on_delete(dbmigrate::ReferentialAction::cascade)
//         .index("ix_books_title", {"title"}).where("price > 0")
//         .unique_constraint({"title", "author_id"})
//         .check("length(title) > 0", "title_not_empty");
//   }
//
// Column types come from the member types (column_type<T> below); everything else is
// declared. SQL fragments (CHECK, DEFAULT, WHERE, expression keys) are SQLite SQL, as they
// would follow the keyword in a CREATE statement. Mistakes are collected while declaring and
// reported together by Schema::validate().
#pragma once

#include <chrono>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dbmigrate/snapshot.hpp"

namespace dbmigrate {

class Schema;

// ---------------------------------------------------------------------------------------------
// Type inference. column_type<T>::name is the portable type of a member of type T; a type
// without it has no inference. Specialize it for an application type to give that type one:
//   template <>
//   struct dbmigrate::column_type<Money> {
//     static constexpr std::string_view name = "numeric(12,2)";
//   };

template <typename T>
struct column_type {};

template <>
struct column_type<bool> {
  static constexpr std::string_view name = "boolean";
};
template <>
struct column_type<short> {
  static constexpr std::string_view name = "smallint";
};
// SQLite's INTEGER holds 64 bits, and an `integer` primary key is SQLite's rowid.
template <>
struct column_type<int> {
  static constexpr std::string_view name = "integer";
};
template <>
struct column_type<long> {
  static constexpr std::string_view name = "integer";
};
template <>
struct column_type<long long> {
  static constexpr std::string_view name = "integer";
};
// Unsigned types: the smallest signed portable type that holds every value, so that no value
// reads back negative on a database with signed integers only. A 64-bit unsigned type (
// std::uint64_t, unsigned long long) has none: no portable type holds 2^64 - 1 exactly, so
// declare its column with .type(...), e.g. "bigint" for values below 2^63 (docs/types.md).
template <>
struct column_type<signed char> {
  static constexpr std::string_view name = "smallint";
};
template <>
struct column_type<unsigned char> {
  static constexpr std::string_view name = "smallint";
};
template <>
struct column_type<unsigned short> {
  static constexpr std::string_view name = "integer";
};
template <>
struct column_type<unsigned int> {
  static constexpr std::string_view name = "bigint";
};
template <>
struct column_type<unsigned long> {};  // 64 bits where long is (LP64); see above
template <>
struct column_type<float> {
  static constexpr std::string_view name = "real";
};
template <>
struct column_type<double> {
  static constexpr std::string_view name = "double";
};
template <>
struct column_type<std::string> {
  static constexpr std::string_view name = "text";
};
template <>
struct column_type<std::vector<std::byte>> {
  static constexpr std::string_view name = "blob";
};
template <>
struct column_type<std::vector<unsigned char>> {
  static constexpr std::string_view name = "blob";
};
template <>
struct column_type<std::chrono::year_month_day> {
  static constexpr std::string_view name = "date";
};
template <typename Duration>
struct column_type<std::chrono::time_point<std::chrono::system_clock, Duration>> {
  static constexpr std::string_view name = "timestamp";
};
// A time point counted in whole days is a calendar date.
template <>
struct column_type<std::chrono::sys_days> {
  static constexpr std::string_view name = "date";
};

// std::optional<T>: T's type, and the column is nullable.
template <typename T>
struct column_type<std::optional<T>> : column_type<T> {};

template <typename T>
concept inferable_column_type = requires {
  { column_type<T>::name } -> std::convertible_to<std::string_view>;
};

template <typename T>
inline constexpr bool is_optional_member = false;
template <typename T>
inline constexpr bool is_optional_member<std::optional<T>> = true;

// ---------------------------------------------------------------------------------------------
// One key of an index: a column by name (a plain string converts), or an SQL expression.
//   .index("ix_books_recent", {"author_id", dbmigrate::IndexColumn("added").desc()})
//   .index("ix_books_lower_title", {dbmigrate::sql_expression("lower(title)")})
class IndexColumn {
 public:
  IndexColumn(const char* column) { key_.name = column; }  // NOLINT: implicit on purpose
  IndexColumn(std::string column) { key_.name = std::move(column); }  // NOLINT
  [[nodiscard]] IndexColumn desc() const;
  [[nodiscard]] IndexColumn collate(std::string collation) const;
  [[nodiscard]] const IndexKey& key() const { return key_; }

 private:
  friend IndexColumn sql_expression(std::string expression);
  IndexKey key_;
};

[[nodiscard]] IndexColumn sql_expression(std::string expression);

namespace detail {

// The non-template half of the builders below, compiled once in the library: one table of a
// Schema, found by position so that declaring more tables never invalidates it.
class TableEditor {
 public:
  TableEditor(Schema& schema, std::size_t table) : schema_(&schema), table_(table) {}

  std::size_t add_column(std::string name, std::string_view type, bool nullable);
  void set_column_type(std::size_t column, std::string type);
  void column_nullable(std::size_t column, bool nullable);
  void column_primary_key(std::size_t column);
  void column_autoincrement(std::size_t column);
  void column_unique(std::size_t column, std::optional<std::string> name);
  void column_server_default(std::size_t column, std::string sql);
  void column_generated(std::size_t column, std::string expression, bool stored);
  void column_not_null_on_conflict(std::size_t column, ConflictAction action);
  void column_unique_on_conflict(std::size_t column, ConflictAction action);
  void primary_key_on_conflict(ConflictAction action);
  void column_collation(std::size_t column, std::string collation);
  void column_renamed_from(std::size_t column, std::string old_name);
  std::size_t column_references(std::size_t column, std::string table,
                                std::optional<std::string> ref_column,
                                std::optional<std::string> name);
  // `foreign_key` is none when the column declared no references(): a mistake.
  void column_reference_action(std::size_t column, std::optional<std::size_t> foreign_key,
                               std::string_view which, ReferentialAction action);

  std::size_t add_index(std::string name, const std::vector<IndexColumn>& keys);
  void index_unique(std::size_t index);
  void index_where(std::size_t index, std::string sql);
  void add_unique(std::vector<std::string> columns, std::optional<std::string> name,
                  std::optional<ConflictAction> on_conflict);
  std::size_t add_foreign_key(std::vector<std::string> columns, std::string table,
                              std::vector<std::string> ref_columns,
                              std::optional<std::string> name);
  void foreign_key_on_delete(std::size_t foreign_key, ReferentialAction action);
  void foreign_key_on_update(std::size_t foreign_key, ReferentialAction action);
  void foreign_key_deferrable(std::size_t foreign_key, bool initially_deferred);
  // `foreign_key` is none when the column declared no references(): a mistake.
  void column_reference_deferrable(std::size_t column, std::optional<std::size_t> foreign_key,
                                   bool initially_deferred);
  void primary_key(std::vector<std::string> columns);
  void add_check(std::string expression, std::optional<std::string> name);
  void without_rowid();
  void strict();
  void renamed_from(std::string old_name);

 private:
  Table& table() const;
  void mistake(std::string message) const;
  Schema* schema_;
  std::size_t table_;
};

}  // namespace detail

template <typename Model> class ColumnBuilder;
template <typename Model> class UntypedColumnBuilder;
template <typename Model> class IndexBuilder;
template <typename Model> class ForeignKeyBuilder;

// ---------------------------------------------------------------------------------------------
// schema.table<Model>("name"): the table's columns and table-level constraints.
template <typename Model>
class TableBuilder {
 public:
  explicit TableBuilder(detail::TableEditor editor) : editor_(editor) {}

  // A column from a member of Model; its type is inferred from the member's type, and it is
  // NOT NULL unless the member is a std::optional. A member type without inference needs
  // .type("...") right after: .column("data", &Model::data).type("json").
  template <typename Member>
  auto column(std::string name, Member Model::* /*member*/) const {
    if constexpr (inferable_column_type<Member>) {
      std::size_t column = editor_.add_column(std::move(name), column_type<Member>::name,
                                              is_optional_member<Member>);
      return ColumnBuilder<Model>(editor_, column);
    } else {
      std::size_t column = editor_.add_column(std::move(name), {}, is_optional_member<Member>);
      return UntypedColumnBuilder<Model>(editor_, column);
    }
  }

  // A named index over columns or expressions; .unique() and .where("...") refine it.
  IndexBuilder<Model> index(std::string name, const std::vector<IndexColumn>& keys) const {
    return IndexBuilder<Model>(editor_, editor_.add_index(std::move(name), keys));
  }
  // SQLite: `on_conflict` is the constraint's ON CONFLICT clause (REPLACE, IGNORE, ...).
  TableBuilder unique_constraint(std::vector<std::string> columns,
                                 std::optional<std::string> name = {},
                                 std::optional<ConflictAction> on_conflict = {}) const {
    editor_.add_unique(std::move(columns), std::move(name), on_conflict);
    return *this;
  }
  // SQLite: the primary key's ON CONFLICT clause, as SQLAlchemy's sqlite_on_conflict_primary_key.
  TableBuilder sqlite_on_conflict_primary_key(ConflictAction action) const {
    editor_.primary_key_on_conflict(action);
    return *this;
  }
  // A (composite) foreign key; .on_delete(...) and .on_update(...) refine it.
  ForeignKeyBuilder<Model> foreign_key(std::vector<std::string> columns, std::string ref_table,
                                       std::vector<std::string> ref_columns,
                                       std::optional<std::string> name = {}) const {
    return ForeignKeyBuilder<Model>(
        editor_, editor_.add_foreign_key(std::move(columns), std::move(ref_table),
                                         std::move(ref_columns), std::move(name)));
  }
  // A (composite) primary key, in key order. For one column, .column(...).primary_key().
  TableBuilder primary_key(std::vector<std::string> columns) const {
    editor_.primary_key(std::move(columns));
    return *this;
  }
  TableBuilder check(std::string expression, std::optional<std::string> name = {}) const {
    editor_.add_check(std::move(expression), std::move(name));
    return *this;
  }
  TableBuilder without_rowid() const {
    editor_.without_rowid();
    return *this;
  }
  // SQLite STRICT: each column's type must be INT, INTEGER, REAL, TEXT, BLOB or ANY.
  TableBuilder strict() const {
    editor_.strict();
    return *this;
  }
  // Rename hint: the table was called `old_name` before.
  TableBuilder renamed_from(std::string old_name) const {
    editor_.renamed_from(std::move(old_name));
    return *this;
  }

 protected:
  mutable detail::TableEditor editor_;
};

// The column just declared. Column-level calls apply to it; table-level calls (column, index,
// unique_constraint, foreign_key, primary_key({...}), without_rowid, strict) continue the table.
// Note renamed_from() and check() here are the column's; renamed_from() after a table-level
// call is the table's.
template <typename Model>
class ColumnBuilder : public TableBuilder<Model> {
  using Base = TableBuilder<Model>;

 public:
  ColumnBuilder(detail::TableEditor editor, std::size_t column,
                std::optional<std::size_t> foreign_key = {})
      : Base(editor), column_(column), foreign_key_(foreign_key) {}

  using Base::primary_key;
  // Overrides the inferred type with a portable type: "varchar(13)", "numeric(10,2)", "json".
  ColumnBuilder type(std::string portable_type) const {
    return call(&E::set_column_type, std::move(portable_type));
  }
  ColumnBuilder nullable(bool nullable = true) const { return call(&E::column_nullable, nullable); }
  ColumnBuilder primary_key() const { return call(&E::column_primary_key); }
  // Only on a single-column integer primary key: ids are never reused.
  ColumnBuilder autoincrement() const { return call(&E::column_autoincrement); }
  ColumnBuilder unique(std::optional<std::string> name = {}) const {
    return call(&E::column_unique, std::move(name));
  }
  // An SQL expression: "0", "'draft'", "CURRENT_TIMESTAMP", "(datetime('now'))".
  ColumnBuilder server_default(std::string sql) const {
    return call(&E::column_server_default, std::move(sql));
  }
  ColumnBuilder collation(std::string collation) const {
    return call(&E::column_collation, std::move(collation));
  }
  // A generated column, computed from the row's other columns: "qty * unit_price". VIRTUAL
  // computes it when read; generated_stored() writes it with the row.
  ColumnBuilder generated(std::string expression) const {
    return call(&E::column_generated, std::move(expression), false);
  }
  ColumnBuilder generated_stored(std::string expression) const {
    return call(&E::column_generated, std::move(expression), true);
  }
  // SQLite: ON CONFLICT clauses of this column's NOT NULL and of the unique() just declared.
  ColumnBuilder sqlite_on_conflict_not_null(ConflictAction action) const {
    return call(&E::column_not_null_on_conflict, action);
  }
  ColumnBuilder sqlite_on_conflict_unique(ConflictAction action) const {
    return call(&E::column_unique_on_conflict, action);
  }
  // A CHECK constraint of the table, written next to the column it is about.
  ColumnBuilder check(std::string expression, std::optional<std::string> name = {}) const {
    this->editor_.add_check(std::move(expression), std::move(name));
    return *this;
  }
  // Rename hint: the column was called `old_name` before.
  ColumnBuilder renamed_from(std::string old_name) const {
    return call(&E::column_renamed_from, std::move(old_name));
  }
  // A foreign key on this column; without `ref_column`, the target's primary key.
  ColumnBuilder references(std::string ref_table, std::optional<std::string> ref_column = {},
                           std::optional<std::string> name = {}) const {
    return ColumnBuilder(this->editor_, column_,
                         this->editor_.column_references(column_, std::move(ref_table),
                                                         std::move(ref_column), std::move(name)));
  }
  ColumnBuilder on_delete(ReferentialAction action) const {
    this->editor_.column_reference_action(column_, foreign_key_, "on_delete", action);
    return *this;
  }
  ColumnBuilder on_update(ReferentialAction action) const {
    this->editor_.column_reference_action(column_, foreign_key_, "on_update", action);
    return *this;
  }
  // DEFERRABLE INITIALLY DEFERRED: the key is checked at COMMIT, so rows that point at each
  // other can be inserted in any order; deferrable(false) is DEFERRABLE INITIALLY IMMEDIATE.
  ColumnBuilder deferrable(bool initially_deferred = true) const {
    this->editor_.column_reference_deferrable(column_, foreign_key_, initially_deferred);
    return *this;
  }

 private:
  using E = detail::TableEditor;
  template <typename... Args, typename... Values>
  ColumnBuilder call(void (E::*edit)(std::size_t, Args...), Values&&... values) const {
    (this->editor_.*edit)(column_, std::forward<Values>(values)...);
    return *this;
  }
  std::size_t column_;
  std::optional<std::size_t> foreign_key_;
};

// A column whose member type has no inference: only .type("...") may follow.
template <typename Model>
class [[nodiscard]] UntypedColumnBuilder {
 public:
  UntypedColumnBuilder(detail::TableEditor editor, std::size_t column)
      : editor_(editor), column_(column) {}

  ColumnBuilder<Model> type(std::string portable_type) const {
    editor_.set_column_type(column_, std::move(portable_type));
    return ColumnBuilder<Model>(editor_, column_);
  }

  // Anything else is a compile-time error that says what to do.
  template <typename... Args>
  void column(Args&&...) const { untyped(); }
  template <typename... Args>
  void primary_key(Args&&...) const { untyped(); }
  template <typename... Args>
  void nullable(Args&&...) const { untyped(); }
  template <typename... Args>
  void unique(Args&&...) const { untyped(); }
  template <typename... Args>
  void server_default(Args&&...) const { untyped(); }
  template <typename... Args>
  void generated(Args&&...) const { untyped(); }
  template <typename... Args>
  void generated_stored(Args&&...) const { untyped(); }
  template <typename... Args>
  void sqlite_on_conflict_not_null(Args&&...) const { untyped(); }
  template <typename... Args>
  void sqlite_on_conflict_unique(Args&&...) const { untyped(); }
  template <typename... Args>
  void sqlite_on_conflict_primary_key(Args&&...) const { untyped(); }
  template <typename... Args>
  void references(Args&&...) const { untyped(); }
  template <typename... Args>
  void index(Args&&...) const { untyped(); }
  template <typename... Args>
  void check(Args&&...) const { untyped(); }
  template <typename... Args>
  void collation(Args&&...) const { untyped(); }
  template <typename... Args>
  void autoincrement(Args&&...) const { untyped(); }
  template <typename... Args>
  void renamed_from(Args&&...) const { untyped(); }
  template <typename... Args>
  void unique_constraint(Args&&...) const { untyped(); }
  template <typename... Args>
  void foreign_key(Args&&...) const { untyped(); }
  template <typename... Args>
  void without_rowid(Args&&...) const { untyped(); }
  template <typename... Args>
  void strict(Args&&...) const { untyped(); }

 private:
  template <bool Typed = false>
  static void untyped() {
    static_assert(Typed,
                  "DbMigrate cannot infer a column type from this member's type: call "
                  ".type(\"...\") right after .column(...), e.g. .column(\"data\", "
                  "&Model::data).type(\"json\"), or specialize dbmigrate::column_type<T>");
  }
  mutable detail::TableEditor editor_;
  std::size_t column_;
};

template <typename Model>
class IndexBuilder : public TableBuilder<Model> {
 public:
  IndexBuilder(detail::TableEditor editor, std::size_t index)
      : TableBuilder<Model>(editor), index_(index) {}

  IndexBuilder unique() const {
    this->editor_.index_unique(index_);
    return *this;
  }
  // A partial index: only rows where `sql` holds.
  IndexBuilder where(std::string sql) const {
    this->editor_.index_where(index_, std::move(sql));
    return *this;
  }

 private:
  std::size_t index_;
};

template <typename Model>
class ForeignKeyBuilder : public TableBuilder<Model> {
 public:
  ForeignKeyBuilder(detail::TableEditor editor, std::size_t foreign_key)
      : TableBuilder<Model>(editor), foreign_key_(foreign_key) {}

  ForeignKeyBuilder on_delete(ReferentialAction action) const {
    this->editor_.foreign_key_on_delete(foreign_key_, action);
    return *this;
  }
  ForeignKeyBuilder on_update(ReferentialAction action) const {
    this->editor_.foreign_key_on_update(foreign_key_, action);
    return *this;
  }
  // As ColumnBuilder::deferrable().
  ForeignKeyBuilder deferrable(bool initially_deferred = true) const {
    this->editor_.foreign_key_deferrable(foreign_key_, initially_deferred);
    return *this;
  }

 private:
  std::size_t foreign_key_;
};

// ---------------------------------------------------------------------------------------------
// The whole model: SQLAlchemy's MetaData.
class Schema {
 public:
  template <typename Model>
  TableBuilder<Model> table(std::string name) {
    return TableBuilder<Model>(detail::TableEditor(*this, add_table(std::move(name))));
  }
  // Views and triggers pass through as their whole CREATE statement.
  void view(std::string name, std::string create_sql);
  void trigger(std::string name, std::string table, std::string create_sql);

  // Every mistake in the declarations, each naming its table and column; empty when none.
  [[nodiscard]] std::vector<std::string> mistakes() const;
  // Throws Error(input) listing mistakes(), one a line.
  void validate() const;

  // The canonical snapshot: what inspecting the same schema created in SQLite gives, plus
  // the rename hints. Validates first.
  [[nodiscard]] Snapshot snapshot() const;

  // SQLAlchemy's metadata.create_all(): creates every table, index, view and trigger in one
  // transaction, in the database file (or SQLite URI) `database_path`. Throws Error(input)
  // when the schema has mistakes or an object already exists, DatabaseError when SQLite refuses
  // a statement.
  void create_all(const std::string& database_path) const;

 private:
  friend class detail::TableEditor;
  std::size_t add_table(std::string name);
  [[nodiscard]] Snapshot unchecked_snapshot() const;

  struct TableDraft {
    Table table;
    std::vector<std::string> mistakes;  // found while declaring
  };
  std::vector<TableDraft> tables_;
  std::vector<View> views_;
  std::vector<Trigger> triggers_;
};

}  // namespace dbmigrate

// Defined by the application in its model sources; the snapshot tool (DbMigrate::snapshot_main)
// calls it and prints the canonical JSON of the schema it declares.
void dbmigrate_models(dbmigrate::Schema& schema);
