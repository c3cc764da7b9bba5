# DbMigrateAddMigrations.cmake: add_db_migrations(), the Flask-Migrate workflow as CMake targets.
#
#[=======================================================================[.rst:
add_db_migrations
-----------------

.. code-block:: cmake

  add_db_migrations(
    [NAME <name>]
    MODELS <sources>... | SCHEMA <file.sql>
    [LINK_LIBRARIES <libraries>...]
    [DIRECTORY <dir>]
    [DATABASE_URL <url>]
    [NO_TEST])

Keywords:

``NAME <name>``
  Names one migration set, so that a build can hold several. Targets and the test are then
  prefixed ``<name>_`` (``<name>_db_upgrade``). Letters, digits, ``_`` and ``-``; default: no
  prefix. Each call needs a NAME of its own (at most one call without NAME).

``MODELS <sources>...``
  C++ sources defining ``void dbmigrate_models(dbmigrate::Schema&)``. They are compiled with
  ``DbMigrate::snapshot_main`` into the executable ``<prefix>schema_snapshot``, which prints
  the model's canonical JSON; it is rebuilt only when its sources change. Relative paths are
  taken from ``CMAKE_CURRENT_SOURCE_DIR``.

``SCHEMA <file.sql>``
  Instead of MODELS: the model is an SQL schema file (``CREATE TABLE ...``), read by
  ``dbmigrate`` directly; nothing is compiled. Exactly one of MODELS and SCHEMA is required.

``LINK_LIBRARIES <libraries>...``
  Libraries the model sources need (MODELS only).

``DIRECTORY <dir>``
  The migrations folder. Default: ``${CMAKE_CURRENT_SOURCE_DIR}/migrations``.

``DATABASE_URL <url>``
  The database the targets work on. Default:
  ``sqlite:///${CMAKE_CURRENT_BINARY_DIR}/<name or PROJECT_NAME>.db``.

``NO_TEST``
  Do not register the CTest test ``<prefix>db_check``. Without NO_TEST, a project that never
  calls ``enable_testing()`` (or ``include(CTest)``) gets a configure warning: ctest would not
  run the test, and ``ctest -R db_check`` would pass without it.

Targets (each runs ``dbmigrate <command>`` in ``CMAKE_CURRENT_SOURCE_DIR``):

==========================  ============================================================
``<prefix>db_init``         ``dbmigrate init``: create the migrations folder
``<prefix>db_migrate``      ``dbmigrate migrate -m "$DB_MESSAGE"`` (``DB_MESSAGE`` required)
``<prefix>db_upgrade``      ``dbmigrate upgrade [$DB_TARGET]`` (default ``head``)
``<prefix>db_downgrade``    ``dbmigrate downgrade [$DB_TARGET]`` (default ``-1``)
``<prefix>db_check``        ``dbmigrate check``: fails while a migration is pending
``<prefix>db_current``      ``dbmigrate current``
``<prefix>db_history``      ``dbmigrate history``
``<prefix>db_stamp``        ``dbmigrate stamp $DB_TARGET`` (``DB_TARGET`` required)
``<prefix>db_revision``     ``dbmigrate revision -m "$DB_MESSAGE"``: an empty revision to fill by hand
``<prefix>db_merge``        ``dbmigrate merge -m "$DB_MESSAGE" heads``: join every head
``<prefix>db_show``         ``dbmigrate show $DB_TARGET`` (``DB_TARGET`` required)
``<prefix>db_heads``        ``dbmigrate heads``
``<prefix>db_remove``       ``dbmigrate remove``: remove the newest revision (not applied) and
                            restore ``schema.json`` to its parent
``<prefix>db_rebuild_schema`` ``dbmigrate rebuild-schema``: write ``schema.json`` again from the
                            revisions
``<prefix>db_diagram``      ``<prefix>schema.svg`` in ``CMAKE_CURRENT_BINARY_DIR``: the model's
                            diagram, drawn by Graphviz's ``dot`` (found on PATH when it runs;
                            without it the target fails saying how to install it)
``<prefix>schema_snapshot`` the model's snapshot tool (MODELS only)
==========================  ============================================================

