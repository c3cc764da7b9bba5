// DbMigrate::model: C++ declarations -> Snapshot, validation, create_all, the snapshot tool.
#include "dbmigrate/model.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <type_traits>

#include "dbmigrate/diff.hpp"
#include "dbmigrate/error.hpp"
#include "dbmigrate/snapshot_json.hpp"
#include "dbmigrate/sqlite.hpp"
#include "dialect/sqlite/connection.hpp"
#include "dialect/sqlite/inspect.hpp"
#include "unit/temp_folder.hpp"

namespace dbmigrate {
namespace {

using testing::TempFolderTest;

struct Custom {
  int value;
};

struct AllTypes {
  std::int64_t i64;
  int i32;
  long long ll;
  std::int16_t i16;
  bool flag;
  double d;
  float f;
  std::string s;
  std::vector<std::byte> bytes;
  std::vector<unsigned char> uchars;
  std::chrono::sys_seconds seconds;
  std::chrono::system_clock::time_point now;
  std::chrono::sys_days days;
  std::chrono::year_month_day day;
  std::optional<std::int64_t> maybe_i64;
  std::optional<std::string> maybe_s;
  std::optional<std::chrono::sys_seconds> maybe_seconds;
  std::optional<std::vector<std::byte>> maybe_bytes;
  Custom custom;
  std::optional<Custom> maybe_custom;
};

static_assert(!inferable_column_type<Custom>);
static_assert(std::is_same_v<decltype(std::declval<TableBuilder<AllTypes>>().column("c", &AllTypes::custom)),
                             UntypedColumnBuilder<AllTypes>>);
static_assert(std::is_same_v<decltype(std::declval<TableBuilder<AllTypes>>().column("s", &AllTypes::s)),
                             ColumnBuilder<AllTypes>>);

const Table& only_table(const Snapshot& snapshot) {
  EXPECT_EQ(snapshot.tables.size(), 1u);
  return snapshot.tables.at(0);
}

std::vector<std::string> mistakes_of(void (*declare)(Schema&)) {
  Schema schema;
  declare(schema);
  return schema.mistakes();
}

TEST(ModelTypes, EveryMemberTypeInfersItsPortableTypeAndNullability) {
  Schema schema;
  schema.table<AllTypes>("all_types")
      .column("i64", &AllTypes::i64).primary_key()
      .column("i32", &AllTypes::i32)
      .column("ll", &AllTypes::ll)
      .column("i16", &AllTypes::i16)
      .column("flag", &AllTypes::flag)
      .column("d", &AllTypes::d)
      .column("f", &AllTypes::f)
      .column("s", &AllTypes::s)
      .column("bytes", &AllTypes::bytes)
      .column("uchars", &AllTypes::uchars)
      .column("seconds", &AllTypes::seconds)
      .column("now", &AllTypes::now)
      .column("days", &AllTypes::days)
      .column("day", &AllTypes::day)
      .column("maybe_i64", &AllTypes::maybe_i64)
      .column("maybe_s", &AllTypes::maybe_s)
      .column("maybe_seconds", &AllTypes::maybe_seconds)
      .column("maybe_bytes", &AllTypes::maybe_bytes)
      .column("custom", &AllTypes::custom).type("json")
      .column("maybe_custom", &AllTypes::maybe_custom).type("VARCHAR( 20 )");
  const Snapshot snapshot = schema.snapshot();
  const Table& table = only_table(snapshot);
  std::vector<std::pair<std::string, std::string>> types;
  std::vector<std::string> nullable;
  for (const auto& column : table.columns) {
    types.emplace_back(column.name, column.type);
    if (column.nullable) nullable.push_back(column.name);
  }
  EXPECT_EQ(types, (std::vector<std::pair<std::string, std::string>>{
                       {"i64", "integer"},       {"i32", "integer"},        {"ll", "integer"},
                       {"i16", "smallint"},      {"flag", "boolean"},       {"d", "double"},
                       {"f", "real"},            {"s", "text"},             {"bytes", "blob"},
                       {"uchars", "blob"},       {"seconds", "timestamp"},  {"now", "timestamp"},
                       {"days", "date"},    {"day", "date"},           {"maybe_i64", "integer"},
                       {"maybe_s", "text"},      {"maybe_seconds", "timestamp"},
                       {"maybe_bytes", "blob"},  {"custom", "json"},        {"maybe_custom", "varchar(20)"}}));
  EXPECT_EQ(nullable, (std::vector<std::string>{"maybe_i64", "maybe_s", "maybe_seconds",
                                                "maybe_bytes", "maybe_custom"}));
}

struct Row {
  std::int64_t id;
  std::string name;
  std::optional<std::string> note;
  std::int64_t parent_id;
  std::int64_t a;
  std::int64_t b;
};

TEST(ModelBuilder, ColumnLevelCallsLandInTheSnapshot) {
  Schema schema;
  schema.table<Row>("parents").column("id", &Row::id).primary_key().column("a", &Row::a).column("b", &Row::b)
      .unique_constraint({"a", "b"});
  schema.table<Row>("rows")
      .column("id", &Row::id).primary_key().autoincrement()
      .column("name", &Row::name).unique("uq_rows_name").collation("NOCASE").server_default(" 'x' ")
          .check("length(name)  <  10", "name_short").renamed_from("title")
      .column("note", &Row::note).nullable(false).type("text")
      .column("parent_id", &Row::parent_id).nullable().references("parents")
          .on_delete(ReferentialAction::set_null).on_update(ReferentialAction::cascade)
      .column("a", &Row::a).server_default("1 + 2").references("parents", "a", "fk_rows_a");
  const Snapshot snapshot = schema.snapshot();
  const Table& rows = *snapshot.find_table("rows");
  EXPECT_EQ(rows.primary_key, std::vector<std::string>{"id"});
  EXPECT_TRUE(rows.columns[0].autoincrement);
  EXPECT_FALSE(rows.columns[0].nullable);
  EXPECT_EQ(rows.columns[1], (Column{.name = "name", .type = "text", .nullable = false, .default_sql = "'x'",
                                     .collation = "NOCASE", .renamed_from = "title"}));
  EXPECT_FALSE(rows.columns[2].nullable);
  EXPECT_TRUE(rows.columns[3].nullable);
  EXPECT_EQ(rows.columns[4].default_sql, "(1 + 2)");
  EXPECT_EQ(rows.uniques, (std::vector<UniqueConstraint>{{.name = "uq_rows_name", .columns = {"name"}}}));
  EXPECT_EQ(rows.checks, (std::vector<CheckConstraint>{{.name = "name_short", .expression = "length(name) < 10"}}));
  EXPECT_EQ(rows.foreign_keys,
            (std::vector<ForeignKey>{{.name = "fk_rows_a", .columns = {"a"}, .ref_table = "parents", .ref_columns = {"a"}},
                                     {.columns = {"parent_id"}, .ref_table = "parents", .ref_columns = {"id"},
                                      .on_delete = ReferentialAction::set_null,
                                      .on_update = ReferentialAction::cascade}}));
}

TEST(ModelBuilder, GeneratedColumnsLandInTheSnapshotNormalized) {
  Schema schema;
  schema.table<Row>("rows")
      .column("a", &Row::a)
      .column("b", &Row::b)
      .generated("a  *  2")
      .column("id", &Row::id)
      .generated_stored("a + b");
  schema.validate();
  const Snapshot snapshot = schema.snapshot();
  const Table& rows = *snapshot.find_table("rows");
  EXPECT_EQ(rows.find_column("b")->generated, (Generated{.expression = "a * 2"}));
  EXPECT_EQ(rows.find_column("id")->generated, (Generated{.expression = "a + b", .stored = true}));
}

TEST(ModelBuilder, DeferrableForeignKeys) {
  Schema schema;
  schema.table<Row>("parents").column("id", &Row::id).primary_key();
  schema.table<Row>("rows")
      .column("id", &Row::id)
      .primary_key()
      .column("parent_id", &Row::parent_id)
      .references("parents")
      .deferrable()
      .column("a", &Row::a)
      .foreign_key({"a"}, "parents", {"id"})
      .on_delete(ReferentialAction::cascade)
      .deferrable(false);
  schema.validate();
  const Snapshot snapshot = schema.snapshot();
  const Table& rows = *snapshot.find_table("rows");
  ASSERT_EQ(rows.foreign_keys.size(), 2u);
  for (const auto& key : rows.foreign_keys) {
    EXPECT_TRUE(key.deferrable);
    EXPECT_EQ(key.initially_deferred, key.columns == std::vector<std::string>{"parent_id"});
  }
  EXPECT_EQ(mistakes_of([](Schema& s) { s.table<Row>("rows").column("id", &Row::id).deferrable(); }),
            std::vector<std::string>{"table 'rows': column 'id': deferrable() needs references() before it"});
}

TEST(ModelBuilder, SqliteOnConflictClauses) {
  Schema schema;
  schema.table<Row>("rows")
      .column("id", &Row::id)
      .primary_key()
      .column("name", &Row::name)
      .sqlite_on_conflict_not_null(ConflictAction::replace)
      .unique()
      .sqlite_on_conflict_unique(ConflictAction::ignore)
      .column("a", &Row::a)
      .column("b", &Row::b)
      .unique_constraint({"a", "b"}, "u_ab", ConflictAction::fail)
      .sqlite_on_conflict_primary_key(ConflictAction::rollback);
  schema.validate();
  const Snapshot snapshot = schema.snapshot();
  const Table& rows = *snapshot.find_table("rows");
  EXPECT_EQ(rows.sqlite.primary_key_on_conflict, ConflictAction::rollback);
  EXPECT_EQ(rows.find_column("name")->sqlite.not_null_on_conflict, ConflictAction::replace);
  ASSERT_EQ(rows.uniques.size(), 2u);
  for (const auto& unique : rows.uniques) {
    EXPECT_EQ(unique.sqlite.on_conflict, unique.name ? ConflictAction::fail : ConflictAction::ignore);
  }
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("rows").column("note", &Row::note).sqlite_on_conflict_not_null(ConflictAction::ignore);
            }),
            std::vector<std::string>{"table 'rows': column 'note': sqlite_on_conflict_not_null() on a nullable column"});
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("rows").column("id", &Row::id).sqlite_on_conflict_unique(ConflictAction::ignore);
            }),
            std::vector<std::string>{"table 'rows': column 'id': sqlite_on_conflict_unique() needs unique() before it"});
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("rows").column("id", &Row::id).sqlite_on_conflict_primary_key(ConflictAction::ignore);
            }),
            std::vector<std::string>{"table 'rows': sqlite_on_conflict_primary_key() on a table without a primary key"});
}

