// A dialect reaching into another.
#include "dbmigrate/sqlite_session.hpp"
