// The consumer's models: what schema.sql declares, in C++.
#include <cstdint>
#include <string>

#include "dbmigrate/model.hpp"

namespace {
struct Author {
  std::int64_t id;
  std::string name;
};
struct Book {
  std::int64_t id;
  std::string title;
  std::int64_t author_id;
};
}  // namespace

void dbmigrate_models(dbmigrate::Schema& schema) {
  schema.table<Author>("authors").column("id", &Author::id).primary_key().column("name", &Author::name);
  schema.table<Book>("books")
      .column("id", &Book::id).primary_key()
      .column("title", &Book::title)
      .column("author_id", &Book::author_id).references("authors", "id");
}
