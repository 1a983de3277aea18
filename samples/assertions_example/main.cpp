// How to unit-test infrastructure with cdk::assertions: a small construct and stack, and
// doctest cases that check the template they synthesize. Runs in milliseconds; no AWS
// account needed.
//
//   assertions_example                           run the tests
//   CDKPP_UPDATE_SNAPSHOTS=1 assertions_example  accept template changes into snapshots/
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cdk/assertions.hpp>
#include <cdk/assertions/doctest.hpp>  // CDKPP_CHECK: failures print the closest resources
#include <cdk/cdk.hpp>
#include <string>

#ifndef CDKPP_SNAPSHOT_DIR
#define CDKPP_SNAPSHOT_DIR "snapshots"
#endif

using cdk::assertions::Annotations;
using cdk::assertions::Capture;
using cdk::assertions::Template;
namespace Match = cdk::assertions::Match;

// ---- The infrastructure under test ------------------------------------------------------

/// A bucket for access logs: encrypted, private, expiring after `retention_days`.
class LogBucket : public cdk::Construct {
 public:
  struct Props {
    int retention_days = 90;
    bool versioned = false;
  };

  LogBucket(cdk::Construct& scope, std::string_view id, Props props) : cdk::Construct(scope, id) {
    cdk::Map properties{
        {"BucketEncryption",
         cdk::Map{{"ServerSideEncryptionConfiguration",
                   cdk::List{cdk::Map{{"ServerSideEncryptionByDefault", cdk::Map{{"SSEAlgorithm", "AES256"}}}}}}}},
        {"PublicAccessBlockConfiguration", cdk::Map{{"BlockPublicAcls", true},
                                                    {"BlockPublicPolicy", true},
                                                    {"IgnorePublicAcls", true},
                                                    {"RestrictPublicBuckets", true}}},
        {"LifecycleConfiguration",
         cdk::Map{{"Rules", cdk::List{cdk::Map{{"Id", "expire"}, {"Status", "Enabled"}, {"ExpirationInDays", props.retention_days}}}}}},
    };
    if (props.versioned) properties.emplace_back("VersioningConfiguration", cdk::Map{{"Status", "Enabled"}});
    bucket_ = &add<cdk::CfnResource>("Resource", {.type = "AWS::S3::Bucket", .properties = std::move(properties)});
    if (props.retention_days < 30)
      cdk::Annotations::of(*this).add_warning("logs kept less than 30 days may not satisfy audits");
  }

  cdk::Value bucket_name() const { return bucket_->ref(); }
  cdk::Value arn() const { return bucket_->get_att("Arn"); }

 private:
  cdk::CfnResource* bucket_;
};

