// The catalogue's data: plain structs the application uses, declared as tables in models.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace catalogue {

struct Book {
  std::int64_t id = 0;
  std::string title;
  std::string author;
  std::optional<std::int64_t> published;
  std::optional<std::string> isbn;
};

struct Member {
  std::int64_t id = 0;
  std::string name;
  std::string email;
};

struct Loan {
  std::int64_t id = 0;
  std::int64_t book_id = 0;
  std::int64_t member_id = 0;
  std::string due;
};

}  // namespace catalogue