TEST(ModelBuilder, StrictTablesKeepTheirInferredTypes) {
  Schema schema;
  schema.table<Row>("rows").column("id", &Row::id).primary_key().column("name", &Row::name).column("note", &Row::note).strict();
  schema.validate();
  const Snapshot snapshot = schema.snapshot();
  const Table& rows = *snapshot.find_table("rows");
  EXPECT_TRUE(rows.sqlite.strict);
  EXPECT_FALSE(rows.sqlite.without_rowid);
  for (const auto& column : rows.columns) EXPECT_TRUE(is_strict_type(column.type)) << column.type;
}

TEST(ModelBuilder, TableLevelCallsLandInTheSnapshot) {
  Schema schema;
  schema.table<Row>("parents").column("a", &Row::a).column("b", &Row::b).primary_key({"a", "b"});
  schema.table<Row>("rows")
      .renamed_from("old_rows")
      .column("a", &Row::a)
      .column("b", &Row::b)
      .column("name", &Row::name)
      .primary_key({"b", "a"})
      .without_rowid()
      .index("ix_rows_name", {"name"})
      .index("ix_rows_mixed", {dbmigrate::IndexColumn("a").desc(), dbmigrate::IndexColumn("name").collate("NOCASE"),
                               dbmigrate::sql_expression("lower( name )")})
          .unique().where("a  >  0")
      .unique_constraint({"name"})
      .foreign_key({"a", "b"}, "parents", {"a", "b"}, "fk_rows_parent").on_delete(ReferentialAction::cascade)
      .check("a <> b");
  const Snapshot snapshot = schema.snapshot();
  const Table& rows = *snapshot.find_table("rows");
  EXPECT_EQ(rows.renamed_from, "old_rows");
  EXPECT_TRUE(rows.sqlite.without_rowid);
  EXPECT_EQ(rows.primary_key, (std::vector<std::string>{"b", "a"}));
  ASSERT_EQ(rows.indexes.size(), 2u);
  EXPECT_EQ(rows.indexes[0], (Index{.name = "ix_rows_mixed", .unique = true,
                                    .keys = {{.name = "a", .descending = true},
                                             {.name = "name", .collation = "NOCASE"},
                                             {.name = "lower(name)", .expression = true}},
                                    .where = "a > 0"}));
  EXPECT_EQ(rows.indexes[1], (Index{.name = "ix_rows_name", .keys = {{.name = "name"}}}));
  EXPECT_EQ(rows.uniques, (std::vector<UniqueConstraint>{{.columns = {"name"}}}));
  EXPECT_EQ(rows.foreign_keys, (std::vector<ForeignKey>{{.name = "fk_rows_parent", .columns = {"a", "b"},
                                                         .ref_table = "parents", .ref_columns = {"a", "b"},
                                                         .on_delete = ReferentialAction::cascade}}));
  EXPECT_EQ(rows.checks, (std::vector<CheckConstraint>{{.expression = "a <> b"}}));
}

