// Canonical JSON of a Snapshot, and a strict reader whose errors name the JSON path.
//
// Written with nlohmann_json; read with our own small parser, which is several times
// faster on large snapshots and keeps the path of every value for error messages.
// Canonical: keys sorted (nlohmann's std::map objects), elements in the Snapshot's canonical
// order, optional fields omitted when unset, two-space indent, a trailing newline.
#include "dbmigrate/snapshot_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <nlohmann/json.hpp>

#include "dbmigrate/error.hpp"
#include "diff/printable_line.hpp"
#include "snapshot/json_value.hpp"
#include "snapshot/snapshot_checks.hpp"

namespace dbmigrate {
namespace {

using nlohmann::json;

constexpr std::pair<ReferentialAction, std::string_view> action_names[] = {
    {ReferentialAction::no_action, "NO ACTION"},
    {ReferentialAction::restrict, "RESTRICT"},
    {ReferentialAction::cascade, "CASCADE"},
    {ReferentialAction::set_null, "SET NULL"},
    {ReferentialAction::set_default, "SET DEFAULT"}};

template <typename T>
void put_optional(json& object, const char* key, const std::optional<T>& value) {
  if (value) object[key] = *value;
}

void put_conflict(json& object, const char* key, const std::optional<ConflictAction>& action) {
  if (action) object[key] = to_string(*action);
}

// A dialect part: left out when it holds only defaults.
void put_part(json& object, const char* dialect, json part) {
  if (!part.empty()) object[dialect] = std::move(part);
}

json sqlite_json(const SqliteColumnOptions& options) {
  json out = json::object();
  put_conflict(out, "not_null_on_conflict", options.not_null_on_conflict);
  if (options.any) out["type"] = "any";
  put_optional(out, "declared_type", options.declared_type);
  return out;
}

json sqlite_json(const SqliteUniqueOptions& options) {
  json out = json::object();
  put_conflict(out, "on_conflict", options.on_conflict);
  return out;
}

json sqlite_json(const SqliteTableOptions& options) {
  json out = json::object();
  put_conflict(out, "primary_key_on_conflict", options.primary_key_on_conflict);
  if (options.without_rowid) out["without_rowid"] = true;
  if (options.strict) out["strict"] = true;
  return out;
}

json column_json(const Column& column) {
  json out = {{"name", column.name}, {"nullable", column.nullable}};
  if (!column.type.empty() || !column.sqlite.any) out["type"] = column.type;
  put_optional(out, "default", column.default_sql);
  put_optional(out, "collation", column.collation);
  put_optional(out, "renamed_from", column.renamed_from);
  if (column.autoincrement) out["autoincrement"] = true;
  put_part(out, "sqlite", sqlite_json(column.sqlite));
  if (column.generated) {
    json generated = {{"expression", column.generated->expression}};
    if (column.generated->stored) generated["stored"] = true;
    out["generated"] = std::move(generated);
  }
  return out;
}

json index_key_json(const IndexKey& key) {
  if (!key.expression && !key.descending && !key.collation) return key.name;
  json out = {{key.expression ? "expression" : "column", key.name}};
  if (key.descending) out["descending"] = true;
  put_optional(out, "collation", key.collation);
  return out;
}

// A unique constraint's columns: names, and an object for a column DESC or with a COLLATE.
json unique_columns_json(const UniqueConstraint& unique) {
  if (unique.orders.empty()) return unique.columns;
  json out = json::array();
  for (std::size_t i = 0; i < unique.columns.size(); ++i) {
    const KeyOrder order = i < unique.orders.size() ? unique.orders[i] : KeyOrder{};
    out.push_back(index_key_json(
        {.name = unique.columns[i], .descending = order.descending, .collation = order.collation}));
  }
  return out;
}

json index_json(const Index& index) {
  json keys = json::array();
  for (const auto& key : index.keys) keys.push_back(index_key_json(key));
  json out = {{"name", index.name}, {"keys", std::move(keys)}};
  if (index.unique) out["unique"] = true;
  put_optional(out, "where", index.where);
  return out;
}

json foreign_key_json(const ForeignKey& fk) {
  json out = {
      {"columns", fk.columns}, {"ref_table", fk.ref_table}, {"ref_columns", fk.ref_columns}};
  put_optional(out, "name", fk.name);
  if (fk.on_delete != ReferentialAction::no_action) out["on_delete"] = to_string(fk.on_delete);
  if (fk.on_update != ReferentialAction::no_action) out["on_update"] = to_string(fk.on_update);
  if (fk.deferrable)
    out["deferrable"] = fk.initially_deferred ? "INITIALLY DEFERRED" : "INITIALLY IMMEDIATE";
  return out;
}

template <typename Range, typename Convert>
json array_of(const Range& range, Convert convert) {
  json out = json::array();
  for (const auto& item : range) out.push_back(convert(item));
  return out;
}

json table_json(const Table& table) {
  json out = {{"name", table.name}, {"columns", array_of(table.columns, column_json)}};
  if (!table.primary_key.empty()) out["primary_key"] = table.primary_key;
  if (!table.indexes.empty()) out["indexes"] = array_of(table.indexes, index_json);
  if (!table.uniques.empty()) {
    out["uniques"] = array_of(table.uniques, [](const UniqueConstraint& unique) {
      json item = {{"columns", unique_columns_json(unique)}};
      put_optional(item, "name", unique.name);
      put_part(item, "sqlite", sqlite_json(unique.sqlite));
      return item;
    });
  }
  if (!table.foreign_keys.empty())
    out["foreign_keys"] = array_of(table.foreign_keys, foreign_key_json);
  if (!table.checks.empty()) {
    out["checks"] = array_of(table.checks, [](const CheckConstraint& check) {
      json item = {{"expression", check.expression}};
      put_optional(item, "name", check.name);
      return item;
    });
  }
  put_optional(out, "renamed_from", table.renamed_from);
  put_part(out, "sqlite", sqlite_json(table.sqlite));
  return out;
}

// --- reading -------------------------------------------------------------------------------
using Value = json_doc::Value;

// A cursor into the document that knows how it got there; the path is spelled out only
// for an error message, so reading a large snapshot formats nothing.
class Reader {
 public:
  Reader(const Value& value, std::string_view origin) : value_(value), origin_(origin) {}
  Reader(const Value& value, const Reader* parent, std::string_view key, std::size_t index = 0)
      : value_(value), origin_(parent->origin_), parent_(parent), key_(key), index_(index) {}

