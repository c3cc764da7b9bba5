# DbMigrateRun.cmake (internal to add_db_migrations): runs one dbmigrate command at build time.
#
# A custom target's command line is fixed when CMake configures, but DB_MESSAGE, DB_TARGET,
# DATABASE_URL and DB_LOCK_TIMEOUT are given when the target is built; this script reads them then.
#   cmake -DDBMIGRATE_CALLER=<target> -DDBMIGRATE_EXECUTABLE=<dbmigrate> -DDBMIGRATE_COMMAND=<command> -DDBMIGRATE_DIR=<dir>
#         [-DDBMIGRATE_MODEL=<model>] [-DDBMIGRATE_URL=<configured url>]
#         [-DDBMIGRATE_ENV=<variable> [-DDBMIGRATE_ENV_OPTION=<option>] [-DDBMIGRATE_ENV_REQUIRED=ON]]
#         -P DbMigrateRun.cmake
# dbmigrate's output goes straight to the terminal; its failure fails the build.

cmake_minimum_required(VERSION 3.21)

set(command "${DBMIGRATE_EXECUTABLE}" "${DBMIGRATE_COMMAND}" --dir "${DBMIGRATE_DIR}")
if(DEFINED DBMIGRATE_MODEL)
  list(APPEND command --model "${DBMIGRATE_MODEL}")
endif()

# DATABASE_URL from the environment wins over the configured URL. Without a configured URL
# (check), a database is passed only when DATABASE_URL is set.
if(NOT "$ENV{DATABASE_URL}" STREQUAL "")
  list(APPEND command --url "$ENV{DATABASE_URL}")
elseif(DEFINED DBMIGRATE_URL)
  list(APPEND command --url "${DBMIGRATE_URL}")
endif()

# DB_LOCK_TIMEOUT: seconds to wait for another run's lock on the database or the folder.
if(NOT "$ENV{DB_LOCK_TIMEOUT}" STREQUAL "")
  list(APPEND command --lock-timeout "$ENV{DB_LOCK_TIMEOUT}")
endif()

set(value "")
if(DEFINED DBMIGRATE_ENV)
  set(value "$ENV{${DBMIGRATE_ENV}}")
  if(value STREQUAL "")
    if(DBMIGRATE_ENV_REQUIRED)
      if(DBMIGRATE_ENV STREQUAL "DB_MESSAGE")
        set(example "DB_MESSAGE=\"add users table\"")
      else()
        set(example "${DBMIGRATE_ENV}=head")
      endif()
      message(FATAL_ERROR "${DBMIGRATE_CALLER}: set ${DBMIGRATE_ENV} in the environment, e.g. "
                          "${example} cmake --build <build dir> --target ${DBMIGRATE_CALLER}")
    endif()
  endif()
endif()

# The value goes last, so that a target such as -1 is not read as an option, and quoted, so
# that a message holding ';' stays one argument.
if(value STREQUAL "")
  execute_process(COMMAND ${command} RESULT_VARIABLE result)
else()
  execute_process(COMMAND ${command} ${DBMIGRATE_ENV_OPTION} "${value}" RESULT_VARIABLE result)
endif()
if(NOT result EQUAL 0)
  list(JOIN command " " shown)
  # A database URL's password is never shown.
  string(REGEX REPLACE "://([^:/@ ]*):[^@/ ]*@" "://\\1:***@" shown "${shown}")
  if(NOT value STREQUAL "")
    string(APPEND shown " ${DBMIGRATE_ENV_OPTION} \"${value}\"")
  endif()
  if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.29)
    message("dbmigrate ${DBMIGRATE_COMMAND} failed (exit ${result}): ${shown}")
    cmake_language(EXIT ${result})
  endif()
  message(FATAL_ERROR "dbmigrate ${DBMIGRATE_COMMAND} failed (exit ${result}): ${shown}")
endif()
