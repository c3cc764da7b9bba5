// Portable types <-> SQLite declared types (docs/types.md).
//
// A declared type DbMigrate knows by name maps to its own portable type, so that a
// snapshot keeps the author's intent (VARCHAR(40) stays varchar(40)). Anything else falls
// back to SQLite's affinity rules (https://sqlite.org/datatype3.html, section 3.1).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "dbmigrate/error.hpp"
#include "dbmigrate/sqlite.hpp"

namespace dbmigrate {
namespace {

std::string upper_collapsed(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space && c != '(' && c != ')' && c != ',' && out.back() != '(' && out.back() != ',')
      out += ' ';
    space = false;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

struct Named {
  std::string_view declared;
  std::string_view portable;
};

// Declared types taken by name (upper case, single spaces).
constexpr Named named_types[] = {
    {"INTEGER", "integer"},
    {"INT", "integer"},
    {"INT4", "integer"},
    {"MEDIUMINT", "integer"},
    {"BIGINT", "bigint"},
    {"INT8", "bigint"},
    {"UNSIGNED BIG INT", "bigint"},
    {"SMALLINT", "smallint"},
    {"INT2", "smallint"},
    {"TINYINT", "smallint"},
    {"BOOLEAN", "boolean"},
    {"BOOL", "boolean"},
    {"REAL", "real"},
    {"FLOAT", "real"},
    {"FLOAT4", "real"},
    {"DOUBLE", "double"},
    {"DOUBLE PRECISION", "double"},
    {"FLOAT8", "double"},
    {"NUMERIC", "numeric"},
    {"DECIMAL", "numeric"},
    {"TEXT", "text"},
    {"CLOB", "text"},
    {"BLOB", "blob"},
    {"BYTEA", "blob"},
    {"DATE", "date"},
    {"TIME", "time"},
    {"DATETIME", "timestamp"},
    {"TIMESTAMP", "timestamp"},
    {"JSON", "json"},
    {"ANY", "any"},
};

// `NAME(1,2)`: the name and its digit arguments; empty name when the text is not of that shape.
// (Hand-written: a std::regex costs more to build at start-up than every look-up after it.)
struct Sized {
  std::string name;
  std::vector<std::string> sizes;
};

Sized sized(const std::string& text) {
  auto open = text.find('(');
  if (open == std::string::npos || text.back() != ')' || open == 0) return {};
  Sized out{text.substr(0, open), {}};
  std::string inner = text.substr(open + 1, text.size() - open - 2);
  for (std::size_t start = 0;;) {
    auto comma = inner.find(',', start);
    std::string digits =
        inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return {};
    }
    out.sizes.push_back(digits);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

bool one_of(const std::string& name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string sqlite_portable_type(std::string_view declared) {
  const std::string type = upper_collapsed(declared);
  for (auto [name, portable] : named_types) {
    if (type == name) return std::string(portable);
  }
  if (const Sized t = sized(type); !t.name.empty()) {
    if (t.sizes.size() == 1 &&
        one_of(t.name, {"VARCHAR", "CHARACTER VARYING", "NVARCHAR", "VARYING CHARACTER",
                        "NATIVE CHARACTER", "CHAR", "CHARACTER", "NCHAR"})) {
      bool varying = t.name.find("VAR") != std::string::npos;
      return fmt::format("{}({})", varying ? "varchar" : "char", t.sizes[0]);
    }
    if (t.sizes.size() <= 2 && one_of(t.name, {"NUMERIC", "DECIMAL"})) {
      return fmt::format("numeric({})", fmt::join(t.sizes, ","));
    }
  }
  // SQLite's affinity rules, in SQLite's order.
  if (type.find("INT") != std::string::npos) return "integer";
  if (type.find("CHAR") != std::string::npos || type.find("CLOB") != std::string::npos ||
      type.find("TEXT") != std::string::npos) {
    return "text";
  }
  if (type.empty() || type.find("BLOB") != std::string::npos) return "blob";
  if (type.find("REAL") != std::string::npos || type.find("FLOA") != std::string::npos ||
      type.find("DOUB") != std::string::npos) {
    return "real";
  }
  return "numeric";
}

std::string sqlite_declared_type(std::string_view portable) {
  static constexpr Named declared_of[] = {
      {"INTEGER", "integer"}, {"BIGINT", "bigint"}, {"SMALLINT", "smallint"},
      {"BOOLEAN", "boolean"}, {"REAL", "real"},     {"DOUBLE", "double"},
      {"NUMERIC", "numeric"}, {"TEXT", "text"},     {"BLOB", "blob"},
      {"DATE", "date"},       {"TIME", "time"},     {"TIMESTAMP", "timestamp"},
      {"JSON", "json"},       {"ANY", "any"},
  };
  for (auto [declared, name] : declared_of) {
    if (portable == name) return std::string(declared);
  }
  if (const Sized t = sized(std::string(portable)); !t.name.empty()) {
    if (t.sizes.size() == 1 && one_of(t.name, {"varchar", "char"})) {
      return fmt::format("{}({})", t.name == "varchar" ? "VARCHAR" : "CHAR", t.sizes[0]);
    }
    if (t.sizes.size() <= 2 && t.name == "numeric")
      return fmt::format("NUMERIC({})", fmt::join(t.sizes, ","));
  }
  throw Error(ErrorKind::input,
              fmt::format("unknown column type '{}' (portable types: integer, bigint, smallint, "
                          "boolean, real, double, numeric, numeric(p,s), text, varchar(n), "
                          "char(n), blob, date, time, timestamp, json, any)",
                          portable));
}

void set_sqlite_column_type(Column& column, std::string_view declared) {
  column.type = sqlite_portable_type(declared);
  column.sqlite.any = column.type == "any";
  if (column.sqlite.any) column.type.clear();
  column.sqlite.declared_type.reset();
  // The spelling is kept when it is not the portable type's own (docs/types.md); a type name
  // SQLite's grammar takes in some other form (quoted, say) is declared as the portable type.
  if (declared != sqlite_declared_type(column) && is_plain_type_name(declared))
    column.sqlite.declared_type = std::string(declared);
}

std::string sqlite_declared_type(const Column& column) {
  if (column.sqlite.declared_type) return *column.sqlite.declared_type;
  return column.sqlite.any ? std::string("ANY") : sqlite_declared_type(column.type);
}

}  // namespace dbmigrate
