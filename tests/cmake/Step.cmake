# One step of a CMake integration test, run with cmake -P (tests/cmake/CMakeLists.txt):
#   ACTION=configure  copy SOURCE afresh to WORK/src and configure it into WORK/build with
#                     GENERATOR, BUILD_TYPE and ARGS ('|'-separated -D options)
#   ACTION=build      build TARGET ('|'-separated, in order) in WORK/build with ENV ('|'-separated NAME=value) set, then
#                     check what it produced:
#                       EXPECT_FAILURE      the build must fail
#                       EXPECT_OUTPUT       a regex the build's output must match
#                       EXPECT_GLOB/COUNT   that many files match the glob under WORK/src
#                       EXPECT_TABLES       ('|'-separated) the tables of DATABASE, read with
#                                           the sqlite3 shell
#                       NOT_BUILT           a regex no step of the build may match
#                     With NEEDS_COMMAND, prints "SKIP: ..." and stops when DBMIGRATE has no such
#                     command yet.
cmake_minimum_required(VERSION 3.21)

function(fail)
  string(JOIN "" text ${ARGN})
  message(FATAL_ERROR "${text}")
endfunction()

if(ACTION STREQUAL "configure")
  file(REMOVE_RECURSE "${WORK}")
  file(COPY "${SOURCE}/" DESTINATION "${WORK}/src")
  string(REPLACE "|" ";" args "${ARGS}")
  execute_process(COMMAND "${CMAKE_COMMAND}" -S "${WORK}/src" -B "${WORK}/build" -G "${GENERATOR}"
                          "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}" ${args}
                  RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    fail("configuring ${WORK}/src failed")
  endif()
  return()
endif()

if(NOT ACTION STREQUAL "build")
  fail("Step.cmake: unknown ACTION '${ACTION}'")
endif()

if(NEEDS_COMMAND)
  execute_process(COMMAND "${DBMIGRATE}" --help OUTPUT_VARIABLE help ERROR_VARIABLE help)
  if(NOT help MATCHES "\n +${NEEDS_COMMAND} ")
    message("SKIP: this dbmigrate has no '${NEEDS_COMMAND}' command yet")
    return()
  endif()
endif()

string(REPLACE "|" ";" environment "${ENV}")
foreach(assignment IN LISTS environment)
  string(FIND "${assignment}" "=" equals)
  string(SUBSTRING "${assignment}" 0 ${equals} name)
  math(EXPR equals "${equals} + 1")
  string(SUBSTRING "${assignment}" ${equals} -1 value)
  set(ENV{${name}} "${value}")
endforeach()

# TARGET: '|'-separated targets, built one after the other.
string(REPLACE "|" ";" targets "${TARGET}")
set(output "")
foreach(target IN LISTS targets)
  execute_process(COMMAND "${CMAKE_COMMAND}" --build "${WORK}/build" --target ${target}
                  RESULT_VARIABLE result OUTPUT_VARIABLE target_output ERROR_VARIABLE target_output)
  message("${target_output}")
  string(APPEND output "${target_output}")
  if(NOT result EQUAL 0)
    break()
  endif()
endforeach()
if(EXPECT_FAILURE AND result EQUAL 0)
  fail("building ${TARGET} succeeded; it should have failed")
elseif(NOT EXPECT_FAILURE AND NOT result EQUAL 0)
  fail("building ${TARGET} failed")
endif()
if(DEFINED EXPECT_OUTPUT AND NOT output MATCHES "${EXPECT_OUTPUT}")
  fail("building ${TARGET}: the output does not match '${EXPECT_OUTPUT}'")
endif()
if(NOT_BUILT AND output MATCHES "${NOT_BUILT}")
  fail("building ${TARGET} ran '${CMAKE_MATCH_0}'; nothing of that kind should have been built")
endif()
if(DEFINED EXPECT_GLOB)
  file(GLOB matches "${WORK}/src/${EXPECT_GLOB}")
  list(LENGTH matches count)
  if(NOT count EQUAL EXPECT_COUNT)
    fail("${WORK}/src/${EXPECT_GLOB}: ${count} files (${matches}), expected ${EXPECT_COUNT}")
  endif()
endif()
if(DEFINED EXPECT_TABLES)
  execute_process(COMMAND sqlite3 "${DATABASE}"
                          "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                  RESULT_VARIABLE result OUTPUT_VARIABLE tables ERROR_VARIABLE error)
  if(NOT result EQUAL 0)
    fail("sqlite3 ${DATABASE}: ${error}")
  endif()
  string(REPLACE "|" ";" expected "${EXPECT_TABLES}")
  foreach(table IN LISTS expected)
    if(NOT tables MATCHES "(^|\n)${table}\n")
      fail("${DATABASE} has no table '${table}'; its tables:\n${tables}")
    endif()
  endforeach()
endif()
