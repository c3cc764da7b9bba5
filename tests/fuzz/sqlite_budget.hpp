// Keeps SQL from a fuzz input cheap: a heap limit for all of SQLite in the fuzzing process, a
// cap on the size of one value, and a per-input time budget on the connections the code under
// test opens itself.
//
// The readers stop a statement after seconds (a schema file with a runaway recursive CTE), and
// an input can hold many statements: far too slow for fuzzing. The budget here is per input;
// SQL that runs out of it fails as interrupted, which the readers report as bad input.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace dbmigrate::fuzz {

constexpr sqlite3_int64 sqlite_heap_limit = 64 << 20;
constexpr int sqlite_value_limit = 1 << 20;
constexpr std::chrono::milliseconds input_budget{1000};

// Interrupts every open connection once the budget of the input is spent. Connections are
// seen through an auto-extension as they open and forgotten as they close (a close trace), so
// that a closed handle is never interrupted.
class SqliteWatchdog {
 public:
  static SqliteWatchdog& instance() {
    static SqliteWatchdog watchdog;
    return watchdog;
  }

  void arm() {
    const std::lock_guard lock(mutex_);
    deadline_ = std::chrono::steady_clock::now() + input_budget;
    armed_ = true;
  }
  void disarm() {
    const std::lock_guard lock(mutex_);
    armed_ = false;
  }

 private:
  SqliteWatchdog() {
    sqlite3_hard_heap_limit64(sqlite_heap_limit);
    sqlite3_auto_extension(reinterpret_cast<void (*)()>(&SqliteWatchdog::opened));
    thread_ = std::thread([this] { watch(); });
    thread_.detach();  // lives as long as the fuzzing process
  }

  static int opened(sqlite3* db, char**, const void*) {
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, sqlite_value_limit);
    sqlite3_trace_v2(db, SQLITE_TRACE_CLOSE, &SqliteWatchdog::closed, nullptr);
    auto& self = instance();
    const std::lock_guard lock(self.mutex_);
    self.open_.push_back(db);
    return SQLITE_OK;
  }

  static int closed(unsigned, void*, void* db, void*) {
    auto& self = instance();
    const std::lock_guard lock(self.mutex_);
    std::erase(self.open_, static_cast<sqlite3*>(db));
    return 0;
  }

  void watch() {
    std::unique_lock lock(mutex_);
    while (true) {
      condition_.wait_for(lock, std::chrono::milliseconds(20));
      if (armed_ && std::chrono::steady_clock::now() >= deadline_) {
        for (sqlite3* db : open_) sqlite3_interrupt(db);
      }
    }
  }

  std::mutex mutex_;
  std::condition_variable condition_;
  std::thread thread_;
  std::vector<sqlite3*> open_;
  bool armed_ = false;
  std::chrono::steady_clock::time_point deadline_;
};

// Arms the watchdog for one input.
class InputBudget {
 public:
  InputBudget() { SqliteWatchdog::instance().arm(); }
  InputBudget(const InputBudget&) = delete;
  InputBudget& operator=(const InputBudget&) = delete;
  ~InputBudget() { SqliteWatchdog::instance().disarm(); }
};

}  // namespace dbmigrate::fuzz
