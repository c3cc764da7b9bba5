// Scopes over a Session: a transaction that rolls back unless committed, and foreign-key
// enforcement off around a revision that needs it.
#pragma once

#include "dbmigrate/session.hpp"

namespace dbmigrate::runner {

class SessionTransaction {
 public:
  enum class Kind { locked, read };
  explicit SessionTransaction(Session& session, Kind kind = Kind::locked) : session_(session) {
    if (kind == Kind::locked) {
      session.begin_locked();
    } else {
      session.begin_read();
    }
  }
  SessionTransaction(const SessionTransaction&) = delete;
  SessionTransaction& operator=(const SessionTransaction&) = delete;
  ~SessionTransaction() {
    if (state_ == State::open) session_.rollback();
  }

  void commit() {
    session_.commit();
    state_ = State::committed;
  }

 private:
  enum class State { open, committed };
  Session& session_;
  State state_ = State::open;
};

// Constructed before the revision's transaction begins, destroyed after it ended.
class ForeignKeysOff {
 public:
  ForeignKeysOff(Session& session, bool wanted) : session_(session), wanted_(wanted) {
    if (wanted) session.suspend_foreign_keys();
  }
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;
  ~ForeignKeysOff() {
    if (wanted_) session_.restore_foreign_keys();
  }

 private:
  Session& session_;
  bool wanted_;
};

}  // namespace dbmigrate::runner
