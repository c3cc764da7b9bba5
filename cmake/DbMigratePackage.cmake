# The package: install rules, the DbMigrateTargets export (install prefix and build tree), and
# DbMigrateConfig.cmake / DbMigrateConfigVersion.cmake, so that find_package(DbMigrate) works
# from an install prefix and, with DbMigrate_DIR=<build dir>, from a build tree.

set(DBMIGRATE_CMAKE_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/DbMigrate")

# The model library and its main() arrive with the model stage; package them once they exist.
set(_dbmigrate_exported dbmigrate dbmigrate_core)
foreach(_dbmigrate_target IN ITEMS dbmigrate_model dbmigrate_snapshot_main)
  if(TARGET ${_dbmigrate_target})
    list(APPEND _dbmigrate_exported ${_dbmigrate_target})
  endif()
endforeach()
# Exported names match the ALIAS targets add_subdirectory users see: DbMigrate::core, ...
set_target_properties(dbmigrate_core PROPERTIES EXPORT_NAME core)
if(TARGET dbmigrate_model)
  set_target_properties(dbmigrate_model PROPERTIES EXPORT_NAME model)
endif()
if(TARGET dbmigrate_snapshot_main)
  set_target_properties(dbmigrate_snapshot_main PROPERTIES EXPORT_NAME snapshot_main)
endif()

# install(TARGETS ... EXPORT) defines the export set the build tree's export() writes too.
if(DBMIGRATE_INSTALL)
  set(_dbmigrate_install_options "")
else()
  set(_dbmigrate_install_options EXCLUDE_FROM_ALL)
endif()
install(TARGETS ${_dbmigrate_exported} EXPORT DbMigrateTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} ${_dbmigrate_install_options}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} ${_dbmigrate_install_options}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} ${_dbmigrate_install_options})
export(EXPORT DbMigrateTargets NAMESPACE DbMigrate:: FILE ${PROJECT_BINARY_DIR}/DbMigrateTargets.cmake)

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/DbMigrateConfig.cmake.in
  ${PROJECT_BINARY_DIR}/DbMigrateConfig.cmake
  INSTALL_DESTINATION ${DBMIGRATE_CMAKE_INSTALL_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/DbMigrateConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
# The build tree holds the same files beside DbMigrateConfig.cmake as the install prefix does.
foreach(_dbmigrate_module IN ITEMS DbMigrateAddMigrations.cmake DbMigrateRun.cmake DbMigrateDiagram.cmake)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/${_dbmigrate_module} ${PROJECT_BINARY_DIR}/${_dbmigrate_module}
                 COPYONLY)
endforeach()
if(DBMIGRATE_INSTALL)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/dbmigrate DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  install(EXPORT DbMigrateTargets NAMESPACE DbMigrate:: DESTINATION ${DBMIGRATE_CMAKE_INSTALL_DIR})
  install(FILES
    ${PROJECT_BINARY_DIR}/DbMigrateConfig.cmake
    ${PROJECT_BINARY_DIR}/DbMigrateConfigVersion.cmake
    ${CMAKE_CURRENT_LIST_DIR}/DbMigrateAddMigrations.cmake
    ${CMAKE_CURRENT_LIST_DIR}/DbMigrateRun.cmake
    ${CMAKE_CURRENT_LIST_DIR}/DbMigrateDiagram.cmake
    DESTINATION ${DBMIGRATE_CMAKE_INSTALL_DIR})
endif()
