// Cross-stack references: exports in the producer, Fn::ImportValue in the consumer, the
// stack dependency, Stack::export_value, and every error. The expected names and
// templates are what aws-cdk-lib 2.276.0 synthesizes for the same programs.
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using cdk::Map;
using cdk::Value;
using cdk::assertions::Template;
using Json = nlohmann::ordered_json;
namespace Match = cdk::assertions::Match;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    static std::atomic<int> counter{0};
    path = fs::temp_directory_path() / ("cdkpp-xref-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  Json read(const std::string& name) const {
    std::ifstream in{path / name};
    std::stringstream text;
    text << in.rdbuf();
    return Json::parse(text.str());
  }
};

cdk::CfnResource& topic(cdk::Construct& scope, std::string_view id, Map properties = {}) {
  return scope.add<cdk::CfnResource>(id, {.type = "AWS::SNS::Topic", .properties = std::move(properties)});
}

Value import(const std::string& name) { return Map{{"Fn::ImportValue", name}}; }

Value exported(Value value, const std::string& name) { return Map{{"Value", std::move(value)}, {"Export", Map{{"Name", name}}}}; }

Value ref(const std::string& id) { return Map{{"Ref", id}}; }

Value get_att(const std::string& id, const std::string& attribute) {
  return Map{{"Fn::GetAtt", cdk::List{id, attribute}}};
}

std::vector<cdk::Diagnostic> synth_errors(cdk::App& app) {
  try {
    app.synth();
  } catch (const cdk::SynthError& e) {
    return e.diagnostics();
  }
  return {};
}

std::vector<cdk::Diagnostic> to_json_errors(cdk::Stack& stack) {
  try {
    (void)stack.to_json();
  } catch (const cdk::SynthError& e) {
    return e.diagnostics();
  }
  return {};
}

void check_single(const std::vector<cdk::Diagnostic>& errors, const char* code, const std::string& path,
                  const std::string& message) {
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == code);
  CHECK(errors[0].path == path);
  CHECK(errors[0].message == message);
}

std::vector<std::string> output_ids(cdk::Stack& stack) {
  std::vector<std::string> ids;
  const Json t = Json::parse(stack.to_json());
  if (t.contains("Outputs"))
    for (const auto& [id, body] : t["Outputs"].items()) ids.push_back(id);
  return ids;
}

// The program of /tmp/xref/p1.js: a producer with a bucket, parameters and a VPC, and
// two consumers.
struct ProducerAndConsumers {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir.path.string()}};
  cdk::Stack& producer = app.add<cdk::Stack>("Producer");
  cdk::CfnResource& bucket = producer.add<cdk::CfnResource>("Bucket", {.type = "AWS::S3::Bucket"});
  cdk::CfnParameter& param = producer.add<cdk::CfnParameter>("Param", {.type = "String"});
  cdk::CfnParameter& list_param = producer.add<cdk::CfnParameter>("ListParam", {.type = "CommaDelimitedList"});
  cdk::CfnResource& vpc = producer.add<cdk::CfnResource>(
      "Vpc", {.type = "AWS::EC2::VPC", .properties = {{"CidrBlock", "10.0.0.0/16"}}});
  cdk::Stack& consumer = app.add<cdk::Stack>("Consumer");
  cdk::Stack& consumer2 = app.add<cdk::Stack>("Consumer2");

  ProducerAndConsumers() {
    // A custom type: the made-up property names are not checked against a schema.
    consumer.add<cdk::CfnResource>(
        "Topic", {.type = "Custom::Consumer",
                  .properties = {
                      {"TopicName", bucket.ref()},
                      {"DisplayName", bucket.get_att("Arn")},
                      {"Other", cdk::Fn::join("-", {bucket.ref(), "x", bucket.get_att("Arn")})},
                      {"Sub", cdk::Fn::sub("${A}-x", {{"A", bucket.get_att("DomainName")}})},
                      {"Concat", "arn:" + bucket.ref() + ":y"},
                      {"P", param.value_as_string()},
                      {"L", vpc.get_att("Ipv6CidrBlocks", cdk::TokenType::List)},
                      {"LP", list_param.value_as_list()},
                      {"Again", bucket.ref()},
                  }});
    consumer2.add<cdk::CfnResource>("Q", {.type = "AWS::SQS::Queue", .properties = {{"QueueName", bucket.ref()}}});
  }
};

}  // namespace

