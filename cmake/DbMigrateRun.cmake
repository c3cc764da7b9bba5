# DbMigrateRun.cmake (internal to add_db_migrations): runs one dbmigrate command at build time.
#
# A custom target's command line is fixed when CMake configures, but DB_MESSAGE, DB_TARGET,
# DATABASE_URL and DB_LOCK_TIMEOUT are given when the target is built; this script reads them then.
#   cmake -DDBMIGRATE_CALLER=<target> -DDBMIGRATE_EXECUTABLE=<dbmigrate> -DDBMIGRATE_COMMAND=<command> -DDBMIGRATE_DIR=<dir>
#         [-DDBMIGRATE_MODEL=<model>] [-DDBMIGRATE_URL=<configured url>] [-DDBMIGRATE_ARGS=<arguments>]
#         [-DDBMIGRATE_ENV=<variable> [-DDBMIGRATE_ENV_OPTION=<option>] [-DDBMIGRATE_ENV_REQUIRED=ON]
#          [-DDBMIGRATE_ENV_DEFAULT=<what dbmigrate does without it>]]
#         -P DbMigrateRun.cmake
# It first prints the values in force (the database and where its URL came from, the target or
# message), then runs `dbmigrate --from-target <target> ...`, which fails on a misspelt parameter
# in the environment (DB_TARGTE). dbmigrate's output goes straight to the terminal; its failure
# fails the build.

cmake_minimum_required(VERSION 3.21)

# Fails the build with dbmigrate's exit code (CMake 3.29+), else with 1.
function(_dbmigrate_fail result text)
  if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.29)
    message("${text}")
    cmake_language(EXIT ${result})
  endif()
  message(FATAL_ERROR "${text}")
endfunction()

# A database URL's password is never shown.
function(_dbmigrate_mask out_var text)
  string(REGEX REPLACE "://([^:/@ ]*):[^@/ ]*@" "://\\1:***@" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# --from-target first: dbmigrate checks the environment as soon as it reads it.
set(command "${DBMIGRATE_EXECUTABLE}" --from-target "${DBMIGRATE_CALLER}" "${DBMIGRATE_COMMAND}"
            --dir "${DBMIGRATE_DIR}")
if(DEFINED DBMIGRATE_MODEL)
  list(APPEND command --model "${DBMIGRATE_MODEL}")
endif()
if(DEFINED DBMIGRATE_ARGS)
  list(APPEND command ${DBMIGRATE_ARGS})
endif()
set(banner "${DBMIGRATE_CALLER}: migrations ${DBMIGRATE_DIR}")

# DATABASE_URL from the environment wins over the configured URL. Without a configured URL
# (check), a database is passed only when DATABASE_URL is set.
# init reads DATABASE_URL itself, for its dialect only: a URL given as --url would be stored in
# the committed dbmigrate.json.
if(NOT "$ENV{DATABASE_URL}" STREQUAL "")
  if(NOT DBMIGRATE_COMMAND STREQUAL "init")
    list(APPEND command --url "$ENV{DATABASE_URL}")
  endif()
  _dbmigrate_mask(shown "$ENV{DATABASE_URL}")
  string(APPEND banner ", database ${shown} (from DATABASE_URL)")
elseif(DEFINED DBMIGRATE_URL)
  list(APPEND command --url "${DBMIGRATE_URL}")
  _dbmigrate_mask(shown "${DBMIGRATE_URL}")
  string(APPEND banner ", database ${shown} (configured, no DATABASE_URL)")
elseif(DBMIGRATE_COMMAND STREQUAL "check")
  string(APPEND banner ", no database (no DATABASE_URL)")
endif()

# DB_LOCK_TIMEOUT: seconds to wait for another run's lock on the database or the folder.
if(NOT "$ENV{DB_LOCK_TIMEOUT}" STREQUAL "")
  list(APPEND command --lock-timeout "$ENV{DB_LOCK_TIMEOUT}")
  string(APPEND banner ", lock timeout $ENV{DB_LOCK_TIMEOUT} s (from DB_LOCK_TIMEOUT)")
endif()

set(value "")
if(DEFINED DBMIGRATE_ENV)
  set(value "$ENV{${DBMIGRATE_ENV}}")
  if(DBMIGRATE_ENV STREQUAL "DB_MESSAGE")
    set(role "message")
    set(example "DB_MESSAGE=\"add users table\"")
  else()
    set(role "target")
    set(example "${DBMIGRATE_ENV}=head")
  endif()
  if(NOT value STREQUAL "")
    string(APPEND banner ", ${role} \"${value}\" (from ${DBMIGRATE_ENV})")
  elseif(DEFINED DBMIGRATE_ENV_DEFAULT)
    string(APPEND banner ", ${role} ${DBMIGRATE_ENV_DEFAULT} (default, no ${DBMIGRATE_ENV})")
  elseif(DBMIGRATE_ENV_REQUIRED)
    # A misspelt parameter (DB_MESAGE) is the likelier cause: dbmigrate names it if so.
    execute_process(COMMAND "${DBMIGRATE_EXECUTABLE}" --from-target "${DBMIGRATE_CALLER}" --version
                    OUTPUT_QUIET RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
      _dbmigrate_fail(${result} "${DBMIGRATE_CALLER}: ${DBMIGRATE_ENV} is not set")
    endif()
    message(FATAL_ERROR "${DBMIGRATE_CALLER}: set ${DBMIGRATE_ENV} in the environment, e.g. "
                        "${example} cmake --build <build dir> --target ${DBMIGRATE_CALLER}")
  endif()
endif()
message("${banner}")

# The value goes last, so that a target such as -1 is not read as an option, and quoted, so
# that a message holding ';' stays one argument.
if(value STREQUAL "")
  execute_process(COMMAND ${command} RESULT_VARIABLE result)
else()
  execute_process(COMMAND ${command} ${DBMIGRATE_ENV_OPTION} "${value}" RESULT_VARIABLE result)
endif()
if(NOT result EQUAL 0)
  list(JOIN command " " shown)
  _dbmigrate_mask(shown "${shown}")
  if(NOT value STREQUAL "")
    string(APPEND shown " ${DBMIGRATE_ENV_OPTION} \"${value}\"")
  endif()
  _dbmigrate_fail(${result} "dbmigrate ${DBMIGRATE_COMMAND} failed (exit ${result}): ${shown}")
endif()