Build-time parameters are read from the environment when the target runs:
``DB_MESSAGE``, ``DB_TARGET``, ``DATABASE_URL`` (which overrides the configured URL) and
``DB_LOCK_TIMEOUT`` (seconds to wait for another run's lock, default 30). Each target first
prints the values in force (``db_downgrade: migrations <dir>, database <url> (from
DATABASE_URL), target -1 (default, no DB_TARGET)``), and fails with "did you mean
...?" when a variable is within two letters of a parameter without being one (``DB_TARGTE``,
``DATABSE_URL``, ``DB_URL``); other ``DB_*`` and ``DATABASE*`` variables (``DB_HOST``) are
named as not read.
``db_check`` and the test pass a database to ``check`` only when ``DATABASE_URL`` is set, so
a fresh CI checkout gates on pending model changes without a database. Only ``db_migrate``
and ``db_check`` depend on the snapshot tool; the other targets never compile anything of
the model.

Unless ``NO_TEST``, the CTest test ``<prefix>db_check`` runs the same check; with MODELS, a
fixture test ``<prefix>schema_snapshot_build`` builds the snapshot tool first.

Example:

.. code-block:: cmake

  find_package(DbMigrate 1.0 REQUIRED)
  add_db_migrations(MODELS src/models.cpp LINK_LIBRARIES app_types)

.. code-block:: sh

  cmake --build build --target db_init
  DB_MESSAGE="add users" cmake --build build --target db_migrate
  cmake --build build --target db_upgrade

#]=======================================================================]

include_guard(GLOBAL)