TEST_SUITE("cross-stack references") {

TEST_CASE("the producer exports each referenced value once, with CDK's output ids and export names") {
  ProducerAndConsumers p;
  auto t = Template::from_stack(p.producer);
  t.has_output("ExportsOutputRefBucket239F7DF2", exported(ref("Bucket"), "Producer:ExportsOutputRefBucket239F7DF2"));
  t.has_output("ExportsOutputFnGetAttBucketArn436138FE",
               exported(get_att("Bucket", "Arn"), "Producer:ExportsOutputFnGetAttBucketArn436138FE"));
  t.has_output("ExportsOutputFnGetAttBucketDomainName9DDEA4BC",
               exported(get_att("Bucket", "DomainName"), "Producer:ExportsOutputFnGetAttBucketDomainName9DDEA4BC"));
  // A parameter is exported like a resource.
  t.has_output("ExportsOutputRefParamE3F25519", exported(ref("Param"), "Producer:ExportsOutputRefParamE3F25519"));
  // Lists are joined with "||".
  t.has_output("ExportsOutputFnGetAttVpcIpv6CidrBlocksF1DBD30C",
               exported(Map{{"Fn::Join", cdk::List{"||", get_att("Vpc", "Ipv6CidrBlocks")}}},
                        "Producer:ExportsOutputFnGetAttVpcIpv6CidrBlocksF1DBD30C"));
  t.has_output("ExportsOutputRefListParam8D635241",
               exported(Map{{"Fn::Join", cdk::List{"||", ref("ListParam")}}}, "Producer:ExportsOutputRefListParam8D635241"));
  // In the order the references were found, as CDK; one each although the bucket's Ref
  // is used four times by two stacks.
  CHECK(output_ids(p.producer) == std::vector<std::string>{
                                      "ExportsOutputRefBucket239F7DF2", "ExportsOutputFnGetAttBucketArn436138FE",
                                      "ExportsOutputFnGetAttBucketDomainName9DDEA4BC", "ExportsOutputRefParamE3F25519",
                                      "ExportsOutputFnGetAttVpcIpv6CidrBlocksF1DBD30C", "ExportsOutputRefListParam8D635241"});
  // The outputs are constructs of the producer, under Exports, as in CDK.
  CHECK(p.producer.try_find_child("Exports") != nullptr);
}

TEST_CASE("the consumer imports, inside Fn::Join, Fn::Sub and concatenations too; lists are split again") {
  ProducerAndConsumers p;
  const Value bucket_ref = import("Producer:ExportsOutputRefBucket239F7DF2");
  const Value bucket_arn = import("Producer:ExportsOutputFnGetAttBucketArn436138FE");
  Template::from_stack(p.consumer).has_resource_properties(
      "Custom::Consumer",
      Match::object_equals(Map{
          {"TopicName", bucket_ref},
          {"DisplayName", bucket_arn},
          {"Other", Map{{"Fn::Join", cdk::List{"-", cdk::List{bucket_ref, "x", bucket_arn}}}}},
          {"Sub", Map{{"Fn::Sub", cdk::List{"${A}-x", Map{{"A", import("Producer:ExportsOutputFnGetAttBucketDomainName9DDEA4BC")}}}}}},
          {"Concat", Map{{"Fn::Join", cdk::List{"", cdk::List{"arn:", bucket_ref, ":y"}}}}},
          {"P", import("Producer:ExportsOutputRefParamE3F25519")},
          {"L", Map{{"Fn::Split", cdk::List{"||", import("Producer:ExportsOutputFnGetAttVpcIpv6CidrBlocksF1DBD30C")}}}},
          {"LP", Map{{"Fn::Split", cdk::List{"||", import("Producer:ExportsOutputRefListParam8D635241")}}}},
          {"Again", bucket_ref},
      }));
  Template::from_stack(p.consumer2).has_resource_properties("AWS::SQS::Queue", {{"QueueName", bucket_ref}});
  // Consumers export nothing.
  CHECK(output_ids(p.consumer).empty());
}

TEST_CASE("a reference in the consumer's template metadata is exported and imported too (found by fuzz_resolve)") {
  cdk::App app{cdk::AppProps{.outdir = "unused-xref-metadata"}};
  auto& producer = app.add<cdk::Stack>("Producer");
  auto& consumer = app.add<cdk::Stack>("Consumer");
  auto& bucket = producer.add<cdk::CfnResource>("Bucket", {.type = "AWS::S3::Bucket"});
  topic(consumer, "Topic");
  consumer.template_options().metadata = {{"Source", Map{{"Bucket", bucket.ref()}}}};
  const Json consumer_template = Json::parse(consumer.to_json());
  CHECK(consumer_template["Metadata"]["Source"]["Bucket"] ==
        Json{{"Fn::ImportValue", "Producer:ExportsOutputRefBucket239F7DF2"}});
  Template::from_stack(producer).has_output("ExportsOutputRefBucket239F7DF2",
                                            exported(ref("Bucket"), "Producer:ExportsOutputRefBucket239F7DF2"));
  CHECK(consumer.stack_dependencies() == std::vector<cdk::Stack*>{&producer});
}

TEST_CASE("each consumer depends on the producer in the manifest; the written templates equal to_json") {
  ProducerAndConsumers p;
  p.app.synth();
  const Json manifest = p.dir.read("manifest.json");
  CHECK(manifest["artifacts"]["Consumer"]["dependencies"] == Json::array({"Producer", "Consumer.assets"}));
  CHECK(manifest["artifacts"]["Consumer2"]["dependencies"] == Json::array({"Producer", "Consumer2.assets"}));
  CHECK(manifest["artifacts"]["Producer"]["dependencies"] == Json::array({"Producer.assets"}));
  CHECK(p.consumer.stack_dependencies() == std::vector<cdk::Stack*>{&p.producer});
  for (cdk::Stack* stack : {&p.producer, &p.consumer, &p.consumer2}) {
    std::ifstream in{p.dir.path / stack->template_file()};
    std::stringstream written;
    written << in.rdbuf();
    CHECK(written.str() == stack->to_json());
  }
  // Synthesizing again finds the exports it made: nothing doubles.
  p.app.synth();
  CHECK(output_ids(p.producer).size() == 6);
  CHECK(p.consumer.stack_dependencies().size() == 1);
}

TEST_CASE("references both ways between three stacks, without a cycle, order the deployment") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir.path.string()}};
  auto& a = app.add<cdk::Stack>("A");
  auto& b = app.add<cdk::Stack>("B");
  auto& c = app.add<cdk::Stack>("C");
  auto& rc = topic(c, "RC");
  auto& ra = topic(a, "RA", {{"TopicName", rc.ref()}});
  topic(b, "RB", {{"TopicName", ra.ref()}, {"DisplayName", rc.get_att("TopicName")}});
  const auto assembly = app.synth();

  Template::from_stack(a).has_resource_properties("AWS::SNS::Topic", {{"TopicName", import("C:ExportsOutputRefRC293A1839")}});
  Template::from_stack(a).has_output("ExportsOutputRefRAA378FF31", exported(ref("RA"), "A:ExportsOutputRefRAA378FF31"));
  Template::from_stack(b).has_resource_properties(
      "AWS::SNS::Topic", {{"TopicName", import("A:ExportsOutputRefRAA378FF31")},
                          {"DisplayName", import("C:ExportsOutputFnGetAttRCTopicName3B104025")}});
  CHECK(output_ids(c) == std::vector<std::string>{"ExportsOutputRefRC293A1839", "ExportsOutputFnGetAttRCTopicName3B104025"});
  const Json manifest = dir.read("manifest.json");
  CHECK(manifest["artifacts"]["A"]["dependencies"] == Json::array({"C", "A.assets"}));
  CHECK(manifest["artifacts"]["B"]["dependencies"] == Json::array({"A", "C", "B.assets"}));
  CHECK(manifest["artifacts"]["C"]["dependencies"] == Json::array({"C.assets"}));
  std::vector<std::string> order;
  for (const auto& s : assembly.stacks) order.push_back(s.artifact_id);
  CHECK(order == std::vector<std::string>{"C", "A", "B"});
}

