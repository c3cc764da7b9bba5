// Each row is hashed on its own and the row hashes are summed, so that the order SQLite keeps
// its rows in (which a table rebuilt or dropped and created again changes) does not matter and
// nothing has to be sorted: the check replays run this after every revision, on schemas of
// thousands of rows.
#include "dialect/sqlite/schema_fingerprint.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <functional>
#include <string_view>

namespace dbmigrate::sqlite {
namespace {

// A 64-bit finalizer (splitmix64's): spreads every input bit over the whole word.
std::uint64_t mix(std::uint64_t value) {
  value += 0x9e3779b97f4a7c15ULL;
  value = (value ^ (value >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27U)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31U);
}

}  // namespace

std::string schema_fingerprint(const Connection& connection) {
  auto statement = connection.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema");
  std::uint64_t rows = 0;
  std::uint64_t first = 0;
  std::uint64_t second = 0;
  while (statement.step()) {
    std::uint64_t row = 0;
    for (int column = 0; column < 4; ++column) {
      const auto value = statement.text_view(column);
      // A NULL (an index SQLite made itself has no SQL) hashes apart from every text.
      const std::uint64_t part = value ? std::hash<std::string_view>{}(*value) : 0x6e756c6cULL;
      row = mix(row ^ part ^ static_cast<std::uint64_t>(column) << 56U);
    }
    ++rows;
    first += mix(row);
    second += mix(row ^ 0x5bd1e9955bd1e995ULL);
  }
  return fmt::format("{} rows {:016x}{:016x}", rows, first, second);
}

}  // namespace dbmigrate::sqlite
