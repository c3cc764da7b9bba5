// The application's own test: its models create a fresh database (like SQLAlchemy's
// metadata.create_all), and the constraints they declare hold there.
#include <dbmigrate/model.hpp>
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

namespace {

int failures = 0;

void expect(bool condition, const std::string& what) {
  if (!condition) {
    std::cerr << "FAILED: " << what << "\n";
    ++failures;
  }
}

bool runs(sqlite3* db, const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

}  // namespace

int main() {
  const auto path = std::filesystem::temp_directory_path() / "catalogue-models-test.db";
  std::filesystem::remove(path);
  dbmigrate::Schema schema;
  dbmigrate_models(schema);
  schema.create_all(path.string());

  sqlite3* db = nullptr;
  sqlite3_open(path.string().c_str(), &db);
  runs(db, "PRAGMA foreign_keys = ON");
  expect(runs(db, "INSERT INTO books (title, author) VALUES ('Dune', 'Frank Herbert')"), "a book can be added");
  expect(runs(db, "INSERT INTO members (id, name, email) VALUES (1, 'Ada', 'ada@example.org')"), "a member");
  expect(!runs(db, "INSERT INTO members (id, name, email) VALUES (2, 'Bob', 'ada@example.org')"),
         "emails are unique");
  expect(runs(db, "INSERT INTO loans (id, book_id, member_id) VALUES (1, 1, 1)"), "a loan");
  expect(!runs(db, "INSERT INTO loans (id, book_id, member_id) VALUES (2, 99, 1)"), "loans need a real book");
  expect(runs(db, "DELETE FROM books WHERE id = 1"), "a book can go");
  sqlite3_stmt* count = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM loans", -1, &count, nullptr);
  sqlite3_step(count);
  expect(sqlite3_column_int(count, 0) == 0, "its loans go with it (ON DELETE CASCADE)");
  sqlite3_finalize(count);
  sqlite3_close(db);
  std::filesystem::remove(path);
  std::cout << (failures == 0 ? "models: ok\n" : "models: failed\n");
  return failures == 0 ? 0 : 1;
}