  [[nodiscard]] std::string path() const {
    if (parent_ == nullptr) return {};
    std::string base = parent_->path();
    if (key_.empty()) return fmt::format("{}[{}]", base, index_);
    // A key is any JSON string: a NUL or a newline in it must not cut the message.
    const std::string key = printable_line(key_);
    return base.empty() ? key : fmt::format("{}.{}", base, key);
  }

  [[noreturn]] void fail(std::string_view what) const {
    std::string where = path();
    if (where.empty()) where = "(document)";
    if (!origin_.empty()) where = fmt::format("{}: {}", origin_, where);
    throw Error(ErrorKind::input, fmt::format("{}: {}", where, what));
  }

  // An object whose keys must all be among `allowed`.
  void expect_object(std::initializer_list<std::string_view> allowed) const {
    if (value_.type != Value::Type::object) fail("expected object");
    for (const auto& [key, _] : value_.members) {
      bool known = false;
      for (auto name : allowed) known = known || key == name;
      if (!known) Reader(value_, this, key).fail("unknown field");
    }
  }

  [[nodiscard]] bool has(std::string_view key) const { return value_.find(key) != nullptr; }
  [[nodiscard]] Reader child(std::string_view key) const {
    return Reader(*value_.find(key), this, key);
  }

  [[nodiscard]] std::string string() const {
    if (value_.type != Value::Type::string) fail("expected string");
    return value_.string;
  }
  [[nodiscard]] std::string string(std::string_view key) const {
    if (!has(key)) fail(fmt::format("missing field '{}'", key));
    return child(key).string();
  }
  [[nodiscard]] std::optional<std::string> optional_string(std::string_view key) const {
    if (!has(key)) return std::nullopt;
    return child(key).string();
  }
  [[nodiscard]] bool boolean(std::string_view key, bool fallback) const {
    if (!has(key)) return fallback;
    auto item = child(key);
    if (item.value_.type != Value::Type::boolean) item.fail("expected true or false");
    return item.value_.boolean;
  }

