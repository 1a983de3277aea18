# Runs a sample and checks that each template is JSON-equal (same values, key order
# free) to what CDK synthesized for the same program in the shared reference folder.
# usage: cmake -DSAMPLE=<binary> -DREFERENCE_DIR=<dir> -DWORK_DIR=<dir> [-DDIFFERENCES=<json>]
#              -P check_reference.cmake
# DIFFERENCES (the sample's reference_differences.json) lists deliberate differences.
# The reference folder lives outside the repository; without it the check is skipped
# (the test's SKIP_REGULAR_EXPRESSION matches "SKIPPED:").
cmake_policy(VERSION 3.25)
foreach(var SAMPLE REFERENCE_DIR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_reference.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT IS_DIRECTORY ${REFERENCE_DIR})
  message("SKIPPED: CDK reference folder ${REFERENCE_DIR} is absent (set CDKPP_REFERENCE_DIR)")
  return()
endif()

include(${CMAKE_CURRENT_LIST_DIR}/run_sample.cmake)
run_sample("${SAMPLE}" "${WORK_DIR}" outdir)

# The comparison (and the sample's documented differences, if it has any) in Python:
# CMake's string(JSON) cannot walk two trees side by side.
set(differences "")
if(DEFINED DIFFERENCES AND EXISTS "${DIFFERENCES}")
  set(differences "${DIFFERENCES}")
endif()
execute_process(COMMAND python3 ${CMAKE_CURRENT_LIST_DIR}/compare_reference.py ${outdir} ${REFERENCE_DIR} ${differences}
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "templates differ from CDK's (see above)")
endif()
