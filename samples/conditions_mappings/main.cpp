// Conditions, mappings, Fn::Sub and an exported output: one instance whose AMI comes
// from a per-region mapping and whose size depends on the environment type, plus a
// bucket that exists only in production.
#include <cdk/cdk.hpp>
#include <cdk/ec2/cfn_instance.hpp>
#include <cdk/s3/cfn_bucket.hpp>

int main(int argc, char** argv) {
  cdk::App app{argc, argv};
  auto& stack = app.add<cdk::Stack>("ConditionsMappings");

  auto& env_type = stack.add<cdk::CfnParameter>(
      "EnvType", {.type = "String",
                  .default_value = "dev",
                  .allowed_values = {"dev", "prod"},
                  .description = "Environment type; prod gets a larger instance and a backup bucket"});

  // Amazon Linux 2023 AMIs; a region missing here fails at deploy, not silently.
  auto& region_map = stack.add<cdk::CfnMapping>(
      "RegionMap", {.mapping = {
                        {"us-east-1", cdk::Map{{"Ami", "ami-0fff1b9a61dec8a5f"}}},
                        {"us-west-2", cdk::Map{{"Ami", "ami-0d081196e3df05f4d"}}},
                        {"eu-west-1", cdk::Map{{"Ami", "ami-0d64bb532e0502c46"}}},
                    }});

  auto& is_prod = stack.add<cdk::CfnCondition>(
      "IsProd", {.expression = cdk::Fn::condition_equals(env_type.ref(), "prod")});

  auto& instance = stack.add<cdk::ec2::CfnInstance>(
      "AppInstance", {
                         .image_id = region_map.find_in_map(cdk::Aws::region(), "Ami"),
                         .instance_type = cdk::Fn::condition_if(is_prod, "m5.large", "t3.micro"),
                         .tags = {{.key = "Name",
                                   .value = cdk::Fn::sub("${AWS::StackName}-app-${Env}", {{"Env", env_type.ref()}})}},
                     });

  auto& backup_bucket = stack.add<cdk::s3::CfnBucket>(
      "BackupBucket", {.versioning_configuration = {.status = "Enabled"}});
  backup_bucket.options().condition = &is_prod;

  stack.add<cdk::CfnOutput>("InstanceId", {
      .value = instance.ref(),
      .description = "The application instance",
      .export_name = cdk::Fn::sub("${AWS::StackName}-InstanceId"),
  });
  stack.add<cdk::CfnOutput>("BackupBucketName", {
      .value = backup_bucket.ref(),
      .condition = &is_prod,
      .description = "Bucket for production backups",
  });
  return app.synth_main();
}
