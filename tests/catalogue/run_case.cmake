# One case of the bad-input catalogue: over an earlier good assembly, the case's program
# must exit 1, print exactly its expected error line first, and leave the assembly (and
# the folder around it) as it was.
#   cmake -DPROGRAM=... -DCASE=... -DWORK_DIR=... -P run_case.cmake
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

execute_process(COMMAND ${CMAKE_COMMAND} -E env CDK_OUTDIR=cdk.out ${PROGRAM} good
  WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the good program failed (${rc}): ${err}")
endif()

function(snapshot out_var)
  file(GLOB_RECURSE files LIST_DIRECTORIES true RELATIVE ${WORK_DIR} ${WORK_DIR}/*)
  list(SORT files)
  set(state "")
  foreach(f IN LISTS files)
    if(IS_DIRECTORY ${WORK_DIR}/${f})
      string(APPEND state "${f}/\n")
    else()
      file(SHA256 ${WORK_DIR}/${f} hash)
      string(APPEND state "${f} ${hash}\n")
    endif()
  endforeach()
  set(${out_var} "${state}" PARENT_SCOPE)
endfunction()
snapshot(before)

execute_process(COMMAND ${PROGRAM} --expected ${CASE} OUTPUT_VARIABLE expected RESULT_VARIABLE rc
  OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0 OR expected STREQUAL "")
  message(FATAL_ERROR "case '${CASE}' has no expected error line")
endif()

execute_process(COMMAND ${CMAKE_COMMAND} -E env CDK_OUTDIR=cdk.out ${PROGRAM} ${CASE}
  WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX MATCH "^[^\n]*" first_line "${err}")
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "case '${CASE}': exit code ${rc}, expected 1\nstderr:\n${err}")
endif()
if(NOT first_line STREQUAL "error: ${expected}")
  message(FATAL_ERROR "case '${CASE}': printed\n  ${first_line}\nexpected\n  error: ${expected}")
endif()

snapshot(after)
if(NOT before STREQUAL after)
  message(FATAL_ERROR "case '${CASE}' changed the folder of the earlier assembly:\nbefore:\n${before}after:\n${after}")
endif()
