// The Active Directory seed template: its substance is three parameters. CloudFormation
// rejects a template without resources, so a WaitConditionHandle stands in, as in the
// CDK program of reference/seed-ad-params.
#include <cdk/cdk.hpp>
#include <cdk/cloudformation/cfn_wait_condition_handle.hpp>

int main(int argc, char** argv) {
  cdk::App app{argc, argv};
  auto& stack = app.add<cdk::Stack>("SeedAdParams");

  const std::vector<std::string> instance_types{"m4.large", "m4.xlarge", "m4.2xlarge", "m4.4xlarge"};

  stack.add<cdk::CfnParameter>(
      "KeyPairName",
      {.type = "AWS::EC2::KeyPair::KeyName",
       .description = "Public/private key pairs allow you to securely connect to your instance after it launches"});
  stack.add<cdk::CfnParameter>(
      "ADInstanceType",
      {.type = "String",
       .default_value = "m4.xlarge",
       .allowed_values = instance_types,
       .description = "Amazon EC2 instance type for the first Active Directory Instance"});
  stack.add<cdk::CfnParameter>(
      "AD2InstanceType",
      {.type = "String",
       .default_value = "m4.xlarge",
       .allowed_values = instance_types,
       .description = "Amazon EC2 instance type for the second Active Directory Instance"});

  stack.add<cdk::cloudformation::CfnWaitConditionHandle>("Placeholder");
  return app.synth_main();
}