TEST_CASE("an output of the consumer and a number parameter of the producer") {
  cdk::App app{cdk::AppProps{.outdir = "unused-xref"}};
  auto& a = app.add<cdk::Stack>("A");
  auto& b = app.add<cdk::Stack>("B");
  auto& ra = topic(a, "RA");
  auto& n = a.add<cdk::CfnParameter>("N", {.type = "Number"});
  topic(b, "RB");
  b.add<cdk::CfnOutput>("Out", {.value = ra.ref()});
  b.add<cdk::CfnResource>("RB2", {.type = "AWS::SQS::Queue", .properties = {{"DelaySeconds", n.value_as_number()}}});
  auto t = Template::from_stack(b);
  t.has_output("Out", Map{{"Value", import("A:ExportsOutputRefRAA378FF31")}});
  t.has_resource_properties("AWS::SQS::Queue", {{"DelaySeconds", import("A:ExportsOutputRefND645C655")}});
  Template::from_stack(a).has_output("ExportsOutputRefND645C655", exported(ref("N"), "A:ExportsOutputRefND645C655"));
}

TEST_CASE("long names are cut as CDK cuts them: the export name keeps its last 255 characters") {
  cdk::App app{cdk::AppProps{.outdir = "unused-xref"}};
  const std::string stack_name = "P" + std::string(127, 'x');
  auto& a = app.add<cdk::Stack>("A", {.stack_name = stack_name});
  auto& b = app.add<cdk::Stack>("B");
  auto& ra = topic(a, "RA");
  ra.override_logical_id("L" + std::string(200, 'y'));
  topic(b, "RB", {{"TopicName", ra.get_att("Some.Attribute")}});
  const std::string name = stack_name + ":" + std::string(105, 'y') + "SomeAttribute4CFADFAB";
  CHECK(name.size() == 255);
  Template::from_stack(b).has_resource_properties("AWS::SNS::Topic", {{"TopicName", import(name)}});
  Template::from_stack(a).has_output("ExportsOutputFnGetAttL" + std::string(200, 'y') + "SomeAttribute4CFADFAB",
                                     exported(get_att("L" + std::string(200, 'y'), "Some.Attribute"), name));
}