TEST(ModelBuilder, ViewsAndTriggersAreStoredAsSqliteStoresThem) {
  Schema schema;
  schema.table<Row>("rows").column("id", &Row::id).column("name", &Row::name);
  schema.view("v_rows", "  create   temp view IF NOT EXISTS main.v_rows AS SELECT id FROM rows ;\n");
  schema.trigger("t_rows", "rows", "CREATE TRIGGER t_rows AFTER INSERT ON rows BEGIN SELECT 1; END;");
  const Snapshot snapshot = schema.snapshot();
  EXPECT_EQ(snapshot.views, (std::vector<View>{{.name = "v_rows", .sql = "CREATE VIEW v_rows AS SELECT id FROM rows"}}));
  EXPECT_EQ(snapshot.triggers,
            (std::vector<Trigger>{{.name = "t_rows", .table = "rows",
                                   .sql = "CREATE TRIGGER t_rows AFTER INSERT ON rows BEGIN SELECT 1; END"}}));
}

TEST(ModelBuilder, NamesAreSpelledAsDeclared) {
  Schema schema;
  schema.table<Row>("Parents").column("ID", &Row::id).primary_key();
  schema.table<Row>("rows").column("Name", &Row::name).column("parent_id", &Row::parent_id)
      .references("parents", "id").index("ix", {"NAME"}).unique_constraint({"name"});
  const Snapshot snapshot = schema.snapshot();
  const Table& rows = *snapshot.find_table("rows");
  EXPECT_EQ(rows.foreign_keys[0].ref_table, "Parents");
  EXPECT_EQ(rows.foreign_keys[0].ref_columns, std::vector<std::string>{"ID"});
  EXPECT_EQ(rows.indexes[0].keys[0].name, "Name");
  EXPECT_EQ(rows.uniques[0].columns, std::vector<std::string>{"Name"});
}

