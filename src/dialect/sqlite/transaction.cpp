// Transaction: BEGIN now, ROLLBACK unless committed; the state says which already happened.
#include "dialect/sqlite/connection.hpp"

namespace dbmigrate::sqlite {

Transaction::Transaction(Connection& connection, std::string_view begin) : connection_(connection) {
  connection_.execute(begin);
}

Transaction::~Transaction() {
  if (state_ != State::open) return;
  try {
    connection_.execute("ROLLBACK");
  } catch (...) {
    // SQLite has rolled back already (a failed COMMIT, a full disk), or there is nothing this
    // destructor could do about it: it must not throw.
  }
}

void Transaction::commit() {
  connection_.execute("COMMIT");
  state_ = State::committed;
}

void Transaction::rollback() {
  state_ = State::rolled_back;
  connection_.execute("ROLLBACK");
}

}  // namespace dbmigrate::sqlite
