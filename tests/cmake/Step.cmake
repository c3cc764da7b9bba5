# One step of a CMake integration test, run with cmake -P (tests/cmake/CMakeLists.txt):
#   ACTION=configure  copy SOURCE afresh to WORK/src and configure it into WORK/build with
#                     GENERATOR, BUILD_TYPE and ARGS ('|'-separated -D options)
#   ACTION=build      build TARGET ('|'-separated, in order) in WORK/build with ENV ('|'-separated NAME=value) set, then
#                     check what it produced:
#                       EXPECT_FAILURE      the build must fail
#                       EXPECT_OUTPUT       a regex the build's output must match
#                       EXPECT_GLOB/COUNT   that many files match the glob under WORK/src
#                       EXPECT_TABLES       ('|'-separated) tables DATABASE must have, read
#                                           with the sqlite3 shell
#                       EXPECT_NO_TABLES    ('|'-separated) tables DATABASE must not have
#                       EXPECT_FILE         a file under WORK/build that must exist, whose
#                                           content must match EXPECT_FILE_REGEX if given
#                       EXPECT_NO_FILE      a file under WORK/build that must not exist
#                     NEXT_MODEL=<file> first replaces WORK/src/<file> by <file>.next.<ext>
#                     (the model after a change). CTEST=ON runs ctest in WORK/build instead.
#                       NOT_BUILT           a regex no step of the build may match
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

string(REPLACE "|" ";" environment "${ENV}")
foreach(assignment IN LISTS environment)
  string(FIND "${assignment}" "=" equals)
  string(SUBSTRING "${assignment}" 0 ${equals} name)
  math(EXPR equals "${equals} + 1")
  string(SUBSTRING "${assignment}" ${equals} -1 value)
  set(ENV{${name}} "${value}")
endforeach()

if(DEFINED NEXT_MODEL)
  string(REGEX REPLACE "(\\.[^.]*)$" ".next\\1" next "${NEXT_MODEL}")
  file(READ "${WORK}/src/${next}" text)
  file(WRITE "${WORK}/src/${NEXT_MODEL}" "${text}")  # a new timestamp, as an editor leaves
endif()

# TARGET: '|'-separated targets, built one after the other.
string(REPLACE "|" ";" targets "${TARGET}")
if(CTEST)
  set(targets ctest)
endif()
set(output "")
foreach(target IN LISTS targets)
  if(CTEST)
    set(command "${CMAKE_CTEST_COMMAND}" --test-dir "${WORK}/build" --output-on-failure)
  else()
    set(command "${CMAKE_COMMAND}" --build "${WORK}/build" --target ${target})
  endif()
  execute_process(COMMAND ${command}
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
if(DEFINED EXPECT_TABLES OR DEFINED EXPECT_NO_TABLES)
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
  string(REPLACE "|" ";" unexpected "${EXPECT_NO_TABLES}")
  foreach(table IN LISTS unexpected)
    if(tables MATCHES "(^|\n)${table}\n")
      fail("${DATABASE} has the table '${table}', which should be gone; its tables:\n${tables}")
    endif()
  endforeach()
endif()
if(DEFINED EXPECT_FILE)
  if(NOT EXISTS "${WORK}/build/${EXPECT_FILE}")
    fail("building ${TARGET} did not write ${WORK}/build/${EXPECT_FILE}")
  endif()
  file(READ "${WORK}/build/${EXPECT_FILE}" content)
  if(DEFINED EXPECT_FILE_REGEX AND NOT content MATCHES "${EXPECT_FILE_REGEX}")
    fail("${WORK}/build/${EXPECT_FILE} does not match '${EXPECT_FILE_REGEX}'")
  endif()
endif()
if(DEFINED EXPECT_NO_FILE AND EXISTS "${WORK}/build/${EXPECT_NO_FILE}")
  fail("building ${TARGET} wrote ${WORK}/build/${EXPECT_NO_FILE}")
endif()