// --- mistakes -------------------------------------------------------------------------------

TEST(ModelMistakes, EachIsReportedNamingTableAndColumn) {
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("rows").column("id", &Row::id);
              s.table<Row>("ROWS").column("id", &Row::id);
            }),
            std::vector<std::string>{"table 'ROWS' is declared twice"});
  EXPECT_EQ(mistakes_of([](Schema& s) { (void)s.table<Row>("rows"); }),
            std::vector<std::string>{"table 'rows' has no columns"});
  EXPECT_EQ(mistakes_of([](Schema& s) { s.table<Row>("rows").column("id", &Row::id).column("Id", &Row::a); }),
            std::vector<std::string>{"table 'rows': column 'Id' is declared twice"});
  EXPECT_EQ(mistakes_of([](Schema& s) { s.table<Row>("rows").column("id", &Row::id).references("nope", "id"); }),
            std::vector<std::string>{"table 'rows': foreign key (id) references unknown table 'nope'"});
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("a").column("id", &Row::id);
              s.table<Row>("rows").column("id", &Row::id).references("a", "idx");
            }),
            std::vector<std::string>{"table 'rows': foreign key (id) references unknown column 'a.idx'"});
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("a").column("id", &Row::id);
              s.table<Row>("rows").column("id", &Row::id).references("a");
            }),
            std::vector<std::string>{
                "table 'rows': foreign key (id) references table 'a' without naming columns, but 'a' has no primary key"});
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("a").column("x", &Row::a).column("y", &Row::b);
              s.table<Row>("rows").column("id", &Row::id).foreign_key({"id", "zz"}, "a", {"x"});
            }),
            (std::vector<std::string>{"table 'rows': foreign key (id, zz) names unknown column 'zz'",
                                      "table 'rows': foreign key (id, zz) has 2 columns but references 1 (a.x)"}));
  EXPECT_EQ(mistakes_of([](Schema& s) { s.table<Row>("rows").column("id", &Row::id).primary_key({"id", "nope"}); }),
            std::vector<std::string>{"table 'rows': primary key names unknown column 'nope'"});
  EXPECT_EQ(mistakes_of([](Schema& s) { s.table<Row>("rows").column("id", &Row::id).index("ix", {"nope"}); }),
            std::vector<std::string>{"table 'rows': index 'ix' names unknown column 'nope'"});
  EXPECT_EQ(mistakes_of([](Schema& s) { s.table<Row>("rows").column("id", &Row::id).unique_constraint({"id", "nope"}); }),
            std::vector<std::string>{"table 'rows': unique constraint (id, nope) names unknown column 'nope'"});
  EXPECT_EQ(mistakes_of([](Schema& s) { s.table<Row>("rows").column("id", &Row::id).check("nope > 0"); }),
            std::vector<std::string>{"table 'rows': check nope > 0: no such column: nope"});
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("a").column("id", &Row::id).index("ix_same", {"id"});
              s.table<Row>("b").column("id", &Row::id).index("IX_same", {"id"});
            }),
            std::vector<std::string>{"table 'b': index 'IX_same' is declared twice (first on table 'a')"});
  EXPECT_EQ(mistakes_of([](Schema& s) { s.table<Row>("rows").column("name", &Row::name).primary_key().autoincrement(); }),
            std::vector<std::string>{"table 'rows': column 'name': autoincrement needs an integer column, not 'text'"});
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("rows").column("a", &Row::a).autoincrement().column("b", &Row::b);
            }),
            std::vector<std::string>{
                "table 'rows': column 'a': autoincrement needs the column to be the table's only primary-key column"});
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("rows").column("a", &Row::a).column("b", &Row::b).primary_key({"a", "b"});
              s.table<Row>("more").column("a", &Row::a).primary_key().autoincrement().column("b", &Row::b).primary_key();
            }),
            std::vector<std::string>{
                "table 'more': column 'a': autoincrement needs the column to be the table's only primary-key column"});
  EXPECT_EQ(mistakes_of([](Schema& s) { s.table<Row>("rows").column("name", &Row::name).type("varchr(13)"); }),
            std::vector<std::string>{
                "table 'rows': column 'name': unknown column type 'varchr(13)' (portable types: integer, bigint, "
                "smallint, boolean, real, double, numeric, numeric(p,s), text, varchar(n), char(n), blob, date, "
                "time, timestamp, json, any)"});
  EXPECT_EQ(mistakes_of([](Schema& s) { (void)s.table<AllTypes>("t").column("custom", &AllTypes::custom); }),
            std::vector<std::string>{"table 't': column 'custom' has no type: call .type(\"...\") after .column(...)"});
  EXPECT_EQ(mistakes_of([](Schema& s) { s.table<AllTypes>("t").column("custom", &AllTypes::custom).type(""); }),
            std::vector<std::string>{"table 't': column 'custom' has no type: call .type(\"...\") after .column(...)"});
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("rows").column("id", &Row::id).on_delete(ReferentialAction::cascade);
            }),
            std::vector<std::string>{"table 'rows': column 'id': on_delete() needs references() before it"});
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("rows").column("id", &Row::id).primary_key().primary_key({"id"});
            }),
            std::vector<std::string>{"table 'rows': primary key declared twice: (id), then (id)"});
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("rows").column("note", &Row::note).primary_key().without_rowid();
            }),
            std::vector<std::string>{
                "table 'rows': column 'note' is in the primary key of a WITHOUT ROWID table, so it cannot be nullable"});
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("rows").column("id", &Row::id).column("name", &Row::name).type("varchar(20)").strict();
            }),
            std::vector<std::string>{"table 'rows': column 'name': a STRICT table takes integer, real, text, blob or "
                                     "any, not 'varchar(20)'; give the column one of them with .type(...)"});
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("rows").column("id", &Row::id).column("a", &Row::a).generated("id * 2").server_default("0");
            }),
            std::vector<std::string>{"table 'rows': column 'a': a generated column cannot have a server default"});
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("rows").column("id", &Row::id).column("a", &Row::a).generated_stored("nope * 2");
            }),
            std::vector<std::string>{"table 'rows': column 'a': generated nope * 2: no such column: nope"});
  EXPECT_EQ(mistakes_of([](Schema& s) { s.table<Row>("rows").column("id", &Row::id).server_default("nope"); }),
            std::vector<std::string>{"table 'rows': column 'id': server default (nope): no such column: nope"});
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("rows").column("id", &Row::id);
              s.view("v", "CREATE VIEW w AS SELECT 1");
              s.trigger("t", "nope", "CREATE TRIGGER t AFTER INSERT ON nope BEGIN SELECT 1; END");
              s.view("x", "SELECT 1");
              s.trigger("u", "rows", "CREATE TRIGGER u AFTER INSERT ON ROWS BEGIN SELECT 1; END");
            }),
            (std::vector<std::string>{"view 'v': the statement creates 'w'", "view 'x': expected a CREATE VIEW statement",
                                      "trigger 't' is on unknown table 'nope'",
                                      "trigger 'u': declared on table 'rows', but the statement is on 'ROWS'"}));
  EXPECT_EQ(mistakes_of([](Schema& s) {
              s.table<Row>("rows").column("id", &Row::id).primary_key().unique()
                  .column("name", &Row::name).unique().unique("uq_again");
            }),
            (std::vector<std::string>{"table 'rows': unique constraint (id) repeats the primary key",
                                      "table 'rows': unique constraint (name) is declared twice"}));
}

