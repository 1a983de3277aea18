// Reproduces a hand-written template byte for byte (expected/ holds the template as it
// was written, before this program existed). LegacyStackSynthesizer adds nothing to the
// template: no BootstrapVersion parameter, no CheckBootstrapVersion rule.
#include <cdk/cdk.hpp>
#include <cdk/s3/cfn_bucket.hpp>

int main(int argc, char** argv) {
  cdk::App app{argc, argv};
  auto& stack = app.add<cdk::Stack>("LegacyTemplate", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  stack.template_options().template_format_version = "2010-09-09";
  stack.template_options().description = "A versioned S3 bucket for build artifacts whose old versions expire";

  auto& bucket_prefix = stack.add<cdk::CfnParameter>(
      "BucketPrefix", {.type = "String",
                       .default_value = "artifacts",
                       .allowed_pattern = "[a-z][a-z0-9-]*",
                       .constraint_description = "lower-case letters, digits and hyphens, starting with a letter",
                       .description = "First part of the bucket name; the account and region follow it",
                       .max_length = 20,
                       .min_length = 3});
  auto& retention_days = stack.add<cdk::CfnParameter>(
      "RetentionDays", {.type = "Number",
                        .default_value = 30,
                        .description = "Days to keep a version after a newer one replaces it",
                        .max_value = 365,
                        .min_value = 1});

  auto& bucket = stack.add<cdk::s3::CfnBucket>(
      "ArtifactBucket",
      {
          // Fn::Sub names the parameter in its string; the Ref of bucket_prefix.ref() in a
          // join would be equivalent but is not what the hand-written template says.
          .bucket_name = cdk::Fn::sub("${BucketPrefix}-${AWS::AccountId}-${AWS::Region}"),
          .lifecycle_configuration = {.rules = {{
                                          .id = "ExpireOldVersions",
                                          .noncurrent_version_expiration = {.noncurrent_days = retention_days.ref()},
                                          .status = "Enabled",
                                      }}},
          .versioning_configuration = {.status = "Enabled"},
      });
  // Keep the artifacts when the stack is deleted or the bucket replaced.
  bucket.options().update_replace_policy = cdk::CfnDeletionPolicy::Retain;
  bucket.options().deletion_policy = cdk::CfnDeletionPolicy::Retain;
  (void)bucket_prefix;

  stack.add<cdk::CfnOutput>("BucketName", {.value = bucket.ref(), .description = "Name of the artifact bucket"});
  stack.add<cdk::CfnOutput>("BucketArn",
                            {.value = bucket.get_att("Arn"), .description = "ARN of the artifact bucket, for IAM policies"});
  return app.synth_main();
}
