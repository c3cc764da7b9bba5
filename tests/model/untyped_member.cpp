// Must not compile: a member type without inference used without .type("...").
#include "dbmigrate/model.hpp"

struct Point {
  int x;
  int y;
};
struct Shape {
  Point origin;
};

void dbmigrate_models(dbmigrate::Schema& schema) {
  schema.table<Shape>("shapes").column("origin", &Shape::origin).nullable();
}
