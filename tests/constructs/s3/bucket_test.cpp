// s3::Bucket: safe defaults, CDK's props, grants and its bucket policy for TLS-only
// access (expected values from aws-cdk-lib; differences are the documented defaults).
#include <doctest/doctest.h>

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <cdk/iam.hpp>
#include <cdk/s3.hpp>

using cdk::assertions::Template;
namespace Match = cdk::assertions::Match;
namespace iam = cdk::iam;
namespace s3 = cdk::s3;
using namespace std::chrono_literals;

namespace {
cdk::Value get_att(const char* id, const char* attribute) { return cdk::Map{{"Fn::GetAtt", cdk::List{id, attribute}}}; }
cdk::Value join(cdk::List parts) { return cdk::Map{{"Fn::Join", cdk::List{"", cdk::Value{std::move(parts)}}}}; }
const cdk::Value kBpaAll = cdk::Map{{"BlockPublicAcls", true},
                                    {"BlockPublicPolicy", true},
                                    {"IgnorePublicAcls", true},
                                    {"RestrictPublicBuckets", true}};
const cdk::Value kSse = cdk::Map{
    {"ServerSideEncryptionConfiguration", cdk::List{cdk::Map{{"ServerSideEncryptionByDefault", cdk::Map{{"SSEAlgorithm", "AES256"}}}}}}};
}  // namespace

TEST_CASE("a default bucket: retained, public access blocked, SSE-S3, TLS only") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<s3::Bucket>("Safe");
  auto t = Template::from_stack(stack);
  t.has_resource("AWS::S3::Bucket",
                 Match::object_equals({{"Type", "AWS::S3::Bucket"},
                                       {"Properties", cdk::Map{{"BucketEncryption", kSse}, {"PublicAccessBlockConfiguration", kBpaAll}}},
                                       {"UpdateReplacePolicy", "Retain"},
                                       {"DeletionPolicy", "Retain"}}));
  // CDK's enforceSSL statement, value for value.
  t.has_resource("AWS::S3::BucketPolicy",
                 Match::object_equals(
                     {{"Type", "AWS::S3::BucketPolicy"},
                      {"Properties",
                       cdk::Map{{"Bucket", cdk::Map{{"Ref", "Safe26AEA426"}}},
                                {"PolicyDocument",
                                 cdk::Map{{"Statement",
                                           cdk::List{cdk::Map{
                                               {"Action", "s3:*"},
                                               {"Condition", cdk::Map{{"Bool", cdk::Map{{"aws:SecureTransport", "false"}}}}},
                                               {"Effect", "Deny"},
                                               {"Principal", cdk::Map{{"AWS", "*"}}},
                                               {"Resource", cdk::List{get_att("Safe26AEA426", "Arn"),
                                                                      join({get_att("Safe26AEA426", "Arn"), "/*"})}}}}},
                                          {"Version", "2012-10-17"}}}}}}));
  CHECK(t.find_resources("AWS::S3::BucketPolicy")[0].first == "SafePolicyE87ACAB0");
}

TEST_CASE("CDK's props: name, versioning, lifecycle rules, removal policy") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<s3::Bucket>("Safe", {
      .bucket_name = "my-bucket",
      .enforce_ssl = false,
      .versioned = true,
      .removal_policy = cdk::RemovalPolicy::Destroy,
      .lifecycle_rules = {{.expiration = std::chrono::days{30}},
                          {.id = "x",
                           .prefix = "logs/",
                           .abort_incomplete_multipart_upload_after = std::chrono::days{1},
                           .noncurrent_version_expiration = std::chrono::days{7}},
                          {.transitions = {{.storage_class = s3::StorageClass::Glacier, .transition_after = std::chrono::days{90}}}}},
  });
  auto t = Template::from_stack(stack);
  t.resource_count_is("AWS::S3::BucketPolicy", 0);
  t.has_resource(
      "AWS::S3::Bucket",
      Match::object_equals(
          {{"Type", "AWS::S3::Bucket"},
           {"Properties",
            cdk::Map{{"BucketEncryption", kSse},
                     {"BucketName", "my-bucket"},
                     {"LifecycleConfiguration",
                      cdk::Map{{"Rules",
                                cdk::List{cdk::Map{{"ExpirationInDays", 30}, {"Status", "Enabled"}},
                                          cdk::Map{{"AbortIncompleteMultipartUpload", cdk::Map{{"DaysAfterInitiation", 1}}},
                                                   {"Id", "x"},
                                                   {"NoncurrentVersionExpiration", cdk::Map{{"NoncurrentDays", 7}}},
                                                   {"Prefix", "logs/"},
                                                   {"Status", "Enabled"}},
                                          cdk::Map{{"Status", "Enabled"},
                                                   {"Transitions", cdk::List{cdk::Map{{"StorageClass", "GLACIER"},
                                                                                      {"TransitionInDays", 90}}}}}}}}},
                     {"PublicAccessBlockConfiguration", kBpaAll},
                     {"VersioningConfiguration", cdk::Map{{"Status", "Enabled"}}}}},
           {"UpdateReplacePolicy", "Delete"},
           {"DeletionPolicy", "Delete"}}));
}

