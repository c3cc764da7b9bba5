// The snapshot reader under an allocator that hands a freed block straight back to the next
// request of the same size, as malloc's caches often do: a pointer the reader kept into a vector
// that has since reallocated then points at whatever was allocated there next. (Its own
// executable: it replaces the global operator new and delete.)
#include <gtest/gtest.h>

#include <cstdlib>
#include <new>
#include <string>

#include "dbmigrate/error.hpp"
#include "dbmigrate/snapshot_json.hpp"

namespace {

// Freed blocks, most recent last; each block starts with its size.
struct FreedBlock {
  std::size_t size;
  void* block;
};
constexpr std::size_t cache_slots = 64;
FreedBlock freed[cache_slots];
std::size_t freed_count = 0;
constexpr std::size_t header = alignof(std::max_align_t);

void* allocate(std::size_t size) {
  for (std::size_t i = freed_count; i > 0; --i) {
    if (freed[i - 1].size != size) continue;
    void* block = freed[i - 1].block;
    for (std::size_t j = i; j < freed_count; ++j) freed[j - 1] = freed[j];
    --freed_count;
    return static_cast<char*>(block) + header;
  }
  void* block = std::malloc(size + header);
  if (block == nullptr) throw std::bad_alloc();
  *static_cast<std::size_t*>(block) = size;
  return static_cast<char*>(block) + header;
}

void release(void* pointer) {
  if (pointer == nullptr) return;
  void* block = static_cast<char*>(pointer) - header;
  if (freed_count == cache_slots) {
    std::free(freed[0].block);
    for (std::size_t j = 1; j < cache_slots; ++j) freed[j - 1] = freed[j];
    --freed_count;
  }
  freed[freed_count++] = {*static_cast<std::size_t*>(block), block};
}

}  // namespace

void* operator new(std::size_t size) {
  return allocate(size);
}
void* operator new[](std::size_t size) {
  return allocate(size);
}
void operator delete(void* pointer) noexcept {
  release(pointer);
}
void operator delete[](void* pointer) noexcept {
  release(pointer);
}
void operator delete(void* pointer, std::size_t) noexcept {
  release(pointer);
}
void operator delete[](void* pointer, std::size_t) noexcept {
  release(pointer);
}

namespace dbmigrate {
namespace {

// The `tables` array is streamed; once it is closed and the document's members move to a larger
// vector, the object of the view gets the members' old block, and its "sql" sits where `tables`
// was. It is an array here (a mistake the reader must name), not a list of tables.
TEST(JsonReuse, ArrayAllocatedWhereTheStreamedTablesWere_IsNotTakenForThem) {
  const std::string text = R"({"format": 1, "tables": [{"name": "a", "columns": []}],)"
                           R"( "views": [{"name": "v", "sql": ["x"]}]})";
  try {
    (void)snapshot_from_json(text, "doc.json");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(std::string(error.what()), "doc.json: views[0].sql: expected string");
  }
}

TEST(JsonReuse, TablesAfterTheStreamedOnes_AreAllRead) {
  const std::string text =
      R"({"format": 1, "tables": [{"name": "a", "columns": []}, {"name": "b", "columns": []}],)"
      R"( "views": [{"name": "v", "sql": "CREATE VIEW v AS SELECT 1"}], "head": "abc"})";
  const Snapshot snapshot = snapshot_from_json(text, "doc.json");
  ASSERT_EQ(snapshot.tables.size(), 2u);
  EXPECT_EQ(snapshot.tables[1].name, "b");
  ASSERT_EQ(snapshot.views.size(), 1u);
  EXPECT_EQ(snapshot.head, "abc");
}

}  // namespace
}  // namespace dbmigrate