function(add_db_migrations)
  cmake_parse_arguments(PARSE_ARGV 0 arg "NO_TEST" "NAME;SCHEMA;DIRECTORY;DATABASE_URL"
                        "MODELS;LINK_LIBRARIES")
  _dbmigrate_check_arguments()

  if(DEFINED arg_NAME)
    set(prefix "${arg_NAME}_")
    set(database_name "${arg_NAME}")
  else()
    set(prefix "")
    set(database_name "${PROJECT_NAME}")
  endif()

  if(DEFINED arg_DIRECTORY)
    cmake_path(ABSOLUTE_PATH arg_DIRECTORY BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
               NORMALIZE OUTPUT_VARIABLE directory)
  else()
    set(directory "${CMAKE_CURRENT_SOURCE_DIR}/migrations")
  endif()
  if(DEFINED arg_DATABASE_URL)
    set(url "${arg_DATABASE_URL}")
  else()
    set(url "sqlite:///${CMAKE_CURRENT_BINARY_DIR}/${database_name}.db")
  endif()

  set(targets db_init db_migrate db_upgrade db_downgrade db_check db_current db_history db_stamp
              db_revision db_merge db_show db_heads db_remove db_rebuild_schema db_diagram)
  if(DEFINED arg_MODELS)
    list(APPEND targets schema_snapshot)
  endif()
  foreach(target IN LISTS targets)
    if(TARGET ${prefix}${target})
      message(FATAL_ERROR "add_db_migrations: a target named '${prefix}${target}' exists already: give this "
                          "migration set a NAME")
    endif()
  endforeach()

  if(DEFINED arg_SCHEMA)
    cmake_path(ABSOLUTE_PATH arg_SCHEMA BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
               NORMALIZE OUTPUT_VARIABLE model)
    set(model_target "")
  else()
    set(model_target "${prefix}schema_snapshot")
    add_executable(${model_target} ${arg_MODELS})
    # snapshot_main first: its main() pulls dbmigrate_models() out of the libraries after it.
    target_link_libraries(${model_target} PRIVATE DbMigrate::snapshot_main ${arg_LINK_LIBRARIES})
    set(model "$<TARGET_FILE:${model_target}>")
    # Beside the tool, its sources: dbmigrate run by hand refuses a tool older than one of them.
    set(model_sources "")
    foreach(source IN LISTS arg_MODELS)
      cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
      string(APPEND model_sources "${source}\n")
    endforeach()
    file(GENERATE OUTPUT "$<TARGET_FILE:${model_target}>.sources" CONTENT "${model_sources}")
  endif()

  # When it runs, each target prints the database and the target in force (DbMigrateRun.cmake);
  # its description names what chooses them.
  set(database "the database (DATABASE_URL, else the configured one)")
  set(model_args MODEL "${model}")
  if(model_target)
    list(APPEND model_args MODEL_TARGET "${model_target}")
  endif()
  _dbmigrate_add_target(${prefix}db_init "create the migrations folder ${directory}"
                        COMMAND init DIR "${directory}")
  _dbmigrate_add_target(${prefix}db_migrate "autogenerate a revision (message from DB_MESSAGE)"
                        COMMAND migrate DIR "${directory}" ${model_args} ENV DB_MESSAGE ENV_OPTION -m ENV_REQUIRED)
  _dbmigrate_add_target(${prefix}db_upgrade "upgrade ${database} to DB_TARGET (default head)"
                        COMMAND upgrade DIR "${directory}" URL "${url}" ENV DB_TARGET ENV_DEFAULT head)
  _dbmigrate_add_target(${prefix}db_downgrade "downgrade ${database} to DB_TARGET (default -1)"
                        COMMAND downgrade DIR "${directory}" URL "${url}" ENV DB_TARGET ENV_DEFAULT -1)
  _dbmigrate_add_target(${prefix}db_check "fail while a migration is pending"
                        COMMAND check DIR "${directory}" ${model_args})
  _dbmigrate_add_target(${prefix}db_current "show the revision of ${database}"
                        COMMAND current DIR "${directory}" URL "${url}")
  _dbmigrate_add_target(${prefix}db_history "list the revisions, marking the current one of ${database}"
                        COMMAND history DIR "${directory}" URL "${url}")
  _dbmigrate_add_target(${prefix}db_stamp "set the revision of ${database} to DB_TARGET without running SQL"
                        COMMAND stamp DIR "${directory}" URL "${url}" ENV DB_TARGET ENV_REQUIRED)
  _dbmigrate_add_target(${prefix}db_revision "create an empty revision (message from DB_MESSAGE)"
                        COMMAND revision DIR "${directory}" ENV DB_MESSAGE ENV_OPTION -m ENV_REQUIRED)
  _dbmigrate_add_target(${prefix}db_merge "join the heads in a merge revision (message from DB_MESSAGE)"
                        COMMAND merge DIR "${directory}" ARGS heads ENV DB_MESSAGE ENV_OPTION -m ENV_REQUIRED)
  _dbmigrate_add_target(${prefix}db_show "show the revision DB_TARGET"
                        COMMAND show DIR "${directory}" ENV DB_TARGET ENV_REQUIRED)
  _dbmigrate_add_target(${prefix}db_heads "show the head revisions"
                        COMMAND heads DIR "${directory}")
  _dbmigrate_add_target(${prefix}db_remove
                        "remove the newest revision unless ${database} has it, restore schema.json"
                        COMMAND remove DIR "${directory}" URL "${url}")
  _dbmigrate_add_target(${prefix}db_rebuild_schema "write schema.json again from the revisions"
                        COMMAND rebuild-schema DIR "${directory}")

  _dbmigrate_add_diagram_target(${prefix}db_diagram "${model}" "${model_target}"
                                "${CMAKE_CURRENT_BINARY_DIR}/${prefix}schema.svg")

  if(NOT arg_NO_TEST)
    _dbmigrate_run_command(check_command CALLER "test ${prefix}db_check" COMMAND check DIR "${directory}" MODEL "${model}")
    add_test(NAME ${prefix}db_check COMMAND ${check_command} WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}")
    # Whether testing is on is known only once the project is read (enable_testing() may come
    # later): checked at the end of the top-level directory.
    cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL _dbmigrate_warn_without_testing
                   "${prefix}db_check" "${CMAKE_CURRENT_SOURCE_DIR}")
    if(model_target)
      # ctest does not build; a fixture builds the snapshot tool (a no-op when up to date).
      add_test(NAME ${prefix}schema_snapshot_build
               COMMAND "${CMAKE_COMMAND}" --build "${CMAKE_BINARY_DIR}" --config $<CONFIG>
                       --target ${model_target})
      set_tests_properties(${prefix}schema_snapshot_build PROPERTIES
        FIXTURES_SETUP ${prefix}schema_snapshot RESOURCE_LOCK _dbmigrate_build_tree)
      set_tests_properties(${prefix}db_check PROPERTIES FIXTURES_REQUIRED ${prefix}schema_snapshot)
    endif()
  endif()
endfunction()

