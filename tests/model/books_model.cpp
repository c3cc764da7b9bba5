// A model as an application writes it: its own structs, declared once. Built into the
// snapshot tool test (with DbMigrate::snapshot_main) and into model_tests.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dbmigrate/model.hpp"

namespace library {

struct Author {
  std::int64_t id;
  std::string name;
  std::optional<std::chrono::year_month_day> born;
};

struct Book {
  std::int64_t id;
  std::string title;
  std::optional<std::string> isbn;
  double price;
  bool available;
  std::chrono::sys_seconds added;
  std::vector<std::byte> cover;
  std::int64_t author_id;
};

struct Loan {
  std::int64_t book_id;
  std::int16_t copy;
  std::optional<std::string> borrower;
};

}  // namespace library

void dbmigrate_models(dbmigrate::Schema& schema) {
  using namespace library;
  using dbmigrate::ReferentialAction;

  schema.table<Author>("authors")
      .column("id", &Author::id).primary_key().autoincrement()
      .column("name", &Author::name).unique()
      .column("born", &Author::born);

  schema.table<Book>("books")
      .column("id", &Book::id).primary_key()
      .column("title", &Book::title).collation("NOCASE").renamed_from("name")
      .column("isbn", &Book::isbn).type("varchar(13)")
      .column("price", &Book::price).server_default("0").check("price >= 0")
      .column("available", &Book::available).server_default("1")
      .column("added", &Book::added).server_default("CURRENT_TIMESTAMP")
      .column("cover", &Book::cover)
      .column("author_id", &Book::author_id).references("authors", "id")
          .on_delete(ReferentialAction::cascade)
      .index("ix_books_title", {"title"})
      .index("ix_books_available", {"author_id", dbmigrate::IndexColumn("added").desc()})
          .where("available = 1")
      .index("ix_books_lower_isbn", {dbmigrate::sql_expression("lower(isbn)")}).unique()
      .unique_constraint({"title", "author_id"}, "uq_books_title_author")
      .check("length(title) > 0", "title_not_empty")
      .renamed_from("old_books");

  schema.table<Loan>("loans")
      .column("book_id", &Loan::book_id)
      .column("copy", &Loan::copy)
      .column("borrower", &Loan::borrower)
      .primary_key({"book_id", "copy"})
      .foreign_key({"book_id"}, "books", {"id"}, "fk_loans_book")
          .on_delete(ReferentialAction::restrict)
          .on_update(ReferentialAction::cascade);

  schema.view("available_books", "CREATE VIEW available_books AS SELECT id, title FROM books WHERE available = 1;");
  schema.trigger("books_touch", "books",
                 "CREATE TRIGGER books_touch AFTER UPDATE OF title ON books BEGIN "
                 "UPDATE books SET added = CURRENT_TIMESTAMP WHERE id = NEW.id; END;");
}