TEST_CASE("opting out of the safe defaults") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<s3::Bucket>("Open", {.encryption = s3::BucketEncryption::Unencrypted,
                                 .block_public_access = s3::BlockPublicAccess::off(),
                                 .enforce_ssl = false});
  auto t = Template::from_stack(stack);
  t.has_resource_properties("AWS::S3::Bucket",
                            Match::object_equals({{"PublicAccessBlockConfiguration",
                                                   cdk::Map{{"BlockPublicAcls", false},
                                                            {"BlockPublicPolicy", false},
                                                            {"IgnorePublicAcls", false},
                                                            {"RestrictPublicBuckets", false}}}}));
  t.resource_count_is("AWS::S3::BucketPolicy", 0);
}

TEST_CASE("KMS-managed encryption uses the aws/s3 key") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  stack.add<s3::Bucket>("B", {.encryption = s3::BucketEncryption::KmsManaged});
  Template::from_stack(stack).has_resource_properties(
      "AWS::S3::Bucket",
      {{"BucketEncryption",
        cdk::Map{{"ServerSideEncryptionConfiguration",
                  cdk::List{cdk::Map{{"ServerSideEncryptionByDefault", cdk::Map{{"SSEAlgorithm", "aws:kms"}}}}}}}}});
}

TEST_CASE("grants: CDK's actions on the bucket and its objects") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& role = stack.add<iam::Role>("R", {.assumed_by = iam::ServicePrincipal{"ec2.amazonaws.com"}});
  auto& plain = stack.add<s3::Bucket>("Plain");
  auto& safe = stack.add<s3::Bucket>("Safe");
  plain.grant_read(role);
  safe.grant_write(role);
  safe.grant_read_write(role, "prefix/*");
  auto& imported = s3::Bucket::from_bucket_name(stack, "Imp", "other-bucket");
  imported.grant_read(role);
  safe.grant_put(role);
  safe.grant_delete(role);

  const cdk::List write_actions{"s3:DeleteObject*",    "s3:PutObject",          "s3:PutObjectLegalHold",
                                "s3:PutObjectRetention", "s3:PutObjectTagging", "s3:PutObjectVersionTagging",
                                "s3:Abort*"};
  const cdk::List read_write{"s3:GetObject*",         "s3:GetBucket*",       "s3:List*",
                             "s3:DeleteObject*",      "s3:PutObject",        "s3:PutObjectLegalHold",
                             "s3:PutObjectRetention", "s3:PutObjectTagging", "s3:PutObjectVersionTagging",
                             "s3:Abort*"};
  auto plain_arn = get_att("Plain295EB121", "Arn");
  auto safe_arn = get_att("Safe26AEA426", "Arn");
  auto imported_arn = join({"arn:", cdk::Map{{"Ref", "AWS::Partition"}}, ":s3:::other-bucket"});
  Template::from_stack(stack).has_resource_properties(
      "AWS::IAM::Policy",
      {{"PolicyDocument",
        cdk::Map{{"Statement",
                  cdk::List{
                      cdk::Map{{"Action", cdk::List{"s3:GetObject*", "s3:GetBucket*", "s3:List*"}},
                               {"Effect", "Allow"},
                               {"Resource", cdk::List{plain_arn, join({plain_arn, "/*"})}}},
                      cdk::Map{{"Action", write_actions}, {"Effect", "Allow"}, {"Resource", cdk::List{safe_arn, join({safe_arn, "/*"})}}},
                      cdk::Map{{"Action", read_write},
                               {"Effect", "Allow"},
                               {"Resource", cdk::List{safe_arn, join({safe_arn, "/prefix/*"})}}},
                      cdk::Map{{"Action", cdk::List{"s3:GetObject*", "s3:GetBucket*", "s3:List*"}},
                               {"Effect", "Allow"},
                               {"Resource", cdk::List{imported_arn, join({"arn:", cdk::Map{{"Ref", "AWS::Partition"}},
                                                                          ":s3:::other-bucket/*"})}}},
                      cdk::Map{{"Action", cdk::List{"s3:PutObject", "s3:PutObjectLegalHold", "s3:PutObjectRetention",
                                                    "s3:PutObjectTagging", "s3:PutObjectVersionTagging", "s3:Abort*"}},
                               {"Effect", "Allow"},
                               {"Resource", cdk::List{safe_arn, join({safe_arn, "/*"})}}},
                      cdk::Map{{"Action", "s3:DeleteObject*"},
                               {"Effect", "Allow"},
                               {"Resource", cdk::List{safe_arn, join({safe_arn, "/*"})}}}}},
                 {"Version", "2012-10-17"}}}});
}

