// The bounds of a .sql schema file: a progress handler for time and memory, an authorizer for
// what the file may do.
#include "dialect/sqlite/schema_file_guard.hpp"

#include <fmt/format.h>

namespace dbmigrate::sqlite {
namespace {

// Statements run between two looks at the clock and the memory in use.
constexpr int steps_between_checks = 1000;
// No string or blob of a schema file comes near this: one step cannot allocate much more.
constexpr int longest_value = 16 << 20;

// Pragmas that change SQLite for the whole process, let sqlite_schema be written, or lift the
// bounds set here.
bool is_refused_pragma(std::string_view name, bool sets) {
  for (std::string_view always :
       {"temp_store_directory", "data_store_directory", "writable_schema"}) {
    if (same_identifier(name, always)) return true;
  }
  for (std::string_view setting :
       {"hard_heap_limit", "soft_heap_limit", "max_page_count", "page_size", "mmap_size"}) {
    if (sets && same_identifier(name, setting)) return true;
  }
  return false;
}

}  // namespace

StatementBudget::StatementBudget(sqlite3* db) : db_(db) {
  sqlite3_progress_handler(db_, steps_between_checks, &StatementBudget::check, this);
}

StatementBudget::~StatementBudget() {
  sqlite3_progress_handler(db_, 0, nullptr, nullptr);
}

void StatementBudget::start() {
  deadline_ = std::chrono::steady_clock::now() + statement_budget;
  memory_limit_ = sqlite3_memory_used() + memory_budget;
  spent_ = Spent::nothing;
}

int StatementBudget::check(void* self) {
  auto& budget = *static_cast<StatementBudget*>(self);
  if (sqlite3_memory_used() > budget.memory_limit_) {
    budget.spent_ = Spent::memory;
  } else if (std::chrono::steady_clock::now() >= budget.deadline_) {
    budget.spent_ = Spent::time;
  }
  return budget.spent_ != Spent::nothing ? 1 : 0;  // non-zero: SQLite stops with SQLITE_INTERRUPT
}

SchemaFileGuard::SchemaFileGuard(sqlite3* db) : db_(db) {
  sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  // A schema file describes one database: ATTACH could create files beside it.
  sqlite3_limit(db_, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_limit(db_, SQLITE_LIMIT_LENGTH, longest_value);
  sqlite3_set_authorizer(db_, &SchemaFileGuard::authorize, this);
}

SchemaFileGuard::~SchemaFileGuard() {
  sqlite3_set_authorizer(db_, nullptr, nullptr);
}

std::optional<std::size_t> SchemaFileGuard::created(SnapshotPart part,
                                                    std::string_view name) const {
  const auto found = created_.find({part, identifier_key(name)});
  if (found == created_.end()) return std::nullopt;
  return found->second;
}

int SchemaFileGuard::authorize(void* self, int action, const char* first, const char* second,
                               const char* /*database*/, const char* /*trigger*/) {
  auto& guard = *static_cast<SchemaFileGuard*>(self);
  const std::string_view name = first != nullptr ? first : "";
  auto create = [&](SnapshotPart part) {
    guard.created_[{part, identifier_key(name)}] = guard.offset_;
    return SQLITE_OK;
  };
  auto refuse = [&](std::string why) {
    guard.refused_ = std::move(why);
    return SQLITE_DENY;
  };
  switch (action) {
    case SQLITE_CREATE_TABLE:
      return create(SnapshotPart::table);
    case SQLITE_CREATE_INDEX:
      return create(SnapshotPart::index);
    case SQLITE_CREATE_VIEW:
      return create(SnapshotPart::view);
    case SQLITE_CREATE_TRIGGER:
      return create(SnapshotPart::trigger);
    case SQLITE_CREATE_TEMP_TABLE:
    case SQLITE_CREATE_TEMP_INDEX:
    case SQLITE_CREATE_TEMP_VIEW:
    case SQLITE_CREATE_TEMP_TRIGGER:
      return refuse(fmt::format(
          "'{}' would be TEMP, which the schema does not keep: a schema file may not create TEMP "
          "objects",
          name));
    case SQLITE_ATTACH:
    case SQLITE_DETACH:
      return refuse("a schema file describes one database: it may not ATTACH");
    case SQLITE_FUNCTION:
      if (second != nullptr && same_identifier(second, "load_extension"))
        return refuse("a schema file may not load extensions");
      return SQLITE_OK;
    case SQLITE_PRAGMA:
      if (is_refused_pragma(name, second != nullptr)) {
        return refuse(
            fmt::format("PRAGMA {}: a schema file may not change SQLite's limits, its "
                        "folders or its schema table",
                        name));
      }
      return SQLITE_OK;
    default:
      return SQLITE_OK;
  }
}

}  // namespace dbmigrate::sqlite