TEST_CASE("stacks of one stage export under their stage-qualified stack names") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir.path.string()}};
  auto& prod = app.add<cdk::Stage>("Prod");
  auto& a = prod.add<cdk::Stack>("A");
  auto& b = prod.add<cdk::Stack>("B");
  auto& ra = topic(a, "RA");
  topic(b, "RB", {{"TopicName", ra.ref()}});
  Template::from_stack(a).has_output("ExportsOutputRefRAA378FF31", exported(ref("RA"), "Prod-A:ExportsOutputRefRAA378FF31"));
  Template::from_stack(b).has_resource_properties("AWS::SNS::Topic", {{"TopicName", import("Prod-A:ExportsOutputRefRAA378FF31")}});
  CHECK(b.stack_dependencies() == std::vector<cdk::Stack*>{&a});
}

TEST_CASE("a DependsOn on a resource of another stack becomes a dependency between the stacks, as in CDK") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir.path.string()}};
  auto& a = app.add<cdk::Stack>("A");
  auto& b = app.add<cdk::Stack>("B");
  auto& ra = topic(a, "RA");
  auto& rb = topic(b, "RB");
  rb.add_depends_on(ra);
  app.synth();
  CHECK(dir.read("manifest.json")["artifacts"]["B"]["dependencies"] == Json::array({"A", "B.assets"}));
  Template::from_stack(b).has_resource("AWS::SNS::Topic", {{"DependsOn", Match::absent()}});
  // Nothing is exported for a dependency.
  CHECK(output_ids(a).empty());
}

