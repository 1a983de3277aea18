# Runs a sample into a fresh CDK_OUTDIR and byte-compares every template it writes with
# the sample's committed expected/ folder (no template missing, none extra; those of
# stages in expected/assembly-<stage>/ as in the assembly).
# usage: cmake -DSAMPLE=<binary> -DEXPECTED_DIR=<dir> -DWORK_DIR=<dir> -P check_expected.cmake
# A CMake script, not a shell script, so this core check needs nothing but CMake.
cmake_policy(VERSION 3.25)
foreach(var SAMPLE EXPECTED_DIR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_expected.cmake: -D${var}=... is required")
  endif()
endforeach()

include(${CMAKE_CURRENT_LIST_DIR}/run_sample.cmake)
run_sample("${SAMPLE}" "${WORK_DIR}" outdir)

# Recursive: the templates of a stage are in its nested assembly (assembly-<stage>/).
file(GLOB_RECURSE expected RELATIVE ${EXPECTED_DIR} ${EXPECTED_DIR}/*.template.json ${EXPECTED_DIR}/*.template.yaml)
file(GLOB_RECURSE actual RELATIVE ${outdir} ${outdir}/*.template.json ${outdir}/*.template.yaml)
if(NOT expected)
  message(FATAL_ERROR "no expected templates in ${EXPECTED_DIR}")
endif()

set(failures "")
foreach(name IN LISTS actual)
  if(NOT name IN_LIST expected)
    string(APPEND failures "  ${name}: written by the sample but not in ${EXPECTED_DIR}\n")
  endif()
endforeach()
foreach(name IN LISTS expected)
  if(NOT EXISTS ${outdir}/${name})
    string(APPEND failures "  ${name}: expected but not written by the sample\n")
    continue()
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${EXPECTED_DIR}/${name} ${outdir}/${name}
                  RESULT_VARIABLE differs)
  if(differs)
    string(APPEND failures "  ${name}: differs from ${EXPECTED_DIR}/${name}\n")
    # Show the difference when diff is at hand; the comparison itself needs only CMake.
    find_program(DIFF diff)
    if(DIFF)
      execute_process(COMMAND ${DIFF} -u ${EXPECTED_DIR}/${name} ${outdir}/${name})
    endif()
  else()
    message(STATUS "${name}: identical to expected/")
  endif()
endforeach()
if(failures)
  message(FATAL_ERROR "templates do not match expected/:\n${failures}")
endif()