# Rejects what add_db_migrations() cannot use, naming the argument at fault.
macro(_dbmigrate_check_arguments)
  if(arg_UNPARSED_ARGUMENTS)
    list(GET arg_UNPARSED_ARGUMENTS 0 _dbmigrate_unknown)
    message(FATAL_ERROR "add_db_migrations: unknown argument '${_dbmigrate_unknown}'")
  endif()
  foreach(_dbmigrate_keyword IN ITEMS NAME SCHEMA DIRECTORY DATABASE_URL MODELS LINK_LIBRARIES)
    if(_dbmigrate_keyword IN_LIST arg_KEYWORDS_MISSING_VALUES)
      message(FATAL_ERROR "add_db_migrations: ${_dbmigrate_keyword} needs a value")
    endif()
  endforeach()
  if(DEFINED arg_MODELS AND DEFINED arg_SCHEMA)
    message(FATAL_ERROR "add_db_migrations: give MODELS or SCHEMA, not both")
  endif()
  if(NOT DEFINED arg_MODELS AND NOT DEFINED arg_SCHEMA)
    message(FATAL_ERROR "add_db_migrations: MODELS <sources...> or SCHEMA <file.sql> is required")
  endif()
  if(DEFINED arg_LINK_LIBRARIES AND DEFINED arg_SCHEMA)
    message(FATAL_ERROR "add_db_migrations: LINK_LIBRARIES needs MODELS (a SCHEMA file is not compiled)")
  endif()
  if(DEFINED arg_NAME AND NOT arg_NAME MATCHES "^[A-Za-z0-9][A-Za-z0-9_-]*$")
    message(FATAL_ERROR "add_db_migrations: NAME '${arg_NAME}' may hold only letters, digits, '_' and '-'")
  endif()
  if(DEFINED arg_SCHEMA)
    cmake_path(ABSOLUTE_PATH arg_SCHEMA BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
               OUTPUT_VARIABLE _dbmigrate_file)
    if(NOT EXISTS "${_dbmigrate_file}" OR IS_DIRECTORY "${_dbmigrate_file}")
      message(FATAL_ERROR "add_db_migrations: SCHEMA file '${arg_SCHEMA}' does not exist")
    endif()
  endif()
  foreach(_dbmigrate_source IN LISTS arg_MODELS)
    cmake_path(ABSOLUTE_PATH _dbmigrate_source BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
               OUTPUT_VARIABLE _dbmigrate_file)
    get_source_file_property(_dbmigrate_generated "${_dbmigrate_file}" GENERATED)
    if(NOT _dbmigrate_source MATCHES "\\$<" AND NOT _dbmigrate_generated AND NOT EXISTS "${_dbmigrate_file}")
      message(FATAL_ERROR "add_db_migrations: MODELS source '${_dbmigrate_source}' does not exist")
    endif()
  endforeach()
  if(DEFINED arg_MODELS AND NOT TARGET DbMigrate::snapshot_main)
    message(FATAL_ERROR "add_db_migrations: MODELS needs the target DbMigrate::snapshot_main, which this "
                        "DbMigrate does not provide; use SCHEMA <file.sql>")
  endif()
  if(NOT TARGET DbMigrate::dbmigrate)
    message(FATAL_ERROR "add_db_migrations: the target DbMigrate::dbmigrate is missing: call "
                        "find_package(DbMigrate) or add_subdirectory(<DbMigrate>) first")
  endif()

  # One call per NAME: the second would redefine every db_* target.
  if(DEFINED arg_NAME)
    set(_dbmigrate_set "NAME '${arg_NAME}'")
  else()
    set(_dbmigrate_set "a call without NAME")
  endif()
  get_property(_dbmigrate_seen GLOBAL PROPERTY _dbmigrate_sets)
  list(FIND _dbmigrate_seen "${_dbmigrate_set}" _dbmigrate_index)
  if(NOT _dbmigrate_index EQUAL -1)
    get_property(_dbmigrate_where GLOBAL PROPERTY _dbmigrate_sets_where)
    list(GET _dbmigrate_where ${_dbmigrate_index} _dbmigrate_where)
    message(FATAL_ERROR "add_db_migrations: ${_dbmigrate_set} is used already (in ${_dbmigrate_where}): "
                        "give each migration set a NAME of its own")
  endif()
  set_property(GLOBAL APPEND PROPERTY _dbmigrate_sets "${_dbmigrate_set}")
  set_property(GLOBAL APPEND PROPERTY _dbmigrate_sets_where "${CMAKE_CURRENT_SOURCE_DIR}")
endmacro()

