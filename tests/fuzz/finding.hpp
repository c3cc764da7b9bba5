// What every fuzz target shares: the input as text, and how a broken promise is reported.
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace dbmigrate::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A promise the code under test broke, with no sanitizer to notice: abort so that libFuzzer
// saves the input. `detail` is printed escaped, so that control characters stay readable.
[[noreturn]] inline void finding(std::string_view what, std::string_view detail = {}) {
  fmt::print(stderr, "FINDING: {}\n", what);
  if (!detail.empty()) fmt::print(stderr, "{:?}\n", detail);
  std::fflush(stderr);
  std::abort();
}

}  // namespace dbmigrate::fuzz
