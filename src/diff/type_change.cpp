// Narrowing type changes: a family and a width per portable type.
#include "diff/type_change.hpp"

#include <charconv>
#include <string>

namespace dbmigrate {
namespace {

enum class Family { integer, floating, numeric, text, blob, temporal, json, other };

struct TypeShape {
  Family family = Family::other;
  long width = 0;  // rank within the family; 0 = unbounded
  long scale = 0;
};

long number_in(std::string_view text, std::size_t from) {
  long value = 0;
  std::from_chars(text.data() + from, text.data() + text.size(), value);
  return value;
}

TypeShape shape_of(std::string_view type) {
  if (type == "boolean") return {Family::integer, 1};
  if (type == "smallint") return {Family::integer, 2};
  if (type == "integer") return {Family::integer, 3};
  if (type == "bigint") return {Family::integer, 4};
  if (type == "real") return {Family::floating, 1};
  if (type == "double") return {Family::floating, 2};
  if (type == "numeric") return {Family::numeric, 0};
  if (type.starts_with("numeric(")) {
    auto comma = type.find(',');
    return {Family::numeric, number_in(type, 8),
            comma == std::string_view::npos ? 0 : number_in(type, comma + 1)};
  }
  if (type == "text") return {Family::text, 0};
  if (type.starts_with("varchar(")) return {Family::text, number_in(type, 8)};
  if (type.starts_with("char(")) return {Family::text, number_in(type, 5)};
  if (type == "blob") return {Family::blob, 0};
  if (type == "date") return {Family::temporal, 1};
  if (type == "time") return {Family::temporal, 1};
  if (type == "timestamp") return {Family::temporal, 2};
  if (type == "json") return {Family::json, 0};
  // ANY keeps a value as given only in a STRICT table; elsewhere it has NUMERIC affinity, which
  // turns text that reads as a number into a number. Judged as numeric, never too leniently.
  if (type == "any") return {Family::numeric, 0};
  return {};
}

// Within a family, `0` means unbounded: the widest.
bool narrower(long from, long to) {
  if (to == 0) return false;
  if (from == 0) return true;
  return to < from;
}

}  // namespace

bool narrows(std::string_view from, std::string_view to) {
  if (from == to) return false;
  const TypeShape a = shape_of(from);
  const TypeShape b = shape_of(to);
  if (b.family == Family::text && b.width == 0)
    return a.family == Family::blob;  // anything fits in text
  if (b.family == Family::blob) return false;
  if (a.family == b.family) {
    if (a.family == Family::temporal)
      return from != "date" && to == "date" ? true : from == "time" || to == "time";
    return narrower(a.width, b.width) ||
           (a.family == Family::numeric && b.width != 0 && b.scale < a.scale);
  }
  // Whole numbers fit in floating and decimal types; everything else changes meaning.
  if (a.family == Family::integer && (b.family == Family::floating || b.family == Family::numeric))
    return false;
  if (a.family == Family::json && b.family == Family::text) return narrower(0, b.width);
  return true;
}

bool narrows_only_declared_size(std::string_view from, std::string_view to) {
  if (from == "any" || to == "any" || !narrows(from, to)) return false;
  const TypeShape a = shape_of(from);
  const TypeShape b = shape_of(to);
  return a.family == b.family && (a.family == Family::text || a.family == Family::numeric);
}

}  // namespace dbmigrate
