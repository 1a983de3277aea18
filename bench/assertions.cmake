# The assertions benchmark: has_resource_properties and friends against a 500-resource
# template. Prints numbers; it is not a test. Include from bench/CMakeLists.txt:
#   include(${CMAKE_CURRENT_SOURCE_DIR}/assertions.cmake)
add_executable(assertions_bench ${CMAKE_CURRENT_LIST_DIR}/assertions_bench.cpp)
target_link_libraries(assertions_bench PRIVATE cdk::cdkpp)