TEST(ModelMistakes, ValidateThrowsInputErrorListingEveryMistake) {
  Schema schema;
  (void)schema.table<Row>("a");
  (void)schema.table<Row>("b");
  try {
    schema.validate();
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::input);
    EXPECT_STREQ(error.what(), "table 'a' has no columns\ntable 'b' has no columns");
  }
  EXPECT_THROW((void)schema.snapshot(), Error);
}

// --- the model equals the database it creates -----------------------------------------------

class ModelDatabase : public TempFolderTest {
 protected:
  // Creates the model's schema as `dbmigrate upgrade` would, and inspects it back.
  Snapshot created_and_inspected(const Schema& schema) {
    const Snapshot model = schema.snapshot();
    sqlite::Connection db((dir_ / "created.db").string());
    for (const auto& statement : SqliteDialect().render(Snapshot{}, diff(Snapshot{}, model)).statements) {
      db.execute(statement.sql);
    }
    return sqlite::inspect(db);
  }
};

TEST_F(ModelDatabase, BooksModelEqualsItsInspectedDatabase) {
  Schema schema;
  dbmigrate_models(schema);
  EXPECT_EQ(to_json(created_and_inspected(schema)), to_json(without_rename_hints(schema.snapshot())));
}

TEST_F(ModelDatabase, QuotedNamesWithoutRowidAndExpressionsEqualTheirInspectedDatabase) {
  Schema schema;
  schema.table<Row>("order")
      .column("group", &Row::id).primary_key()
      .column("my name", &Row::name).collation("RTRIM").server_default("'it''s'")
      .column("Note", &Row::note).server_default("NULL")
      .column("a", &Row::a).server_default("-1").check("\"a\"   >= -1")
      .column("b", &Row::b).server_default("(abs(-2) * 3)")
      .index("ix order expr", {dbmigrate::sql_expression("a  +  b").desc(), dbmigrate::sql_expression("lower(\"my name\")").collate("NOCASE")})
      .index("ix_where", {"Note"}).where("\"my name\" IS NOT NULL AND b   IN (1, 2)")
      .unique_constraint({"a", "b"})
      .check("( a + b ) > 0", "positive sum");
  schema.table<Row>("child")
      .column("a", &Row::a)
      .column("b", &Row::b)
      .column("parent", &Row::parent_id).references("order")
      .primary_key({"b", "a"})
      .without_rowid()
      .foreign_key({"a", "b"}, "order", {"a", "b"}).on_update(ReferentialAction::set_default);
  schema.view("order view", "CREATE VIEW \"order view\" AS\n  SELECT \"group\" FROM \"order\"");
  EXPECT_EQ(to_json(created_and_inspected(schema)), to_json(without_rename_hints(schema.snapshot())));
}

