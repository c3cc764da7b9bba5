# The include-boundary check fails on a tree whose stages cross the dialect seam, naming each
# crossing and nothing else, and passes on the project's own tree.
#   cmake -DCHECK=<DbMigrateCheckBoundaries.cmake> -DFIXTURE=<crossing tree> -DPROJECT=<repo> -P ...
execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${FIXTURE} -P ${CHECK}
                RESULT_VARIABLE result ERROR_VARIABLE output OUTPUT_VARIABLE output)
if(result EQUAL 0)
  message(FATAL_ERROR "the check passed a tree whose runner includes a dialect's header")
endif()
foreach(expected
        "src/runner/runner.cpp: #include \"dialect/sqlite/connection.hpp\""
        "src/dialect/other/other.cpp: #include \"dbmigrate/sqlite_session.hpp\": the other dialect")
  string(FIND "${output}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the check did not name '${expected}':\n${output}")
  endif()
endforeach()
foreach(allowed "src/dialect/registry.cpp" "src/dialect/other/other.hpp"
        "src/dialect/sqlite/connection.hpp:")
  string(FIND "${output}" "${allowed}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "the check refused an allowed include in ${allowed}:\n${output}")
  endif()
endforeach()

execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${PROJECT} -P ${CHECK}
                RESULT_VARIABLE result ERROR_VARIABLE output OUTPUT_VARIABLE output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the project's own tree crosses the seam:\n${output}")
endif()
