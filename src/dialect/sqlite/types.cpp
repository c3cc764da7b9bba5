// Portable types <-> SQLite declared types (docs/types.md).
//
// A declared type DbMigrate knows by name maps to its own portable type, so that a
// snapshot keeps the author's intent (VARCHAR(40) stays varchar(40)). Anything else falls
// back to SQLite's affinity rules (https://sqlite.org/datatype3.html, section 3.1).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <string>

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
    if (space && c != '(' && c != ')' && c != ',' && out.back() != '(' && out.back() != ',') out += ' ';
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
    {"INTEGER", "integer"},      {"INT", "integer"},       {"INT4", "integer"},
    {"MEDIUMINT", "integer"},    {"BIGINT", "bigint"},     {"INT8", "bigint"},
    {"UNSIGNED BIG INT", "bigint"}, {"SMALLINT", "smallint"}, {"INT2", "smallint"},
    {"TINYINT", "smallint"},     {"BOOLEAN", "boolean"},   {"BOOL", "boolean"},
    {"REAL", "real"},            {"FLOAT", "real"},        {"FLOAT4", "real"},
    {"DOUBLE", "double"},        {"DOUBLE PRECISION", "double"}, {"FLOAT8", "double"},
    {"NUMERIC", "numeric"},      {"DECIMAL", "numeric"},   {"TEXT", "text"},
    {"CLOB", "text"},            {"BLOB", "blob"},         {"BYTEA", "blob"},
    {"DATE", "date"},            {"TIME", "time"},         {"DATETIME", "timestamp"},
    {"TIMESTAMP", "timestamp"},  {"JSON", "json"},
};

const std::regex sized_type(R"(^(VARCHAR|CHARACTER VARYING|NVARCHAR|VARYING CHARACTER|NATIVE CHARACTER|CHAR|CHARACTER|NCHAR)\((\d+)\)$)");
const std::regex numeric_type(R"(^(NUMERIC|DECIMAL)\((\d+)(,(\d+))?\)$)");
const std::regex portable_sized(R"(^(varchar|char)\((\d+)\)$)");
const std::regex portable_numeric(R"(^numeric\((\d+)(,(\d+))?\)$)");

}  // namespace

std::string sqlite_portable_type(std::string_view declared) {
  const std::string type = upper_collapsed(declared);
  for (auto [name, portable] : named_types) {
    if (type == name) return std::string(portable);
  }
  std::smatch match;
  if (std::regex_match(type, match, sized_type)) {
    bool varying = match[1].str().find("VAR") != std::string::npos;
    return fmt::format("{}({})", varying ? "varchar" : "char", match[2].str());
  }
  if (std::regex_match(type, match, numeric_type)) {
    if (match[4].matched) return fmt::format("numeric({},{})", match[2].str(), match[4].str());
    return fmt::format("numeric({})", match[2].str());
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
      {"INTEGER", "integer"}, {"BIGINT", "bigint"},   {"SMALLINT", "smallint"},
      {"BOOLEAN", "boolean"}, {"REAL", "real"},       {"DOUBLE", "double"},
      {"NUMERIC", "numeric"}, {"TEXT", "text"},       {"BLOB", "blob"},
      {"DATE", "date"},       {"TIME", "time"},       {"TIMESTAMP", "timestamp"},
      {"JSON", "json"},
  };
  for (auto [declared, name] : declared_of) {
    if (portable == name) return std::string(declared);
  }
  const std::string text(portable);
  std::smatch match;
  if (std::regex_match(text, match, portable_sized)) {
    return fmt::format("{}({})", match[1].str() == "varchar" ? "VARCHAR" : "CHAR", match[2].str());
  }
  if (std::regex_match(text, match, portable_numeric)) {
    if (match[3].matched) return fmt::format("NUMERIC({},{})", match[1].str(), match[3].str());
    return fmt::format("NUMERIC({})", match[1].str());
  }
  throw Error(ErrorKind::input,
              fmt::format("unknown column type '{}' (portable types: integer, bigint, smallint, "
                          "boolean, real, double, numeric, numeric(p,s), text, varchar(n), "
                          "char(n), blob, date, time, timestamp, json)",
                          portable));
}

}  // namespace dbmigrate
