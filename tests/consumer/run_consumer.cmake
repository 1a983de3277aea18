# Configures, builds and runs one consumer project (cmake -P; see CMakeLists.txt).
# Inputs: KIND, CONSUMER_SOURCE_DIR, WORK_DIR, CDKPP_SOURCE_DIR, CDKPP_BINARY_DIR,
# CDKPP_STATIC_DEPENDENCIES, CMAKE_CXX_COMPILER, CMAKE_CXX_FLAGS, CMAKE_EXE_LINKER_FLAGS,
# CMAKE_BUILD_TYPE.
cmake_minimum_required(VERSION 3.25)

function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    string(REPLACE ";" " " command "${ARGV}")
    message(FATAL_ERROR "consumer_${KIND}: failed (${result}): ${command}")
  endif()
endfunction()

# A fresh start each run, so a stale prefix or cache never hides a packaging bug.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
cmake_host_system_information(RESULT jobs QUERY NUMBER_OF_LOGICAL_CORES)

set(configure_args
  -S "${CONSUMER_SOURCE_DIR}" -B "${WORK_DIR}/build"
  "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}"
  "-DCMAKE_CXX_FLAGS=${CMAKE_CXX_FLAGS}"
  "-DCMAKE_EXE_LINKER_FLAGS=${CMAKE_EXE_LINKER_FLAGS}"
  "-DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE}")

if(KIND STREQUAL "find_package")
  set(prefix "${WORK_DIR}/prefix")
  run(${CMAKE_COMMAND} --install "${CDKPP_BINARY_DIR}" --prefix "${prefix}" --config "${CMAKE_BUILD_TYPE}")
  # Only the installed package may be found: no package registry, no build tree.
  list(APPEND configure_args "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
else()
  # Built the way this build of cdkpp was: a vendoring project sets the option itself.
  list(APPEND configure_args "-DCDKPP_SOURCE_DIR=${CDKPP_SOURCE_DIR}"
    "-DCDKPP_STATIC_DEPENDENCIES=${CDKPP_STATIC_DEPENDENCIES}")
endif()

run(${CMAKE_COMMAND} ${configure_args})
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build" --parallel ${jobs})
run(${CMAKE_COMMAND} -E env "CDK_OUTDIR=${WORK_DIR}/cdk.out" "${WORK_DIR}/build/consumer")
if(NOT EXISTS "${WORK_DIR}/cdk.out/ConsumerStack.template.json")
  message(FATAL_ERROR "consumer_${KIND}: ${WORK_DIR}/cdk.out/ConsumerStack.template.json was not written")
endif()

# What the program loads when it starts, which cdkpp_synth_program() decides: with
# CDKPP_STATIC_DEPENDENCIES none of libcrypto, yaml-cpp and the C++ runtime (libc's
# libraries only); without it libcrypto and yaml-cpp, as shared libraries.
file(GET_RUNTIME_DEPENDENCIES EXECUTABLES "${WORK_DIR}/build/consumer" RESOLVED_DEPENDENCIES_VAR loaded)
set(loaded_names "")
foreach(library IN LISTS loaded)
  get_filename_component(name "${library}" NAME)
  string(REGEX REPLACE "\\.so.*$" "" name "${name}")
  list(APPEND loaded_names "${name}")
endforeach()
string(REPLACE ";" " " loaded_text "${loaded_names}")
if(CDKPP_STATIC_DEPENDENCIES)
  foreach(name libcrypto libyaml-cpp libstdc++ libgcc_s)
    if(name IN_LIST loaded_names)
      message(FATAL_ERROR "consumer_${KIND}: built with CDKPP_STATIC_DEPENDENCIES, the program still loads ${name} (it loads: ${loaded_text})")
    endif()
  endforeach()
else()
  foreach(name libcrypto libyaml-cpp)
    if(NOT name IN_LIST loaded_names)
      message(FATAL_ERROR "consumer_${KIND}: built without CDKPP_STATIC_DEPENDENCIES, the program does not load ${name} (it loads: ${loaded_text})")
    endif()
  endforeach()
endif()
message(STATUS "consumer_${KIND}: built, ran and wrote ConsumerStack.template.json; it loads ${loaded_text}")
