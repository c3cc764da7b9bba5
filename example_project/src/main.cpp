// catalogue: a small library-catalogue program over a SQLite database whose schema
// DbMigrate keeps in step with src/models.cpp.
//   catalogue add-book TITLE AUTHOR [YEAR] [ISBN]
//   catalogue add-member NAME EMAIL
//   catalogue lend BOOK_ID MEMBER_ID
//   catalogue list
// The database is DATABASE_URL (sqlite:///path) or ./catalogue.db.
#include <sqlite3.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "models.hpp"

namespace {

using Database = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

Database open_database() {
  std::string path = "catalogue.db";
  if (const char* url = std::getenv("DATABASE_URL"); url && std::string(url).starts_with("sqlite:///")) {
    path = std::string(url).substr(10);
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::cerr << "cannot open " << path << ": run the db_upgrade target first\n";
    sqlite3_close(db);
    std::exit(1);
  }
  sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
  return Database(db, sqlite3_close);
}

// Runs one statement with text parameters; exits with SQLite's message on failure.
void run(sqlite3* db, const char* sql, const std::vector<std::string>& params) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) {
    std::cerr << "error: " << sqlite3_errmsg(db) << "\n";
    std::exit(1);
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    sqlite3_bind_text(statement, static_cast<int>(i + 1), params[i].c_str(), -1, SQLITE_TRANSIENT);
  }
  int rc = sqlite3_step(statement);
  sqlite3_finalize(statement);
  if (rc != SQLITE_DONE) {
    std::cerr << "error: " << sqlite3_errmsg(db) << "\n";
    std::exit(1);
  }
}

std::vector<catalogue::Book> books(sqlite3* db) {
  std::vector<catalogue::Book> out;
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, title, author, published, isbn FROM books ORDER BY author, title", -1,
                     &statement, nullptr);
  while (sqlite3_step(statement) == SQLITE_ROW) {
    catalogue::Book book;
    book.id = sqlite3_column_int64(statement, 0);
    book.title = reinterpret_cast<const char*>(sqlite3_column_text(statement, 1));
    book.author = reinterpret_cast<const char*>(sqlite3_column_text(statement, 2));
    if (sqlite3_column_type(statement, 3) != SQLITE_NULL) book.published = sqlite3_column_int64(statement, 3);
    if (sqlite3_column_type(statement, 4) != SQLITE_NULL) {
      book.isbn = reinterpret_cast<const char*>(sqlite3_column_text(statement, 4));
    }
    out.push_back(book);
  }
  sqlite3_finalize(statement);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << "usage: catalogue add-book TITLE AUTHOR [YEAR] [ISBN] | add-member NAME EMAIL | "
                 "lend BOOK_ID MEMBER_ID | list\n";
    return 2;
  }
  Database db = open_database();
  const std::string& command = args[0];
  if (command == "add-book" && args.size() >= 3 && args.size() <= 5) {
    args.resize(5);
    run(db.get(), "INSERT INTO books (title, author, published, isbn) VALUES (?, ?, NULLIF(?, ''), NULLIF(?, ''))",
        {args[1], args[2], args[3], args[4]});
  } else if (command == "add-member" && args.size() == 3) {
    run(db.get(), "INSERT INTO members (name, email) VALUES (?, ?)", {args[1], args[2]});
  } else if (command == "lend" && args.size() == 3) {
    run(db.get(), "INSERT INTO loans (book_id, member_id) VALUES (?, ?)", {args[1], args[2]});
  } else if (command == "list" && args.size() == 1) {
    for (const auto& book : books(db.get())) {
      std::cout << book.id << ". " << book.author << ", " << book.title;
      if (book.published) std::cout << " (" << *book.published << ")";
      if (book.isbn) std::cout << " ISBN " << *book.isbn;
      std::cout << "\n";
    }
  } else {
    std::cerr << "catalogue: unknown command or wrong arguments: " << command << "\n";
    return 2;
  }
  return 0;
}
