// A model with mistakes: the snapshot tool must report them and exit 2.
#include <cstdint>
#include <string>

#include "dbmigrate/model.hpp"

namespace {
struct Book {
  std::int64_t id;
  std::string title;
  std::int64_t author_id;
};
}  // namespace

void dbmigrate_models(dbmigrate::Schema& schema) {
  schema.table<Book>("books")
      .column("id", &Book::id).primary_key()
      .column("title", &Book::title)
      .column("author_id", &Book::author_id).references("authors", "id");
}
