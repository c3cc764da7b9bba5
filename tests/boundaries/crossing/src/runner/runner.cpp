// A stage reaching past the seam.
#include "dialect/sqlite/connection.hpp"