TEST_CASE("export_value") {
  cdk::App app{cdk::AppProps{.outdir = "unused-xref"}};
  auto& a = app.add<cdk::Stack>("A");
  auto& b = app.add<cdk::Stack>("B");
  auto& ra = topic(a, "RA");
  auto& rb = topic(b, "RB");

  SUBCASE("of a Ref: the export a reference makes, which stays without consumers") {
    const Value imported = a.export_value(ra.ref());
    auto t = Template::from_stack(a);
    t.has_output("ExportsOutputRefRAA378FF31", exported(ref("RA"), "A:ExportsOutputRefRAA378FF31"));
    // The import value, usable anywhere (another app's stack, a later version of B).
    b.add<cdk::CfnOutput>("Imported", {.value = imported});
    Template::from_stack(b).has_output("Imported", Map{{"Value", import("A:ExportsOutputRefRAA378FF31")}});
    // A consumer added later shares it; exporting again gives the same import.
    CHECK(a.export_value(ra.ref()) == imported);
    topic(b, "Consumer", {{"TopicName", ra.ref()}});
    CHECK(output_ids(a) == std::vector<std::string>{"ExportsOutputRefRAA378FF31"});
  }
  SUBCASE("of an attribute, with a description") {
    a.export_value(ra.get_att("TopicArn"), {.description = "the arn"});
    Template::from_stack(a).has_output(
        "ExportsOutputFnGetAttRATopicArnE50631F7",
        Map{{"Description", "the arn"},
            {"Value", get_att("RA", "TopicArn")},
            {"Export", Map{{"Name", "A:ExportsOutputFnGetAttRATopicArnE50631F7"}}}});
  }
  SUBCASE("of a list attribute: joined, and split on import") {
    auto& vpc = a.add<cdk::CfnResource>("Vpc", {.type = "AWS::EC2::VPC", .properties = {{"CidrBlock", "10.0.0.0/16"}}});
    const Value imported = a.export_value(vpc.get_att("Ipv6CidrBlocks", cdk::TokenType::List));
    CHECK(imported.token_type() == cdk::TokenType::List);
    b.add<cdk::CfnOutput>("Blocks", {.value = cdk::Fn::select(0, imported)});
    Template::from_stack(b).has_output(
        "Blocks", Map{{"Value", Map{{"Fn::Select", cdk::List{0, Map{{"Fn::Split", cdk::List{"||", import("A:ExportsOutputFnGetAttVpcIpv6CidrBlocksF1DBD30C")}}}}}}}});
    Template::from_stack(a).has_output("ExportsOutputFnGetAttVpcIpv6CidrBlocksF1DBD30C",
                                       exported(Map{{"Fn::Join", cdk::List{"||", get_att("Vpc", "Ipv6CidrBlocks")}}},
                                                "A:ExportsOutputFnGetAttVpcIpv6CidrBlocksF1DBD30C"));
  }
  SUBCASE("with a name: any value, output Export<name>") {
    const Value imported = a.export_value(ra.ref(), {.name = "my-export:name"});
    a.export_value("hello", {.name = "Lit"});
    auto t = Template::from_stack(a);
    t.has_output("Exportmyexportname", exported(ref("RA"), "my-export:name"));
    t.has_output("ExportLit", exported("hello", "Lit"));
    b.add<cdk::CfnOutput>("Imported", {.value = imported});
    Template::from_stack(b).has_output("Imported", Map{{"Value", import("my-export:name")}});
    CHECK_THROWS_AS(a.export_value(ra.ref(), {.name = "my-export:name"}), cdk::Error);  // the same output id twice
  }
  SUBCASE("a named export must be a valid export name") {
    a.export_value(ra.ref(), {.name = "my.export"});
    check_single(to_json_errors(a), cdk::errc::InvalidOutput, "A/Exportmy.export",
                 "export name must only include letters, digits, ':' and '-' (got 'my.export')");
  }
  SUBCASE("errors: not a reference, a reference of another stack") {
    auto check = [&](const Value& value, const char* code, const std::string& message) {
      try {
        a.export_value(value);
        FAIL("export_value should have thrown");
      } catch (const cdk::Error& e) {
        CHECK(e.code() == code);
        CHECK(e.path() == "A");
        CHECK(e.diagnostic().message == message);
      }
    };
    const std::string not_reference =
        "export_value: either give a name or export a Ref or Fn::GetAtt of an element of this stack (like "
        "bucket.ref() or bucket.attr_arn())";
    check("hello", cdk::errc::ExportNeedsReference, not_reference);
    check("x" + ra.ref(), cdk::errc::ExportNeedsReference, not_reference);
    check(cdk::Aws::region(), cdk::errc::ExportNeedsReference, not_reference);
    check(cdk::Fn::ref("RA"), cdk::errc::ExportNeedsReference, not_reference);
    check(rb.ref(), cdk::errc::ExportFromOtherStack, "export_value: the reference must be to an element of stack 'A', got 'B/RB'");
  }
}

