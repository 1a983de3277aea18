# cdkpp ls on the multi_stage sample's assembly lists the stacks of both stage assemblies
# the way `cdk ls` does; a folder that is no assembly fails with exit code 2 and the code.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} -E env CDK_OUTDIR=${WORK_DIR}/cdk.out ${SAMPLE} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the multi_stage sample failed: ${rc}")
endif()

execute_process(COMMAND ${PROGRAM} ls ${WORK_DIR}/cdk.out RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(expected "Dev/Network (Dev-Network)\nDev/Compute (Dev-Compute)\nProd/Network (Prod-Network)\nProd/Compute (Prod-Compute)\n")
if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
  message(FATAL_ERROR "cdkpp ls: exit ${rc}, printed:\n${out}${err}\nexpected:\n${expected}")
endif()

execute_process(COMMAND ${PROGRAM} ls --json ${WORK_DIR}/cdk.out RESULT_VARIABLE rc OUTPUT_VARIABLE out)
string(JSON count LENGTH "${out}")
string(JSON artifact GET "${out}" 3 id)
string(JSON resources GET "${out}" 0 resources)
if(NOT rc EQUAL 0 OR NOT count EQUAL 4 OR NOT artifact STREQUAL "ProdComputeE5A8C520" OR resources LESS 20)
  message(FATAL_ERROR "cdkpp ls --json: exit ${rc}, printed:\n${out}")
endif()

execute_process(COMMAND ${PROGRAM} ls ${WORK_DIR} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "\\[cdk.assembly.Invalid\\] .*: not a cloud assembly: there is no manifest.json")
  message(FATAL_ERROR "cdkpp ls on a folder without manifest: exit ${rc}, printed:\n${out}${err}")
endif()

execute_process(COMMAND ${PROGRAM} ls RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "usage: cdkpp ls")
  message(FATAL_ERROR "cdkpp ls without arguments: exit ${rc}, printed:\n${out}${err}")
endif()