TEST_CASE("attributes: arn, name, arn_for_objects") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& safe = stack.add<s3::Bucket>("Safe");
  stack.add<cdk::CfnOutput>("Arn", {.value = safe.arn_for_objects("a/*")});
  stack.add<cdk::CfnOutput>("Name", {.value = safe.bucket_name()});
  stack.add<cdk::CfnOutput>("BArn", {.value = safe.bucket_arn()});
  auto t = Template::from_stack(stack);
  t.has_output("Arn", {{"Value", join({get_att("Safe26AEA426", "Arn"), "/a/*"})}});
  t.has_output("Name", {{"Value", cdk::Map{{"Ref", "Safe26AEA426"}}}});
  t.has_output("BArn", {{"Value", get_att("Safe26AEA426", "Arn")}});
  CHECK(safe.s3_url_for_object("k/x") == "s3://" + safe.bucket_name() + "/k/x");
  CHECK(safe.url_for_object("k") ==
        "https://s3." + cdk::Aws::region() + "." + cdk::Aws::url_suffix() + "/" + safe.bucket_name() + "/k");
}

TEST_CASE("bad bucket names and lifecycle rules are errors with the construct path") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  try {
    stack.add<s3::Bucket>("B", {.bucket_name = "Bad_Name"});
    FAIL("expected an error");
  } catch (const cdk::Error& e) {
    CHECK(e.code() == "cdk.s3.InvalidBucketName");
    CHECK(e.path() == "S/B");
    CHECK(std::string{e.what()} ==
          "[cdk.s3.InvalidBucketName] S/B: Invalid S3 bucket name (value: Bad_Name)\n"
          "Bucket name must only contain lowercase characters and the symbols, period (.) and dash (-)\n"
          "Bucket name must start and end with a lowercase character or number");
  }
  CHECK_THROWS_WITH_AS(stack.add<s3::Bucket>("C", {.bucket_name = "ab"}),
                       doctest::Contains("Bucket name must be at least 3 and no more than 63 characters"), cdk::Error);
  CHECK_THROWS_WITH_AS(stack.add<s3::Bucket>("D", {.bucket_name = "192.168.5.4"}),
                       doctest::Contains("must not resemble an IP address"), cdk::Error);
  CHECK_THROWS_WITH_AS(stack.add<s3::Bucket>("E", {.bucket_name = "a..b"}), doctest::Contains("consecutive periods"),
                       cdk::Error);
  try {
    stack.add<s3::Bucket>("F", {.lifecycle_rules = {{.id = "nothing"}}});
    FAIL("expected an error");
  } catch (const cdk::Error& e) {
    CHECK(e.code() == "cdk.s3.InvalidLifecycleRule");
    CHECK(e.path() == "S/F");
  }
}

TEST_CASE("a bucket policy statement needs a principal") {
  cdk::App app;
  auto& stack = app.add<cdk::Stack>("S");
  auto& bucket = stack.add<s3::Bucket>("B");
  try {
    bucket.add_to_resource_policy(iam::PolicyStatement{{.actions = {"s3:GetObject"}, .resources = {bucket.arn_for_objects("*")}}});
    FAIL("expected an error");
  } catch (const cdk::Error& e) {
    CHECK(e.code() == "cdk.iam.InvalidStatement");
    CHECK(e.path() == "S/B/Policy");
    CHECK(std::string{e.what()}.find("must specify at least one IAM principal") != std::string::npos);
  }
  CHECK_FALSE(s3::Bucket::from_bucket_name(stack, "I", "x-y").add_to_resource_policy(
      iam::PolicyStatement{{.actions = {"s3:GetObject"}, .principals = {iam::AnyPrincipal{}}, .resources = {"*"}}}));
}