/// A queue whose messages are archived into a log bucket.
cdk::Stack& make_stack(cdk::App& app, int retention_days) {
  auto& stack = app.add<cdk::Stack>("AuditStack", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& env = stack.add<cdk::CfnParameter>("Env", {.type = "String", .allowed_values = {"dev", "prod"}});
  auto& logs = stack.add<LogBucket>("Logs", {.retention_days = retention_days, .versioned = true});
  stack.add<cdk::CfnResource>("Queue", {.type = "AWS::SQS::Queue",
                                        .properties = {{"QueueName", env.ref() + "-audit"},
                                                       {"Tags", cdk::List{cdk::Map{{"Key", "archive"}, {"Value", logs.arn()}},
                                                                          cdk::Map{{"Key", "team"}, {"Value", "security"}}}}}});
  stack.add<cdk::CfnOutput>("LogBucketName", {.value = logs.bucket_name(), .export_name = cdk::Value{"audit-logs"}});
  return stack;
}

// ---- The tests ----------------------------------------------------------------------------

TEST_CASE("the log bucket is encrypted, private and versioned") {
  cdk::App app;
  auto t = Template::from_stack(make_stack(app, 90));

  t.resource_count_is("AWS::S3::Bucket", 1);
  // A literal map matches partially: only the keys written here are checked.
  t.has_resource_properties("AWS::S3::Bucket", {
      {"VersioningConfiguration", cdk::Map{{"Status", "Enabled"}}},
      {"PublicAccessBlockConfiguration", Match::object_equals({{"BlockPublicAcls", true},
                                                               {"BlockPublicPolicy", true},
                                                               {"IgnorePublicAcls", true},
                                                               {"RestrictPublicBuckets", true}})},
      {"BucketEncryption", Match::any_value()},
      {"WebsiteConfiguration", Match::absent()},
  });
  // Every bucket of the stack must expire its objects.
  t.all_resources_properties("AWS::S3::Bucket", {
      {"LifecycleConfiguration", cdk::Map{{"Rules", Match::array_with({Match::object_like({{"Status", "Enabled"}})})}}},
  });
}

TEST_CASE("the queue refers to the bucket and the parameter") {
  cdk::App app;
  auto& stack = make_stack(app, 90);
  auto t = Template::from_stack(stack);

  // References in a pattern are written as in the stack: they match {"Fn::GetAtt": [...]}.
  auto& logs = dynamic_cast<LogBucket&>(*stack.try_find_child("Logs"));
  t.has_resource_properties("AWS::SQS::Queue", {
      {"Tags", Match::array_with({Match::object_like({{"Value", logs.arn()}})})},
      {"QueueName", cdk::Map{{"Fn::Join", cdk::List{"", cdk::List{cdk::Map{{"Ref", "Env"}}, "-audit"}}}}},
  });
  t.has_parameter("Env", {{"AllowedValues", cdk::List{"dev", "prod"}}});
  t.has_output("LogBucketName", {{"Export", cdk::Map{{"Name", "audit-logs"}}}});

  // Capture a value to check it separately.
  Capture team;
  t.has_resource_properties("AWS::SQS::Queue", {{"Tags", Match::array_with({Match::object_like({{"Key", "team"}, {"Value", team}})})}});
  CHECK(team.as_string() == "security");
}

TEST_CASE("a short retention warns") {
  cdk::App app;
  auto& stack = make_stack(app, 7);
  auto a = Annotations::from_stack(stack);
  a.has_warning("AuditStack/Logs", Match::string_like_regexp("less than 30 days"));
  a.has_no_error("*", Match::any_value());
  cdk::App other;
  Annotations::from_stack(make_stack(other, 90)).has_no_warning("*", Match::any_value());
}

TEST_CASE("failures say what differs") {
  cdk::App app;
  auto t = Template::from_stack(make_stack(app, 90));
  // CDKPP_CHECK reports the whole AssertionError message as a test failure, e.g.:
  //   Template has 1 resources with type AWS::S3::Bucket, but none match as expected.
  //   The closest match is Logs6819BB44; it differs at:
  //     Expected 30 but received 90 at /Properties/LifecycleConfiguration/Rules/0/ExpirationInDays ...
  // Here we only show that it fails, and with which text.
  CDKPP_CHECK_FAILS_WITH("Expected 30 but received 90 at /Properties/LifecycleConfiguration/Rules/0/ExpirationInDays",
                         t.has_resource_properties("AWS::S3::Bucket", {
                             {"LifecycleConfiguration", cdk::Map{{"Rules", cdk::List{cdk::Map{{"ExpirationInDays", 30}}}}}},
                         }));
  CDKPP_CHECK(t.resource_count_is("AWS::SQS::Queue", 1));
}

TEST_CASE("the whole template matches its committed snapshot") {
  cdk::App app;
  // Review the snapshot's diff like code; after an intended change, run once with
  // CDKPP_UPDATE_SNAPSHOTS=1 and commit the new file.
  CDKPP_CHECK(Template::from_stack(make_stack(app, 90)).matches_snapshot(CDKPP_SNAPSHOT_DIR "/audit_stack.json"));
}