TEST_F(ModelDatabase, NullablePrimaryKeysAndUntypedDefaultsEqualTheirInspectedDatabase) {
  Schema schema;
  schema.table<Row>("t")
      .column("note", &Row::note).primary_key()
      .column("name", &Row::name).unique("uq_named").server_default("CURRENT_TIMESTAMP")
      .column("a", &Row::a).type("numeric(10, 2)").server_default("1.50")
      .column("b", &Row::b).type("bigint");
  EXPECT_EQ(to_json(created_and_inspected(schema)), to_json(without_rename_hints(schema.snapshot())));
}

// --- create_all -------------------------------------------------------------------------------

TEST_F(ModelDatabase, CreateAllMakesAFreshDatabaseTheApplicationCanUse) {
  Schema schema;
  dbmigrate_models(schema);
  const auto path = (dir_ / "app.db").string();
  schema.create_all(path);

  sqlite::Connection db(path);
  db.execute("PRAGMA foreign_keys = ON");
  db.execute("INSERT INTO authors (name) VALUES ('Le Guin')");
  db.execute("INSERT INTO books (id, title, cover, author_id) VALUES (7, 'Earthsea', x'00', 1)");
  db.execute("INSERT INTO loans (book_id, copy) VALUES (7, 1)");
  EXPECT_EQ(db.query_int("SELECT price + available FROM books"), 1);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM available_books"), 1);
  EXPECT_THROW(db.execute("INSERT INTO books (id, title, cover, author_id) VALUES (8, '', x'00', 1)"), Error);
  EXPECT_THROW(db.execute("INSERT INTO loans (book_id, copy) VALUES (99, 1)"), Error);
  EXPECT_EQ(to_json(sqlite::inspect(db)), to_json(without_rename_hints(schema.snapshot())));
}