TEST_CASE("a reference cycle between stacks names both stacks and the references") {
  TempDir dir;
  cdk::App app{cdk::AppProps{.outdir = dir.path.string()}};
  auto& a = app.add<cdk::Stack>("A");
  auto& b = app.add<cdk::Stack>("B");
  SUBCASE("two stacks") {
    auto& ra = topic(a, "RA");
    auto& rb = topic(b, "RB", {{"TopicName", ra.ref()}});
    topic(a, "RA2", {{"TopicName", rb.get_att("TopicArn")}});
    // As CDK, the dependency found second is refused (references are found in tree order).
    check_single(synth_errors(app), cdk::errc::ReferenceCycle, "B/RB",
                 "stack 'A' depends on stack 'B' (A/RA2 -> B/RB.TopicArn); B/RB -> A/RA.Ref would make 'B' depend on "
                 "'A', a cyclic reference between the stacks");
    // Each stack's to_json reports the cycles of its own references only.
    check_single(to_json_errors(b), cdk::errc::ReferenceCycle, "B/RB",
                 "stack 'A' depends on stack 'B' (A/RA2 -> B/RB.TopicArn); B/RB -> A/RA.Ref would make 'B' depend on "
                 "'A', a cyclic reference between the stacks");
    CHECK(to_json_errors(a).empty());
  }
  SUBCASE("three stacks") {
    auto& c = app.add<cdk::Stack>("C");
    auto& ra = topic(a, "RA");
    auto& rb = topic(b, "RB", {{"TopicName", ra.ref()}});
    auto& rc = topic(c, "RC", {{"TopicName", rb.ref()}});
    topic(a, "RA2", {{"TopicName", rc.ref()}});
    // A's references come first (A on C), then B's (B on A); C's closes the cycle.
    check_single(synth_errors(app), cdk::errc::ReferenceCycle, "C/RC",
                 "stack 'B' depends on stack 'C' (B/RB -> A/RA.Ref, A/RA2 -> C/RC.Ref); C/RC -> B/RB.Ref would make "
                 "'C' depend on 'B', a cyclic reference between the stacks");
  }
  SUBCASE("with an explicit stack dependency") {
    a.add_stack_dependency(b);
    auto& ra = topic(a, "RA");
    topic(b, "RB", {{"TopicName", ra.ref()}});
    check_single(synth_errors(app), cdk::errc::ReferenceCycle, "B/RB",
                 "stack 'A' depends on stack 'B' (A -> B (add_stack_dependency)); B/RB -> A/RA.Ref would make 'B' "
                 "depend on 'A', a cyclic reference between the stacks");
  }
  SUBCASE("through DependsOn") {
    auto& ra = topic(a, "RA");
    auto& rb = topic(b, "RB", {{"TopicName", ra.ref()}});
    ra.add_depends_on(rb);
    check_single(synth_errors(app), cdk::errc::ReferenceCycle, "B/RB",
                 "stack 'A' depends on stack 'B' (A/RA DependsOn B/RB); B/RB -> A/RA.Ref would make 'B' depend on "
                 "'A', a cyclic reference between the stacks");
  }
}