# The command line that runs `dbmigrate <COMMAND> --dir <DIR> [--model <MODEL>] [--url <URL>]`
# through DbMigrateRun.cmake, which reads the build-time parameters from the environment when the
# command runs (a custom target's command line is fixed at configure time).
#   URL           the configured database; DATABASE_URL in the environment overrides it.
#                 Without URL, --url is passed only when DATABASE_URL is set.
#   ARGS          fixed arguments after the options (merge's `heads`).
#   ENV <var>     an argument read from the environment, after ENV_OPTION if given, else
#                 positional; ENV_REQUIRED fails the command when <var> is unset or empty;
#                 ENV_DEFAULT names, for the banner, what dbmigrate does without it.
function(_dbmigrate_run_command out_var)
  cmake_parse_arguments(PARSE_ARGV 1 arg "ENV_REQUIRED" "CALLER;COMMAND;DIR;MODEL;URL;ENV;ENV_OPTION;ENV_DEFAULT" "ARGS")
  set(command "${CMAKE_COMMAND}"
      "-DDBMIGRATE_EXECUTABLE=$<TARGET_FILE:DbMigrate::dbmigrate>"
      "-DDBMIGRATE_COMMAND=${arg_COMMAND}"
      "-DDBMIGRATE_DIR=${arg_DIR}")
  foreach(variable IN ITEMS CALLER MODEL URL ENV ENV_OPTION ENV_DEFAULT ARGS)
    if(DEFINED arg_${variable})
      list(APPEND command "-DDBMIGRATE_${variable}=${arg_${variable}}")
    endif()
  endforeach()
  if(arg_ENV_REQUIRED)
    list(APPEND command "-DDBMIGRATE_ENV_REQUIRED=ON")
  endif()
  list(APPEND command -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/DbMigrateRun.cmake")
  set(${out_var} "${command}" PARENT_SCOPE)
endfunction()

function(_dbmigrate_add_target name comment)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "MODEL_TARGET" "")
  _dbmigrate_run_command(command CALLER ${name} ${arg_UNPARSED_ARGUMENTS})
  add_custom_target(${name}
    COMMAND ${command}
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    COMMENT "dbmigrate: ${comment}"
    VERBATIM USES_TERMINAL)
  if(arg_MODEL_TARGET)
    add_dependencies(${name} ${arg_MODEL_TARGET})
  endif()
endfunction()

# <name> writes <output>, the model's diagram, through DbMigrateDiagram.cmake.
function(_dbmigrate_add_diagram_target name model model_target output)
  add_custom_target(${name}
    COMMAND "${CMAKE_COMMAND}" "-DDBMIGRATE_CALLER=${name}"
            "-DDBMIGRATE_EXECUTABLE=$<TARGET_FILE:DbMigrate::dbmigrate>"
            "-DDBMIGRATE_MODEL=${model}" "-DDBMIGRATE_OUTPUT=${output}"
            -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/DbMigrateDiagram.cmake"
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    BYPRODUCTS "${output}"
    COMMENT "dbmigrate: draw the model's diagram in ${output}"
    VERBATIM USES_TERMINAL)
  if(model_target)
    add_dependencies(${name} ${model_target})
  endif()
endfunction()

# Warns when the CTest test <test>, added in <directory>, will not be run: CMake writes a
# directory's CTestTestfile.cmake only when enable_testing() (which include(CTest) calls) was
# called there or in a parent, and ctest reads them from the top-level build directory down; a
# CI step `ctest -R db_check` would then find no test and pass. enable_testing() sets
# CMAKE_TESTING_ENABLED in its directory's scope, which is what CMake itself reads.
# BUILD_TESTING=OFF turns testing off on purpose: no warning then.
function(_dbmigrate_warn_without_testing test directory)
  if(DEFINED BUILD_TESTING AND NOT BUILD_TESTING)
    return()
  endif()
  get_directory_property(enabled_there DIRECTORY "${directory}" DEFINITION CMAKE_TESTING_ENABLED)
  if(CMAKE_TESTING_ENABLED AND enabled_there)
    return()
  endif()
  message(WARNING "add_db_migrations: the CTest test '${test}' is registered, but testing is not enabled "
                  "in this project, so ctest will not run it (and 'ctest -R ${test}' finds no test and "
                  "passes). Add include(CTest) or enable_testing() to the top-level CMakeLists.txt, or "
                  "pass NO_TEST and gate CI on the build target '${test}' (see DbMigrate's docs/ci.md).")
endfunction()
