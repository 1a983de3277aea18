# cdkpp diff on two cloud assemblies of the multi_stage sample: the same assembly twice is
# exit 0; a copy whose Dev network has another VPC CIDR is exit 1 and --json says the VPC
# is replaced; bad input is exit 2 with the error's code.
string(ASCII 27 escape)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} -E env CDK_OUTDIR=${WORK_DIR}/old ${SAMPLE} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the multi_stage sample failed: ${rc}")
endif()
file(COPY ${WORK_DIR}/old/ DESTINATION ${WORK_DIR}/new)
set(network ${WORK_DIR}/new/assembly-Dev/DevNetwork50E7350E.template.json)
file(READ ${network} text)
string(REPLACE "\"CidrBlock\": \"10.0.0.0/16\"" "\"CidrBlock\": \"10.5.0.0/16\"" modified_text "${text}")
if(modified_text STREQUAL text)
  message(FATAL_ERROR "the Dev network template has no CidrBlock 10.0.0.0/16 to change")
endif()
file(WRITE ${network} "${modified_text}")

execute_process(COMMAND ${PROGRAM} diff ${WORK_DIR}/old ${WORK_DIR}/old RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "Stack Dev/Network \\(Dev-Network\\)\nThere were no differences\n"
   OR NOT out MATCHES "Number of stacks with differences: 0\n$")
  message(FATAL_ERROR "cdkpp diff of an assembly with itself: exit ${rc}, printed:\n${out}${err}")
endif()

execute_process(COMMAND ${PROGRAM} diff ${WORK_DIR}/old ${WORK_DIR}/new RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT out MATCHES "\\[~\\] AWS::EC2::VPC Vpc8378EB38 replace\n"
   OR NOT out MATCHES "CidrBlock \\(requires replacement: createOnly /properties/CidrBlock\\)"
   OR NOT out MATCHES "Number of stacks with differences: 1\n$" OR out MATCHES "${escape}")
  message(FATAL_ERROR "cdkpp diff of a changed assembly: exit ${rc}, printed:\n${out}${err}")
endif()

execute_process(COMMAND ${PROGRAM} diff --json ${WORK_DIR}/old ${WORK_DIR}/new RESULT_VARIABLE rc OUTPUT_VARIABLE out)
string(JSON schema GET "${out}" schema)
string(JSON stacks LENGTH "${out}" stacks)
string(JSON first_id GET "${out}" stacks 0 id)
string(JSON first_status GET "${out}" stacks 0 status)
string(JSON second_status GET "${out}" stacks 1 status)
string(JSON vpc_id GET "${out}" stacks 0 resources 0 logicalId)
string(JSON vpc_impact GET "${out}" stacks 0 resources 0 impact)
string(JSON cidr_impact GET "${out}" stacks 0 resources 0 properties 0 impact)
string(JSON cidr_new GET "${out}" stacks 0 resources 0 properties 0 new)
if(NOT rc EQUAL 1 OR NOT schema STREQUAL "cdkpp-diff/1" OR NOT stacks EQUAL 4 OR NOT first_id STREQUAL "DevNetwork50E7350E"
   OR NOT first_status STREQUAL "changed" OR NOT second_status STREQUAL "unchanged" OR NOT vpc_id STREQUAL "Vpc8378EB38"
   OR NOT vpc_impact STREQUAL "replace" OR NOT cidr_impact STREQUAL "replace" OR NOT cidr_new STREQUAL "10.5.0.0/16")
  message(FATAL_ERROR "cdkpp diff --json: exit ${rc}, printed:\n${out}")
endif()

execute_process(COMMAND ${PROGRAM} diff --quiet --stack Dev/Compute ${WORK_DIR}/old ${WORK_DIR}/new RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out STREQUAL "\nNumber of stacks with differences: 0\n")
  message(FATAL_ERROR "cdkpp diff --quiet --stack Dev/Compute: exit ${rc}, printed:\n${out}")
endif()

execute_process(COMMAND ${PROGRAM} diff --stack Nope ${WORK_DIR}/old ${WORK_DIR}/new RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "\\[cdk.diff.UnknownStack\\] Nope: ")
  message(FATAL_ERROR "cdkpp diff --stack Nope: exit ${rc}, printed:\n${out}${err}")
endif()
execute_process(COMMAND ${PROGRAM} diff ${WORK_DIR}/old ${WORK_DIR}/missing RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "\\[cdk.template.ReadError\\]")
  message(FATAL_ERROR "cdkpp diff of a missing folder: exit ${rc}, printed:\n${out}${err}")
endif()
execute_process(COMMAND ${PROGRAM} diff ${WORK_DIR}/old RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "usage: cdkpp diff")
  message(FATAL_ERROR "cdkpp diff with one argument: exit ${rc}, printed:\n${out}${err}")
endif()
