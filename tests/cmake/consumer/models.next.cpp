// The consumer's models after a change: a loans table (what schema.next.sql declares).
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
struct Loan {
  std::int64_t id;
  std::int64_t book_id;
};
}  // namespace

void dbmigrate_models(dbmigrate::Schema& schema) {
  schema.table<Author>("authors").column("id", &Author::id).primary_key().column("name", &Author::name);
  schema.table<Book>("books")
      .column("id", &Book::id).primary_key()
      .column("title", &Book::title)
      .column("author_id", &Book::author_id).references("authors", "id");
  schema.table<Loan>("loans")
      .column("id", &Loan::id).primary_key()
      .column("book_id", &Loan::book_id).references("books", "id");
}