TEST_F(ModelDatabase, CreateAllRefusesADatabaseThatHasTheTablesAndChangesNothing) {
  Schema schema;
  dbmigrate_models(schema);
  const auto path = (dir_ / "app.db").string();
  {
    sqlite::Connection db(path);
    db.execute("CREATE TABLE books (x INTEGER)");
  }
  try {
    schema.create_all(path);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::input);
    EXPECT_EQ(std::string(error.what()),
              "create_all: table 'books' already exists in the database; create_all() builds a fresh database "
              "(use migrations to change an existing one)");
  }
  sqlite::Connection db(path);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM sqlite_schema"), 1);
}

// A declared view that smuggles a second statement is refused before anything renders it. (The
// model's own checks run each declaration in a scratch database, where the second statement runs
// without error when the model declares the table it names.)
TEST(ModelValidation, ViewThatIsMoreThanOneStatement_IsRefused) {
  struct Row {
    std::int64_t id;
  };
  Schema schema;
  schema.table<Row>("victim").column("id", &Row::id);
  schema.view("v", "CREATE VIEW v AS SELECT 1; DELETE FROM victim");
  try {
    (void)schema.snapshot();
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::input);
    EXPECT_EQ(std::string(error.what()),
              "model: views[0].sql: view 'v': more than one statement (the next starts at offset "
              "27): write exactly one CREATE VIEW");
  }
}

