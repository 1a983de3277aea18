// The classic single-instance seed template, written with the typed classes: two
// parameters, an instance whose user data runs cfn-init, the cfn-init metadata, and an
// output of the instance's public DNS name.
#include <cdk/cdk.hpp>
#include <cdk/ec2/cfn_instance.hpp>

int main(int argc, char** argv) {
  cdk::App app{argc, argv};
  auto& stack = app.add<cdk::Stack>("SeedEc2Instance");

  auto& user_key_name = stack.add<cdk::CfnParameter>(
      "UserKeyName", {.type = "String", .description = "Name of an existing EC2 KeyPair to enable SSH access to the instance"});
  auto& instance_type = stack.add<cdk::CfnParameter>(
      "InstanceType",
      {.type = "String", .allowed_values = {"t1.micro", "m1.small", "m1.medium"}, .description = "EC2 instance type"});

  auto& instance = stack.add<cdk::ec2::CfnInstance>(
      "Ec2Instance", {
                         .image_id = "ami-75g0061f",
                         .instance_type = instance_type.ref(),
                         .key_name = user_key_name.ref(),
                         .user_data = cdk::Fn::base64(cdk::Fn::join("", {
                             "#!/bin/bash -xe\n",
                             "yum update -y aws-cfn-bootstrap\n",
                             "yum install -y git\n",
                             "yum install -y php-pear\n",
                             "/opt/aws/bin/cfn-init -v ",
                             "         --stack ", cdk::Aws::stack_name(),
                             "         --resource Ec2Instance ",
                             "         --region ", cdk::Aws::region(), "\n",
                         })),
                     });
  instance.options().metadata = {
      {"AWS::CloudFormation::Init",
       cdk::Map{{"config", cdk::Map{
                               {"packages", cdk::Map{{"yum", cdk::Map{{"git", cdk::List{}}}}}},
                               {"sources", cdk::Map{{"/home/ec2-user/app",
                                                     "https://github.com/aws-samples/eb-php-simple-app/tarball/master"}}},
                           }}}},
  };

  stack.add<cdk::CfnOutput>("InstancePublicDnsName", {
      .value = instance.attr_public_dns_name(),
      .description = "Public DNS name of the newly created EC2 instance",
  });
  return app.synth_main();
}
