// Allowed: the dialect including itself.
#include "dialect/other/other.hpp"