// --- the snapshot tool ------------------------------------------------------------------------

class SnapshotTool : public TempFolderTest {
 protected:
  int run(const std::string& tool) {
    const auto command = "'" + tool + "' >'" + (dir_ / "out.txt").string() + "' 2>'" + (dir_ / "err.txt").string() + "'";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string out() const { return read(dir_ / "out.txt"); }
  std::string err() const { return read(dir_ / "err.txt"); }
};

TEST_F(SnapshotTool, PrintsTheCanonicalJsonOfTheModel) {
  ASSERT_EQ(run(DBMIGRATE_MODEL_TOOL), 0) << err();
  Schema schema;
  dbmigrate_models(schema);
  const Snapshot printed = snapshot_from_json(out(), "tool output");
  EXPECT_EQ(printed, schema.snapshot());
  EXPECT_EQ(to_json(printed), to_json(schema.snapshot()));
  EXPECT_EQ(printed.find_table("books")->renamed_from, "old_books");
  EXPECT_EQ(err(), "");
}

TEST_F(SnapshotTool, ReportsAMistakeAndExitsTwo) {
  EXPECT_EQ(run(DBMIGRATE_BROKEN_MODEL_TOOL), 2);
  EXPECT_EQ(err(), "error: table 'books': foreign key (author_id) references unknown table 'authors'\n");
  EXPECT_EQ(out(), "");
}

}  // namespace
}  // namespace dbmigrate

namespace dbmigrate {
namespace {

struct Unsigned {
  std::uint8_t u8;
  std::uint16_t u16;
  std::uint32_t u32;
  std::optional<std::uint32_t> maybe_u32;
  std::int8_t i8;
  std::uint64_t u64;
};

// Each unsigned type gets the smallest signed type that holds all its values; a 64-bit one has
// none and must be given a type.
static_assert(!inferable_column_type<std::uint64_t>);
static_assert(!inferable_column_type<unsigned long long>);
static_assert(std::is_same_v<decltype(std::declval<TableBuilder<Unsigned>>().column("u64", &Unsigned::u64)),
                             UntypedColumnBuilder<Unsigned>>);

TEST(ModelTypes, UnsignedMembersGetTheSignedTypeThatHoldsThem) {
  Schema schema;
  schema.table<Unsigned>("counters")
      .column("u8", &Unsigned::u8)
      .column("u16", &Unsigned::u16)
      .column("u32", &Unsigned::u32)
      .column("maybe_u32", &Unsigned::maybe_u32)
      .column("i8", &Unsigned::i8)
      .column("u64", &Unsigned::u64).type("bigint");
  const Snapshot snapshot = schema.snapshot();
  const Table& table = only_table(snapshot);
  std::vector<std::pair<std::string, std::string>> types;
  for (const auto& column : table.columns) types.emplace_back(column.name, column.type);
  EXPECT_EQ(types, (std::vector<std::pair<std::string, std::string>>{{"u8", "smallint"},
                                                                     {"u16", "integer"},
                                                                     {"u32", "bigint"},
                                                                     {"maybe_u32", "bigint"},
                                                                     {"i8", "smallint"},
                                                                     {"u64", "bigint"}}));
  EXPECT_TRUE(table.columns[3].nullable);
  EXPECT_FALSE(table.columns[2].nullable);
}

}  // namespace
}  // namespace dbmigrate
