# install + export so that find_package(cdkpp CONFIG) gives cdk::cdkpp.
include(CMakePackageConfigHelpers)
install(TARGETS cdkpp EXPORT cdkppTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/cdk DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${CDKPP_GENERATED_DIR}/include/cdk DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(CDKPP_CONSTRUCTS)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/constructs/include/cdk DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endif()
set(CDKPP_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/cdkpp)
install(EXPORT cdkppTargets NAMESPACE cdk:: DESTINATION ${CDKPP_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/cdkppConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cdkppConfig.cmake INSTALL_DESTINATION ${CDKPP_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cdkppConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cdkppConfig.cmake ${PROJECT_BINARY_DIR}/cdkppConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/cdkppSynthProgram.cmake
  DESTINATION ${CDKPP_CMAKE_DIR})
