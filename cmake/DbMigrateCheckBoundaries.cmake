# The include boundaries of the pipeline (docs/architecture.md, "The dialect seam"), checked on
# every build: `cmake -DROOT=<source tree> -P DbMigrateCheckBoundaries.cmake` fails, naming each
# file and line, when
#   - a file outside src/dialect/ includes a dialect's private header ("dialect/<name>/...") or
#     a dialect's public header (dbmigrate/<name>.hpp): stages reach a dialect only through
#     Dialect (dbmigrate/dialect.hpp) and the registry (dbmigrate/dialect_registry.hpp);
#   - a file of src/dialect/<a>/ includes a header of another dialect src/dialect/<b>/.
# The registry's own files (src/dialect/*.cpp, *.hpp) may include every dialect: that is where
# the built-in dialects are registered.
if(NOT ROOT)
  message(FATAL_ERROR "pass -DROOT=<the source tree to check>")
endif()

file(GLOB dialects LIST_DIRECTORIES true RELATIVE "${ROOT}/src/dialect" "${ROOT}/src/dialect/*")
set(dialect_names)
foreach(entry IN LISTS dialects)
  if(IS_DIRECTORY "${ROOT}/src/dialect/${entry}")
    list(APPEND dialect_names "${entry}")
  endif()
endforeach()

file(GLOB_RECURSE sources RELATIVE "${ROOT}"
     "${ROOT}/src/*.cpp" "${ROOT}/src/*.hpp" "${ROOT}/include/*.hpp")
set(violations)
foreach(source IN LISTS sources)
  # The dialect the file belongs to ("" outside src/dialect/<name>/), and whether it is the
  # registry (src/dialect/<file>).
  set(own "")
  set(registry FALSE)
  if(source MATCHES "^src/dialect/([^/]+)/")
    set(own "${CMAKE_MATCH_1}")
  elseif(source MATCHES "^src/dialect/[^/]+$")
    set(registry TRUE)
  endif()
  if(registry)
    continue()
  endif()
  file(STRINGS "${ROOT}/${source}" lines REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS lines)
    foreach(name IN LISTS dialect_names)
      if(name STREQUAL own)
        continue()
      endif()
      if(line MATCHES "[\"<]dialect/${name}/" OR line MATCHES "[\"<]dbmigrate/${name}(_[a-z_]+)?\\.hpp[\">]")
        string(STRIP "${line}" shown)
        if(own STREQUAL "")
          list(APPEND violations
               "${source}: ${shown}: a stage reaches the ${name} dialect only through Dialect and the registry")
        else()
          list(APPEND violations
               "${source}: ${shown}: the ${own} dialect includes a header of the ${name} dialect")
        endif()
      endif()
    endforeach()
  endforeach()
endforeach()

if(violations)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "include boundaries broken:\n  ${text}\n(see docs/architecture.md)")
endif()