  template <typename Convert>
  auto array(std::string_view key, Convert convert, bool required = false) const {
    using Item = decltype(convert(std::declval<const Reader&>()));
    std::vector<Item> out;
    if (!has(key)) {
      if (required) fail(fmt::format("missing field '{}'", key));
      return out;
    }
    auto list = child(key);
    if (list.value_.type != Value::Type::array) list.fail("expected array");
    out.reserve(list.value_.items.size());
    for (std::size_t i = 0; i < list.value_.items.size(); ++i) {
      out.push_back(convert(Reader(list.value_.items[i], &list, {}, i)));
    }
    return out;
  }

  [[nodiscard]] std::vector<std::string> strings(std::string_view key,
                                                 bool required = false) const {
    return array(
        key, [](const Reader& item) { return item.string(); }, required);
  }

  [[nodiscard]] const Value& value() const { return value_; }

 private:
  const Value& value_;
  std::string_view origin_;
  const Reader* parent_ = nullptr;
  std::string_view key_;  // empty: an array element at index_
  std::size_t index_ = 0;
};

ReferentialAction read_action(const Reader& object, std::string_view key) {
  if (!object.has(key)) return ReferentialAction::no_action;
  auto item = object.child(key);
  auto text = item.string();
  for (auto [action, name] : action_names) {
    if (text == name) return action;
  }
  item.fail(fmt::format(
      "unknown action '{}' (expected NO ACTION, RESTRICT, CASCADE, SET NULL or SET DEFAULT)",
      text));
}

std::optional<ConflictAction> read_conflict(const Reader& object, std::string_view key) {
  if (!object.has(key)) return std::nullopt;
  auto item = object.child(key);
  try {
    return conflict_action(item.string());
  } catch (const Error& error) {
    item.fail(error.what());
  }
}

// SQLite's ANY, which format 1 wrote as the column's `type`.
bool is_any(std::string_view type) { return same_identifier(type, "any"); }

// Format 1 kept the SQLite options beside the portable fields; format 2 keeps them in a
// "sqlite" part. Both read into the same value.
SqliteColumnOptions read_sqlite_column(const Reader& in, int format) {
  SqliteColumnOptions options;
  if (format < 2) {
    options.not_null_on_conflict = read_conflict(in, "not_null_on_conflict");
    options.any = in.has("type") && is_any(in.string("type"));
    return options;
  }
  if (!in.has("sqlite")) return options;
  const auto part = in.child("sqlite");
  part.expect_object({"not_null_on_conflict", "type", "declared_type"});
  options.not_null_on_conflict = read_conflict(part, "not_null_on_conflict");
  options.declared_type = part.optional_string("declared_type");
  if (auto type = part.optional_string("type")) {
    if (!is_any(*type)) {
      part.child("type").fail(
          fmt::format("unknown SQLite type '{}' (a column of a portable type gives it in "
                      "\"type\"; SQLite's own: any)",
                      *type));
    }
    options.any = true;
  }
  return options;
}

Column read_column(const Reader& in, int format) {
  if (format < 2) {
    in.expect_object({"name", "type", "nullable", "default", "collation", "renamed_from",
                      "autoincrement", "not_null_on_conflict", "generated"});
  } else {
    in.expect_object({"name", "type", "nullable", "default", "collation", "renamed_from",
                      "autoincrement", "generated", "sqlite"});
  }
  Column column;
  column.name = in.string("name");
  column.sqlite = read_sqlite_column(in, format);
  if (format >= 2 && column.sqlite.any) {
    if (in.has("type")) {
      in.child("type").fail("a column of SQLite's type any has no portable type: leave out "
                            "\"type\"");
    }
  } else if (!column.sqlite.any) {
    column.type = in.string("type");
    if (format >= 2 && is_any(column.type)) {
      in.child("type").fail(
          "'any' is SQLite's own type, not a portable one: write \"sqlite\": {\"type\": \"any\"}");
    }
  }
  column.nullable = in.boolean("nullable", true);
  column.default_sql = in.optional_string("default");
  column.collation = in.optional_string("collation");
  column.renamed_from = in.optional_string("renamed_from");
  column.autoincrement = in.boolean("autoincrement", false);
  if (in.has("generated")) {
    const auto generated = in.child("generated");
    generated.expect_object({"expression", "stored"});
    column.generated =
        Generated{generated.string("expression"), generated.boolean("stored", false)};
  }
  return column;
}

IndexKey read_index_key(const Reader& in) {
  IndexKey key;
  if (in.value().type == Value::Type::string) {
    key.name = in.string();
    return key;
  }
  in.expect_object({"column", "expression", "descending", "collation"});
  if (in.has("column") == in.has("expression"))
    in.fail("expected exactly one of 'column' and 'expression'");
  key.expression = in.has("expression");
  key.name = in.string(key.expression ? "expression" : "column");
  key.descending = in.boolean("descending", false);
  key.collation = in.optional_string("collation");
  return key;
}

Index read_index(const Reader& in) {
  in.expect_object({"name", "keys", "unique", "where"});
  Index index;
  index.name = in.string("name");
  index.keys = in.array("keys", read_index_key, true);
  index.unique = in.boolean("unique", false);
  index.where = in.optional_string("where");
  return index;
}

ForeignKey read_foreign_key(const Reader& in) {
  in.expect_object(
      {"name", "columns", "ref_table", "ref_columns", "on_delete", "on_update", "deferrable"});
  ForeignKey fk;
  fk.name = in.optional_string("name");
  fk.columns = in.strings("columns", true);
  fk.ref_table = in.string("ref_table");
  fk.ref_columns = in.strings("ref_columns", true);
  fk.on_delete = read_action(in, "on_delete");
  fk.on_update = read_action(in, "on_update");
  if (auto deferrable = in.optional_string("deferrable")) {
    if (*deferrable != "INITIALLY DEFERRED" && *deferrable != "INITIALLY IMMEDIATE") {
      in.child("deferrable").fail("expected \"INITIALLY DEFERRED\" or \"INITIALLY IMMEDIATE\"");
    }
    fk.deferrable = true;
    fk.initially_deferred = *deferrable == "INITIALLY DEFERRED";
  }
  return fk;
}

SqliteTableOptions read_sqlite_table(const Reader& in, int format) {
  SqliteTableOptions options;
  if (format >= 2 && !in.has("sqlite")) return options;
  const auto part = format < 2 ? in : in.child("sqlite");
  if (format >= 2) part.expect_object({"primary_key_on_conflict", "without_rowid", "strict"});
  options.primary_key_on_conflict = read_conflict(part, "primary_key_on_conflict");
  options.without_rowid = part.boolean("without_rowid", false);
  options.strict = part.boolean("strict", false);
  return options;
}

UniqueConstraint read_unique(const Reader& in, int format) {
  if (format < 2) {
    in.expect_object({"name", "columns", "on_conflict"});
  } else {
    in.expect_object({"name", "columns", "sqlite"});
  }
  UniqueConstraint unique{.name = in.optional_string("name")};
  // Each column a name, or (format 2) an object with `column` and `descending` or `collation`.
  const auto keys = in.array(
      "columns",
      [](const Reader& item) {
        if (item.value().type == Value::Type::object) {
          item.expect_object({"column", "descending", "collation"});
          return IndexKey{.name = item.string("column"),
                          .descending = item.boolean("descending", false),
                          .collation = item.optional_string("collation")};
        }
        return IndexKey{.name = item.string()};
      },
      true);
  for (const auto& key : keys) {
    unique.columns.push_back(key.name);
    unique.orders.push_back({.descending = key.descending, .collation = key.collation});
  }
  if (std::all_of(unique.orders.begin(), unique.orders.end(),
                  [](const KeyOrder& order) { return order == KeyOrder{}; }))
    unique.orders.clear();
  if (format < 2) {
    unique.sqlite.on_conflict = read_conflict(in, "on_conflict");
  } else if (in.has("sqlite")) {
    const auto part = in.child("sqlite");
    part.expect_object({"on_conflict"});
    unique.sqlite.on_conflict = read_conflict(part, "on_conflict");
  }
  return unique;
}

Table read_table(const Reader& in, int format) {
  if (format < 2) {
    in.expect_object({"name", "columns", "primary_key", "indexes", "uniques", "foreign_keys",
                      "checks", "without_rowid", "strict", "renamed_from",
                      "primary_key_on_conflict"});
  } else {
    in.expect_object({"name", "columns", "primary_key", "indexes", "uniques", "foreign_keys",
                      "checks", "renamed_from", "sqlite"});
  }
  Table table;
  table.name = in.string("name");
  table.columns =
      in.array("columns", [format](const Reader& item) { return read_column(item, format); }, true);
  table.primary_key = in.strings("primary_key");
  table.indexes = in.array("indexes", read_index);
  table.uniques =
      in.array("uniques", [format](const Reader& item) { return read_unique(item, format); });
  table.foreign_keys = in.array("foreign_keys", read_foreign_key);
  table.checks = in.array("checks", [](const Reader& item) {
    item.expect_object({"name", "expression"});
    return CheckConstraint{item.optional_string("name"), item.string("expression")};
  });
  table.renamed_from = in.optional_string("renamed_from");
  table.sqlite = read_sqlite_table(in, format);
  return table;
}

}  // namespace

std::string to_json(const Snapshot& input) {
  Snapshot snapshot = input;
  snapshot.normalize();
  json out = {{"format", Snapshot::current_format},
              {"tables", array_of(snapshot.tables, table_json)}};
  if (!snapshot.views.empty()) {
    out["views"] = array_of(snapshot.views, [](const View& view) {
      return json{{"name", view.name}, {"sql", view.sql}};
    });
  }
  if (!snapshot.triggers.empty()) {
    out["triggers"] = array_of(snapshot.triggers, [](const Trigger& trigger) {
      return json{{"name", trigger.name}, {"table", trigger.table}, {"sql", trigger.sql}};
    });
  }
  if (snapshot.head) out["head"] = *snapshot.head;
  try {
    return out.dump(2) + "\n";
  } catch (const json::exception& error) {
    // Text that is not UTF-8: the checks name where it is. Every reader checks it first, so
    // only a snapshot built in code gets here.
    check_snapshot(input, "snapshot");
    throw Error(ErrorKind::input,
                fmt::format("snapshot cannot be written as JSON: {}", error.what()));
  }
}

namespace {

// Checks the `format` member of a (partial) document and returns it; 0 when it is not there
// yet.
int format_checked(const Reader& root) {
  if (!root.has("format")) return 0;
  auto format = root.child("format");
  if (format.value().type != Value::Type::integer) format.fail("expected integer");
  auto version = format.value().integer;
  if (version > Snapshot::current_format) {
    format.fail(
        fmt::format("written by a newer DbMigrate (format {}); this version reads format {} "
                    "and older: upgrade DbMigrate",
                    version, Snapshot::current_format));
  }
  if (version < 1) format.fail(fmt::format("unknown format {}", version));
  return static_cast<int>(version);
}

}  // namespace

Snapshot snapshot_from_json(std::string_view text, std::string_view origin,
                            const SqlFragmentCheck* fragments) {
  // Tables are read as they are parsed, once the format is known (it comes first in a
  // canonical document), so that a large snapshot is never held whole as JSON values.
  std::vector<Table> streamed;
  const json_doc::ElementHandler read_streamed = [&](const Value& partial, std::size_t index,
                                                     Value& element) {
    Reader root(partial, origin);
    const int format = format_checked(root);
    if (format == 0) return false;
    const Value no_list;
    Reader list(no_list, &root, "tables");
    streamed.push_back(read_table(Reader(element, &list, {}, index), format));
    return true;
  };
  const Value document = json_doc::parse(text, origin, "tables", read_streamed);
  Reader root(document, origin);
  root.expect_object({"format", "tables", "views", "triggers", "head"});
  const int format = format_checked(root);
  if (format == 0) root.fail("missing field 'format'");

  Snapshot snapshot;
  snapshot.tables =
      root.array("tables", [format](const Reader& item) { return read_table(item, format); }, true);
  if (!streamed.empty()) {
    snapshot.tables.insert(snapshot.tables.begin(), std::make_move_iterator(streamed.begin()),
                           std::make_move_iterator(streamed.end()));
  }
  snapshot.views = root.array("views", [](const Reader& item) {
    item.expect_object({"name", "sql"});
    return View{item.string("name"), item.string("sql")};
  });
  snapshot.triggers = root.array("triggers", [](const Reader& item) {
    item.expect_object({"name", "table", "sql"});
    return Trigger{item.string("name"), item.string("table"), item.string("sql")};
  });
  snapshot.head = root.optional_string("head");
  // Before normalize(): its paths follow the document.
  check_snapshot(snapshot, SnapshotOrigin{.file = origin, .format = format}, fragments);
  snapshot.normalize();
  return snapshot;
}

}  // namespace dbmigrate
