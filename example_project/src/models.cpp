// The catalogue's tables, declared from its own structs. `dbmigrate_models` is what the
// schema-snapshot tool (add_db_migrations) and the application's tests (create_all) read.
#include <dbmigrate/model.hpp>

#include "models.hpp"

void dbmigrate_models(dbmigrate::Schema& schema) {
  using namespace catalogue;
  using dbmigrate::ReferentialAction;

  schema.table<Book>("books")
      .column("id", &Book::id).primary_key().autoincrement()
      .column("title", &Book::title)
      .column("author", &Book::author)
      .column("published", &Book::published)
      .column("isbn", &Book::isbn).type("varchar(13)")
      .index("ix_books_author", {"author"});

  schema.table<Member>("members")
      .column("id", &Member::id).primary_key()
      .column("name", &Member::name)
      .column("email", &Member::email).unique();

  schema.table<Loan>("loans")
      .column("id", &Loan::id).primary_key()
      .column("book_id", &Loan::book_id).references("books", "id").on_delete(ReferentialAction::cascade)
      .column("member_id", &Loan::member_id).references("members", "id")
      .column("due", &Loan::due).server_default("(date('now', '+14 days'))");
}
