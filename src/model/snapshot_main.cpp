// main() of an application's schema-snapshot tool: the application's dbmigrate_models()
// declares the schema; this prints its canonical JSON, or the mistakes and exit code 2.
#include <exception>
#include <iostream>
#include <sstream>
#include <string>

#include "dbmigrate/error.hpp"
#include "dbmigrate/model.hpp"
#include "dbmigrate/snapshot_json.hpp"

int main() {
  try {
    dbmigrate::Schema schema;
    dbmigrate_models(schema);
    const std::string json = dbmigrate::to_json(schema.snapshot());
    std::cout << json;
    if (!json.ends_with('\n')) std::cout << '\n';
    std::cout.flush();
    return std::cout ? 0 : 1;
  } catch (const std::exception& error) {
    std::istringstream lines(error.what());
    for (std::string line; std::getline(lines, line);) std::cerr << "error: " << line << '\n';
    return 2;
  } catch (...) {
    std::cerr << "error: the model declarations threw an exception that is not a std::exception\n";
    return 2;
  }
}
