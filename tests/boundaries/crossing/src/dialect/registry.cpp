// The registry, allowed to name every dialect.
#include "dialect/sqlite/connection.hpp"
#include "dialect/other/other.hpp"
