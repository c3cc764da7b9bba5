# DbMigrateDiagram.cmake (internal to add_db_migrations): the db_diagram target's build step.
#
#   cmake -DDBMIGRATE_CALLER=<target> -DDBMIGRATE_EXECUTABLE=<dbmigrate> -DDBMIGRATE_MODEL=<model>
#         -DDBMIGRATE_OUTPUT=<schema.svg> -P DbMigrateDiagram.cmake
# Prints the model as Graphviz DOT (`dbmigrate snapshot <model> --format dot`, kept beside the
# picture as <schema>.dot) and draws it with Graphviz's `dot`, looked up on PATH when the target
# runs: installing Graphviz needs no new configure. Without it, fails saying how to install it.

cmake_minimum_required(VERSION 3.21)

# The message's parts are joined: keep `;` out of them (CMake reads it as a list separator).
function(_dbmigrate_diagram_fail)
  string(JOIN "" text ${ARGN})
  message("${text}")
  if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.29)
    cmake_language(EXIT 1)
  endif()
  message(FATAL_ERROR "${DBMIGRATE_CALLER} failed")
endfunction()

find_program(_dbmigrate_dot NAMES dot NO_CACHE)
if(NOT _dbmigrate_dot)
  _dbmigrate_diagram_fail(
    "${DBMIGRATE_CALLER}: Graphviz's 'dot' was not found on PATH, so ${DBMIGRATE_OUTPUT} cannot be "
    "drawn. Install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz, Fedora: sudo dnf install "
    "graphviz, macOS: brew install graphviz) and build ${DBMIGRATE_CALLER} again. Without it, "
    "'dbmigrate snapshot ${DBMIGRATE_MODEL} --format mermaid' prints a diagram that GitHub and "
    "GitLab draw in Markdown.")
endif()

cmake_path(REPLACE_EXTENSION DBMIGRATE_OUTPUT LAST_ONLY .dot OUTPUT_VARIABLE dot_file)
execute_process(COMMAND "${DBMIGRATE_EXECUTABLE}" snapshot "${DBMIGRATE_MODEL}" --format dot
                OUTPUT_FILE "${dot_file}.tmp" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(REMOVE "${dot_file}.tmp")
  _dbmigrate_diagram_fail("${DBMIGRATE_CALLER}: 'dbmigrate snapshot ${DBMIGRATE_MODEL}' failed")
endif()
file(RENAME "${dot_file}.tmp" "${dot_file}")
# Drawn beside the picture, then renamed over it: a failed run leaves the old one whole.
execute_process(COMMAND "${_dbmigrate_dot}" -Tsvg "${dot_file}" -o "${DBMIGRATE_OUTPUT}.tmp"
                RESULT_VARIABLE result ERROR_VARIABLE error)
if(NOT result EQUAL 0)
  file(REMOVE "${DBMIGRATE_OUTPUT}.tmp")
  _dbmigrate_diagram_fail("${DBMIGRATE_CALLER}: ${_dbmigrate_dot} could not draw ${dot_file}: ${error}")
endif()
file(RENAME "${DBMIGRATE_OUTPUT}.tmp" "${DBMIGRATE_OUTPUT}")
message("${DBMIGRATE_CALLER}: wrote ${DBMIGRATE_OUTPUT} (drawn by ${_dbmigrate_dot} from ${dot_file})")
