# Typed resource classes (L1) generated at build time from the pinned registry schemas.
#
# cdkpp_codegen (a host tool) writes one header per resource type, a header per service,
# and two sources per service into the build tree: <service>.cpp (the classes' rendering)
# and <service>_schema.cpp (type facts and shapes, relocation-free constant data, which
# is all that find_resource_type() pulls into a program).
# The sources are compiled into cdkpp. CDKPP_SERVICES restricts what is generated.
set(CDKPP_SERVICES "all" CACHE STRING
  "Services to generate typed classes for: 'all', or schema file names such as aws_ec2,aws_s3")

add_executable(cdkpp_codegen codegen/main.cpp codegen/model.cpp codegen/emit.cpp)
target_compile_features(cdkpp_codegen PRIVATE cxx_std_20)
target_link_libraries(cdkpp_codegen PRIVATE nlohmann_json::nlohmann_json)

file(GLOB CDKPP_SCHEMA_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/codegen/schemas/*.json)
set(CDKPP_GENERATED_DIR ${PROJECT_BINARY_DIR}/generated)
set(CDKPP_GENERATED_SOURCES ${CDKPP_GENERATED_DIR}/src/registry.cpp ${CDKPP_GENERATED_DIR}/src/factories.cpp)
set(CDKPP_GENERATED_TESTS "")
set(CDKPP_GENERATED_SERVICES "")
string(REPLACE "," ";" _cdkpp_wanted "${CDKPP_SERVICES}")
# With a list of services, add those the rest of the build includes typed classes of,
# so that a quick development build (-DCDKPP_SERVICES=aws_ssm) still builds everything:
# the L2 constructs, the samples and the tests.
if(NOT CDKPP_SERVICES STREQUAL "all")
  if(CDKPP_CONSTRUCTS)
    list(APPEND _cdkpp_wanted aws_autoscaling aws_cloudwatch aws_ec2 aws_iam aws_logs aws_s3)
  endif()
  if(CDKPP_SAMPLES)
    list(APPEND _cdkpp_wanted aws_cloudformation aws_ec2 aws_s3)
  endif()
  if(CDKPP_TEST)
    list(APPEND _cdkpp_wanted aws_autoscaling aws_cloudformation aws_ec2 aws_iam aws_logs aws_sns aws_sqs aws_ssm)
  endif()
  list(REMOVE_DUPLICATES _cdkpp_wanted)
endif()
string(REPLACE ";" "," _cdkpp_services_arg "${_cdkpp_wanted}")
foreach(schema ${CDKPP_SCHEMA_FILES})
  get_filename_component(stem ${schema} NAME_WE)
  if(CDKPP_SERVICES STREQUAL "all" OR stem IN_LIST _cdkpp_wanted)
    list(APPEND CDKPP_GENERATED_SERVICES ${stem})
    list(APPEND CDKPP_GENERATED_SOURCES ${CDKPP_GENERATED_DIR}/src/${stem}.cpp ${CDKPP_GENERATED_DIR}/src/${stem}_schema.cpp)
    list(APPEND CDKPP_GENERATED_TESTS ${CDKPP_GENERATED_DIR}/tests/instantiate_${stem}.cpp)
  endif()
endforeach()

# The generator rewrites only files whose contents change, so a stamp (not the sources)
# is the rule's output: an unchanged type does not recompile.
set(_cdkpp_stamp ${CDKPP_GENERATED_DIR}/codegen.stamp)
add_custom_command(
  OUTPUT ${_cdkpp_stamp}
  BYPRODUCTS ${CDKPP_GENERATED_SOURCES} ${CDKPP_GENERATED_TESTS}
  COMMAND cdkpp_codegen --schemas ${PROJECT_SOURCE_DIR}/codegen/schemas --out ${CDKPP_GENERATED_DIR}
          --services ${_cdkpp_services_arg} --tests ${CDKPP_GENERATED_DIR}/tests
  COMMAND ${CMAKE_COMMAND} -E touch ${_cdkpp_stamp}
  DEPENDS cdkpp_codegen ${CDKPP_SCHEMA_FILES}
  COMMENT "Generating typed resource classes from the pinned CloudFormation schemas"
  VERBATIM)
add_custom_target(cdkpp_generate DEPENDS ${_cdkpp_stamp})

target_sources(cdkpp PRIVATE ${CDKPP_GENERATED_SOURCES})
add_dependencies(cdkpp cdkpp_generate)
target_include_directories(cdkpp PUBLIC $<BUILD_INTERFACE:${CDKPP_GENERATED_DIR}/include>)
# Generated sources are large tables and straight-line rendering code: optimizing them
# hard buys nothing at synth and costs minutes of build.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  set_source_files_properties(${CDKPP_GENERATED_SOURCES} PROPERTIES COMPILE_OPTIONS "-O1;-g0")
endif()
