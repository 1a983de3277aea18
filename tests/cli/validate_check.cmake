# cdkpp validate: a sample's assembly is valid (exit 0); a template with schema problems
# prints one line per problem with code and logical id (exit 1); a malformed template is
# a finding (exit 1); a missing file is a failure (exit 2).
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} -E env CDK_OUTDIR=${WORK_DIR}/cdk.out ${SAMPLE} RESULT_VARIABLE rc)
execute_process(COMMAND ${PROGRAM} validate ${WORK_DIR}/cdk.out RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX MATCHALL ": valid\n" valid "${out}")
list(LENGTH valid count)
if(NOT rc EQUAL 0 OR NOT count EQUAL 4)
  message(FATAL_ERROR "validate of the multi_stage assembly: exit ${rc}\n${out}${err}")
endif()

file(WRITE ${WORK_DIR}/bad.yaml "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n      InstanceTenancy: shared\n  Subnet:\n    Type: AWS::EC2::Subnet\n    Properties:\n      CidrBlock: 10.0.0.0/24\n      Colour: blue\n")
execute_process(COMMAND ${PROGRAM} validate ${WORK_DIR}/bad.yaml RESULT_VARIABLE rc OUTPUT_VARIABLE out)
set(expected "${WORK_DIR}/bad.yaml: [cdk.schema.EnumValue] Vpc: AWS::EC2::VPC Properties.InstanceTenancy: 'shared' is not one of dedicated, default, host
${WORK_DIR}/bad.yaml: [cdk.schema.RequiredProperty] Subnet: AWS::EC2::Subnet Properties: required property 'VpcId' is missing
${WORK_DIR}/bad.yaml: [cdk.schema.UnknownProperty] Subnet: AWS::EC2::Subnet Properties: unknown property 'Colour'
")
if(NOT rc EQUAL 1 OR NOT out STREQUAL expected)
  message(FATAL_ERROR "validate of a template with schema problems: exit ${rc}\n${out}\nexpected\n${expected}")
endif()

file(WRITE ${WORK_DIR}/malformed.yaml "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Foo bar\n")
execute_process(COMMAND ${PROGRAM} validate ${WORK_DIR}/malformed.yaml RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 1 OR NOT out MATCHES "^${WORK_DIR}/malformed.yaml: \\[cdk.template.")
  message(FATAL_ERROR "validate of a malformed template: exit ${rc}\n${out}")
endif()

execute_process(COMMAND ${PROGRAM} validate ${WORK_DIR}/missing.json RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "\\[cdk.template.ReadError\\]")
  message(FATAL_ERROR "validate of a missing file: exit ${rc}\n${err}")
endif()