TEST_CASE("references across apps are errors") {
  cdk::App app1{cdk::AppProps{.outdir = "unused-xref-1"}};
  cdk::App app2{cdk::AppProps{.outdir = "unused-xref-2"}};
  auto& a = app1.add<cdk::Stack>("A");
  auto& b = app2.add<cdk::Stack>("B");
  auto& ra = topic(a, "RA");
  const std::string message =
      "cannot refer to A/RA.Ref in stack 'A': the stacks are in different apps (consuming and producing stacks must "
      "be defined within the same app)";
  SUBCASE("a Ref, reported once per element") {
    topic(b, "RB", {{"TopicName", ra.ref()}, {"DisplayName", ra.ref()}});
    check_single(synth_errors(app2), cdk::errc::CrossAppReference, "B/RB", message);
    check_single(to_json_errors(b), cdk::errc::CrossAppReference, "B/RB", message);
  }
  SUBCASE("a DependsOn") {
    topic(b, "RB").add_depends_on(ra);
    check_single(synth_errors(app2), cdk::errc::CrossAppReference, "B/RB",
                 "cannot refer to A/RA in stack 'A': the stacks are in different apps (consuming and producing stacks "
                 "must be defined within the same app)");
  }
  // Nothing was exported from the other app.
  CHECK(a.try_find_child("Exports") == nullptr);
}

TEST_CASE("references across environments are errors") {
  cdk::App app{cdk::AppProps{.outdir = "unused-xref"}};
  const cdk::Environment here{.account = "111111111111", .region = "us-east-1"};
  auto check = [&](cdk::Environment producer_env, cdk::Environment consumer_env, const std::string& message) {
    auto& a = app.add<cdk::Stack>("A", {.env = producer_env});
    auto& b = app.add<cdk::Stack>("B", {.env = consumer_env});
    auto& ra = topic(a, "RA");
    topic(b, "RB", {{"TopicName", ra.ref()}});
    check_single(synth_errors(app), cdk::errc::CrossEnvironmentReference, "B/RB", message);
  };
  const std::string other_env =
      "; exports are imported within one account and region only (CDK's cross-region and cross-account references "
      "through custom resources are not supported): pass the value another way, e.g. through an SSM parameter";
  const std::string agnostic =
      "; exports are imported within one account and region, so give both stacks the same explicit environment or "
      "leave both environment-agnostic";
  SUBCASE("another account") {
    check(here, {.account = "222222222222", .region = "us-east-1"},
          "cannot refer to A/RA.Ref in stack 'A': stack 'B' deploys to aws://222222222222/us-east-1 and stack 'A' to "
          "aws://111111111111/us-east-1" + other_env);
  }
  SUBCASE("another region") {
    check(here, {.account = "111111111111", .region = "eu-west-1"},
          "cannot refer to A/RA.Ref in stack 'A': stack 'B' deploys to aws://111111111111/eu-west-1 and stack 'A' to "
          "aws://111111111111/us-east-1" + other_env);
  }
  SUBCASE("an environment-agnostic consumer") {
    check(here, {},
          "cannot refer to A/RA.Ref in stack 'A': stack 'B' deploys to aws://unknown-account/unknown-region and stack "
          "'A' to aws://111111111111/us-east-1" + agnostic);
  }
  SUBCASE("an environment-agnostic producer") {
    check({}, here,
          "cannot refer to A/RA.Ref in stack 'A': stack 'B' deploys to aws://111111111111/us-east-1 and stack 'A' to "
          "aws://unknown-account/unknown-region" + agnostic);
  }
  SUBCASE("the same region, both without an account, is fine") {
    auto& a = app.add<cdk::Stack>("A", {.env = {.region = "us-east-1"}});
    auto& b = app.add<cdk::Stack>("B", {.env = {.region = "us-east-1"}});
    auto& ra = topic(a, "RA");
    topic(b, "RB", {{"TopicName", ra.ref()}});
    Template::from_stack(b).has_resource_properties("AWS::SNS::Topic", {{"TopicName", import("A:ExportsOutputRefRAA378FF31")}});
  }
}

