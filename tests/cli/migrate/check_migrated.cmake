# Runs a program that `cdkpp migrate` wrote and checks that the template it synthesizes
# is JSON-equal to the one it was migrated from.
# usage: cmake -DPROGRAM=<binary> -DTEMPLATE=<input> -DSTACK=<stack id> -DEQUAL=<template_equal>
#              -DWORK_DIR=<dir> -P check_migrated.cmake
cmake_policy(VERSION 3.25)
foreach(var PROGRAM TEMPLATE STACK EQUAL WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_migrated.cmake: -D${var}=... is required")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND ${CMAKE_COMMAND} -E env "CDK_OUTDIR=${WORK_DIR}/cdk.out" "${PROGRAM}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} failed (${status})")
endif()
execute_process(COMMAND "${EQUAL}" "${TEMPLATE}" "${WORK_DIR}/cdk.out/${STACK}.template.json" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the migrated program's template differs from ${TEMPLATE} (see above)")
endif()
