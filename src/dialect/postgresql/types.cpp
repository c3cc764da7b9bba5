// Portable types <-> PostgreSQL types (docs/types.md, docs/postgresql.md).
//
// A portable type maps to the PostgreSQL type of the same meaning. PostgreSQL's own types that
// no portable type covers (uuid, jsonb, timestamptz, arrays, ...) are kept in the snapshot under
// one canonical spelling, so that a model can name them and a live database gives them back.
#include "dialect/postgresql/types.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "dbmigrate/error.hpp"

namespace dbmigrate::postgresql {
namespace {

// Lower case, one space between words, none around parentheses and commas.
std::string collapsed(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    const bool tight = c == '(' || c == ')' || c == ',' || c == '[' || c == ']';
    if (space && !tight && out.back() != '(' && out.back() != ',' && out.back() != '[')
      out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

struct Alias {
  std::string_view spelling;
  std::string_view type;
};

// Spellings of one type, to the snapshot's name of it.
constexpr Alias aliases[] = {
    {"integer", "integer"},
    {"int", "integer"},
    {"int4", "integer"},
    {"serial", "integer"},
    {"bigint", "bigint"},
    {"int8", "bigint"},
    {"bigserial", "bigint"},
    {"smallint", "smallint"},
    {"int2", "smallint"},
    {"smallserial", "smallint"},
    {"boolean", "boolean"},
    {"bool", "boolean"},
    {"real", "real"},
    {"float4", "real"},
    {"double precision", "double"},
    {"double", "double"},
    {"float8", "double"},
    {"float", "double"},
    {"numeric", "numeric"},
    {"decimal", "numeric"},
    {"text", "text"},
    {"bytea", "blob"},
    {"blob", "blob"},
    {"date", "date"},
    {"time", "time"},
    {"time without time zone", "time"},
    {"timestamp", "timestamp"},
    {"timestamp without time zone", "timestamp"},
    {"json", "json"},
    {"character varying", "varchar"},
    {"varchar", "varchar"},
    {"character", "char(1)"},
    {"char", "char(1)"},
    {"bpchar", "bpchar"},
    {"timestamptz", "timestamptz"},
    {"timestamp with time zone", "timestamptz"},
    {"timetz", "timetz"},
    {"time with time zone", "timetz"},
    {"jsonb", "jsonb"},
    {"uuid", "uuid"},
    {"interval", "interval"},
    {"inet", "inet"},
    {"cidr", "cidr"},
    {"macaddr", "macaddr"},
    {"macaddr8", "macaddr8"},
    {"money", "money"},
    {"xml", "xml"},
    {"tsvector", "tsvector"},
    {"tsquery", "tsquery"},
    {"oid", "oid"},
    {"point", "point"},
    {"bit varying", "varbit"},
    {"varbit", "varbit"},
    {"bit", "bit(1)"},
};

// What PostgreSQL's own types declare as (the snapshot's spelling is already a declaration).
constexpr Alias declared_of[] = {
    {"double", "double precision"},
    {"blob", "bytea"},
};

// `name(1,2)`: the name and its digit arguments; empty name when the text is not of that shape.
struct Sized {
  std::string name;
  std::vector<std::string> sizes;
  std::string rest;  // what follows the closing parenthesis (` with time zone`)
};

Sized sized(const std::string& text) {
  const auto open = text.find('(');
  const auto close = text.find(')');
  if (open == std::string::npos || open == 0 || close == std::string::npos || close < open)
    return {};
  Sized out{text.substr(0, open), {}, text.substr(close + 1)};
  const std::string inner = text.substr(open + 1, close - open - 1);
  for (std::size_t start = 0;;) {
    const auto comma = inner.find(',', start);
    std::string digits =
        inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return {};
    // Leading zeros are the same size: numeric(010) is numeric(10).
    digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
    out.sizes.push_back(std::move(digits));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// Whether the digits `a` (no leading zeros) are at least the digits `b`, however long.
bool at_least(const std::string& a, const std::string& b) {
  return a.size() != b.size() ? a.size() > b.size() : a >= b;
}

const Alias* alias_of(std::string_view spelling) {
  for (const auto& alias : aliases) {
    if (alias.spelling == spelling) return &alias;
  }
  return nullptr;
}

// The snapshot type of a scalar (not array) spelling; empty when PostgreSQL has no such type
// that DbMigrate knows.
std::string known_scalar(const std::string& type) {
  if (const Alias* alias = alias_of(type)) return std::string(alias->type);
  const Sized t = sized(type);
  if (t.name.empty()) return {};
  const auto& n = t.name;
  if (t.sizes.size() == 1 && t.rest.empty()) {
    if (n == "varchar" || n == "character varying") return fmt::format("varchar({})", t.sizes[0]);
    if (n == "char" || n == "character" || n == "bpchar") return fmt::format("char({})", t.sizes[0]);
    if (n == "bit" || n == "varbit" || n == "bit varying")
      return fmt::format("{}({})", n == "bit" ? "bit" : "varbit", t.sizes[0]);
    if (n == "float") {
      // float(p): real up to 24 bits of precision, double precision above.
      if (t.sizes[0] == "0" || !at_least("53", t.sizes[0])) return {};
      return at_least("24", t.sizes[0]) ? "real" : "double";
    }
  }
  if ((n == "numeric" || n == "decimal") && t.rest.empty() && t.sizes.size() <= 2) {
    // numeric(p) is numeric(p,0), which format_type() prints.
    if (t.sizes.size() == 2 && t.sizes[1] == "0") return fmt::format("numeric({})", t.sizes[0]);
    return fmt::format("numeric({})", fmt::join(t.sizes, ","));
  }
  if (t.sizes.size() == 1) {
    // Fractional seconds: timestamp(3), timestamp(3) with time zone, time(0) ...
    const std::string zone = t.rest == " with time zone"      ? "tz"
                             : t.rest == " without time zone" ? ""
                             : t.rest.empty()                 ? ""
                                                              : "?";
    if (zone != "?") {
      if (n == "timestamp" || n == "time")
        return fmt::format("{}{}({})", n, zone, t.sizes[0]);
      if ((n == "timestamptz" || n == "timetz") && t.rest.empty())
        return fmt::format("{}({})", n, t.sizes[0]);
    }
    if (n == "interval" && t.rest.empty()) return fmt::format("interval({})", t.sizes[0]);
  }
  return {};
}

// The spelling split into the scalar type and its array brackets (PostgreSQL keeps no
// dimensions: `int[][]` and `int[3]` are `integer[]`). `_int4`, the array type's own name,
// is an array of int4.
struct Shape {
  std::string scalar;
  bool array = false;
};

Shape shape_of(const std::string& type) {
  Shape out{type, false};
  if (out.scalar.size() > 1 && out.scalar.front() == '_' && out.scalar.find('[') == std::string::npos) {
    out.scalar.erase(0, 1);
    out.array = true;
  }
  if (out.scalar.ends_with(" array")) {
    out.scalar.resize(out.scalar.size() - 6);
    out.array = true;
  }
  while (out.scalar.ends_with("]")) {
    const auto open = out.scalar.rfind('[');
    if (open == std::string::npos) break;
    const auto inside = out.scalar.substr(open + 1, out.scalar.size() - open - 2);
    if (!std::all_of(inside.begin(), inside.end(), [](char c) { return c >= '0' && c <= '9'; }))
      break;
    out.scalar.resize(open);
    out.array = true;
  }
  return out;
}

}  // namespace

std::string portable_type(std::string_view declared) {
  const std::string type = collapsed(declared);
  const Shape shape = shape_of(type);
  std::string scalar = known_scalar(shape.scalar);
  if (scalar.empty()) return type;
  return shape.array ? scalar + "[]" : scalar;
}

std::string type_problem(std::string_view type) {
  const std::string text(type);
  if (collapsed(text) == "any") {
    return "column type 'any' is SQLite's (a STRICT table's ANY column): PostgreSQL has no "
           "such type; give the column a portable type";
  }
  const Shape shape = shape_of(text);
  const std::string scalar = known_scalar(shape.scalar);
  if (scalar.empty() || portable_type(text) != text) {
    return fmt::format(
        "unknown column type '{}' (portable types: integer, bigint, smallint, boolean, real, "
        "double, numeric, numeric(p,s), text, varchar(n), char(n), blob, date, time, "
        "timestamp, json; PostgreSQL's own: timestamptz, timetz, jsonb, uuid, interval, inet, "
        "cidr, macaddr, money, xml, varchar, tsvector, and arrays of any of them as type[])",
        type);
  }
  if (scalar == "bpchar") return fmt::format("column type '{}': write char(n)", type);
  return {};
}

std::string declared_type(std::string_view type, std::optional<std::string_view> spelling) {
  if (auto problem = type_problem(type); !problem.empty()) throw Error(ErrorKind::input, problem);
  if (spelling && portable_type(*spelling) == type) return collapsed(*spelling);
  const Shape shape = shape_of(std::string(type));
  std::string scalar = shape.scalar;
  for (const auto& [from, to] : declared_of) {
    if (scalar == from) scalar = to;
  }
  return shape.array ? scalar + "[]" : scalar;
}

bool binary_coercible(std::string_view from, std::string_view to) {
  const std::string a = portable_type(from);
  const std::string b = portable_type(to);
  if (a == b) return true;
  const Sized sa = sized(a);
  const Sized sb = sized(b);
  if (sa.name == "varchar" && (b == "text" || b == "varchar")) return true;
  if (a == "varchar" && b == "text") return true;
  if (a == "text" && b == "varchar") return true;
  if (sa.name == "varchar" && sb.name == "varchar")
    return at_least(sb.sizes[0], sa.sizes[0]);
  if (sa.name == "numeric" && b == "numeric") return true;
  if (sa.name == "numeric" && sb.name == "numeric") {
    const std::string scale_a = sa.sizes.size() > 1 ? sa.sizes[1] : "0";
    const std::string scale_b = sb.sizes.size() > 1 ? sb.sizes[1] : "0";
    return scale_a == scale_b && at_least(sb.sizes[0], sa.sizes[0]);
  }
  if (a == "cidr" && b == "inet") return true;
  if (sa.name == "varbit" && (b == "varbit" || (sb.name == "varbit" &&
                                                at_least(sb.sizes[0], sa.sizes[0]))))
    return true;
  return false;
}

bool is_integer_type(std::string_view type) {
  const std::string t = portable_type(type);
  return t == "integer" || t == "bigint" || t == "smallint";
}

}  // namespace dbmigrate::postgresql