TEST_CASE("references across stages are errors") {
  cdk::App app{cdk::AppProps{.outdir = "unused-xref"}};
  auto& prod = app.add<cdk::Stage>("Prod");
  SUBCASE("from a stage to the app") {
    auto& a = app.add<cdk::Stack>("A");
    auto& b = prod.add<cdk::Stack>("B");
    topic(b, "RB", {{"TopicName", topic(a, "RA").ref()}});
    check_single(synth_errors(app), cdk::errc::CrossStageReference, "Prod/B/RB",
                 "cannot refer to A/RA.Ref in stack 'A': stack 'Prod/B' is in Stage 'Prod' and stack 'A' in the App; "
                 "references and dependencies cannot cross stage boundaries (each stage deploys on its own)");
  }
  SUBCASE("from the app to a stage") {
    auto& a = prod.add<cdk::Stack>("A");
    auto& b = app.add<cdk::Stack>("B");
    topic(b, "RB", {{"TopicName", topic(a, "RA").get_att("TopicName")}});
    check_single(synth_errors(app), cdk::errc::CrossStageReference, "B/RB",
                 "cannot refer to Prod/A/RA.TopicName in stack 'Prod/A': stack 'B' is in the App and stack 'Prod/A' "
                 "in Stage 'Prod'; references and dependencies cannot cross stage boundaries (each stage deploys on "
                 "its own)");
  }
  SUBCASE("between two stages") {
    auto& dev = app.add<cdk::Stage>("Dev");
    auto& a = dev.add<cdk::Stack>("A");
    auto& b = prod.add<cdk::Stack>("B");
    topic(b, "RB", {{"TopicName", topic(a, "RA").ref()}});
    check_single(to_json_errors(b), cdk::errc::CrossStageReference, "Prod/B/RB",
                 "cannot refer to Dev/A/RA.Ref in stack 'Dev/A': stack 'Prod/B' is in Stage 'Prod' and stack 'Dev/A' "
                 "in Stage 'Dev'; references and dependencies cannot cross stage boundaries (each stage deploys on its "
                 "own)");
  }
}

TEST_CASE("conditions and mappings cannot be shared between stacks") {
  cdk::App app{cdk::AppProps{.outdir = "unused-xref"}};
  auto& a = app.add<cdk::Stack>("A");
  auto& b = app.add<cdk::Stack>("B");
  auto& c = a.add<cdk::CfnCondition>("C", {.expression = cdk::Fn::condition_equals("a", "b")});
  topic(a, "RA").options().condition = &c;
  topic(b, "RB").options().condition = &c;
  check_single(to_json_errors(b), cdk::errc::CrossStackReference, "B/RB",
               "refers to a condition 'A/C' of stack 'A'; only Ref and Fn::GetAtt of resources and parameters can "
               "cross stacks (as exports), not conditions");
}

TEST_CASE("an app without cross-stack references is left as it was") {
  cdk::App app{cdk::AppProps{.outdir = "unused-xref"}};
  auto& a = app.add<cdk::Stack>("A");
  auto& b = app.add<cdk::Stack>("B");
  topic(a, "RA");
  topic(b, "RB");
  (void)a.to_json();
  (void)b.to_json();
  CHECK(a.try_find_child("Exports") == nullptr);
  CHECK(b.stack_dependencies().empty());
}

}  // TEST_SUITE
