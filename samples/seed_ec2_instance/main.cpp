// The classic single-instance seed template, written with the core elements: two
// parameters, an instance whose user data runs cfn-init, the cfn-init metadata, and an
// output of the instance's public DNS name.
#include <cdk/cdk.hpp>

int main(int argc, char** argv) {
  cdk::App app{argc, argv};
  auto& stack = app.add<cdk::Stack>("SeedEc2Instance");

  auto& user_key_name = stack.add<cdk::CfnParameter>(
      "UserKeyName", {.type = "String", .description = "Name of an existing EC2 KeyPair to enable SSH access to the instance"});
  auto& instance_type = stack.add<cdk::CfnParameter>(
      "InstanceType",
      {.type = "String", .allowed_values = {"t1.micro", "m1.small", "m1.medium"}, .description = "EC2 instance type"});

  auto& instance = stack.add<cdk::CfnResource>(
      "Ec2Instance",
      {.type = "AWS::EC2::Instance",
       .properties = {
           {"ImageId", "ami-75g0061f"},
           {"InstanceType", instance_type.ref()},
           {"KeyName", user_key_name.ref()},
           {"UserData", cdk::Fn::base64(cdk::Fn::join("", {
                            "#!/bin/bash -xe\n",
                            "yum update -y aws-cfn-bootstrap\n",
                            "yum install -y git\n",
                            "yum install -y php-pear\n",
                            "/opt/aws/bin/cfn-init -v ",
                            "         --stack ", cdk::Aws::stack_name(),
                            "         --resource Ec2Instance ",
                            "         --region ", cdk::Aws::region(), "\n",
                        }))},
       }});
  instance.options().metadata = {
      {"AWS::CloudFormation::Init",
       cdk::Map{{"config", cdk::Map{
                               {"packages", cdk::Map{{"yum", cdk::Map{{"git", cdk::List{}}}}}},
                               {"sources", cdk::Map{{"/home/ec2-user/app",
                                                     "https://github.com/aws-samples/eb-php-simple-app/tarball/master"}}},
                           }}}},
  };

  stack.add<cdk::CfnOutput>("InstancePublicDnsName", {
      .value = instance.get_att("PublicDnsName"),
      .description = "Public DNS name of the newly created EC2 instance",
  });
  return app.synth_main();
}
