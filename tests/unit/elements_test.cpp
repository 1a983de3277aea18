// Template elements: resources and their options, dependencies, logical-id overrides,
// outputs, conditions, mappings, rules, and the template-level sections.
#include <doctest/doctest.h>

#include "detail/tokens.hpp"
#include "model_support.hpp"

namespace Fn = cdk::Fn;
using cdk::List;
using cdk::Map;
using cdk::Value;
using model_test::Json;
using model_test::template_of;

namespace {
Json j(const char* text) { return Json::parse(text); }

cdk::CfnResource& topic(cdk::Construct& scope, std::string id) {
  return scope.add<cdk::CfnResource>(id, {.type = "Custom::Topic"});
}
}  // namespace

TEST_CASE("elements: a resource renders Type and Properties in declaration order") {
  model_test::Fixture f;
  f.stack.add<cdk::CfnResource>("Queue", {.type = "AWS::SQS::Queue",
                                          .properties = {{"VisibilityTimeout", 30},
                                                         {"FifoQueue", true},
                                                         {"QueueName", "q.fifo"},
                                                         {"Tags", List{Map{{"Key", "a"}, {"Value", "b"}}}}}});
  topic(f.stack, "Bare");
  auto t = template_of(f.stack);
  CHECK(t["Resources"] == j(R"({
    "Queue": {"Type": "AWS::SQS::Queue",
              "Properties": {"VisibilityTimeout": 30, "FifoQueue": true, "QueueName": "q.fifo",
                             "Tags": [{"Key": "a", "Value": "b"}]}},
    "Bare": {"Type": "Custom::Topic"}
  })"));
}

TEST_CASE("elements: set_property replaces in place or appends") {
  model_test::Fixture f;
  auto& r = f.stack.add<cdk::CfnResource>("R", {.type = "Custom::Topic", .properties = {{"A", 1}, {"B", 2}}});
  r.set_property("A", "one");
  r.set_property("C", 3);
  CHECK(template_of(f.stack)["Resources"]["R"]["Properties"] == j(R"({"A": "one", "B": 2, "C": 3})"));
}

TEST_CASE("elements: resource options render in CDK's order") {
  // CDK's CfnResource._toCloudFormation: Type, Properties, DependsOn, CreationPolicy,
  // UpdatePolicy, UpdateReplacePolicy, DeletionPolicy, Version, Metadata, Condition.
  model_test::Fixture f;
  auto& env = f.stack.add<cdk::CfnParameter>("Env", {.type = "String"});
  auto& prod = f.stack.add<cdk::CfnCondition>("IsProd", {.expression = Fn::condition_equals(env.ref(), "prod")});
  auto& handle = f.stack.add<cdk::CfnResource>("Handle", {.type = "AWS::CloudFormation::WaitConditionHandle"});
  auto& instance = f.stack.add<cdk::CfnResource>("Instance", {.type = "AWS::EC2::Instance",
                                                              .properties = {{"ImageId", "ami-1"}}});
  auto& o = instance.options();
  o.condition = &prod;
  o.creation_policy = Map{{"ResourceSignal", Map{{"Count", 1}, {"Timeout", "PT15M"}}}};
  o.update_policy = Map{{"AutoScalingReplacingUpdate", Map{{"WillReplace", true}}}};
  o.update_replace_policy = cdk::CfnDeletionPolicy::Retain;
  o.deletion_policy = cdk::CfnDeletionPolicy::Snapshot;
  o.version = "1.0";
  Map command{{"command", Value{"echo "} + cdk::Aws::region()}};
  Map config{{"packages", Map{{"yum", Map{{"httpd", List{}}}}}}, {"commands", Map{{"01", command}}}};
  o.metadata = {{"AWS::CloudFormation::Init", Map{{"config", config}}}, {"Comment", "web server"}};
  instance.add_depends_on(handle);

  auto t = template_of(f.stack);
  CHECK(t["Resources"]["Instance"] == j(R"({
    "Type": "AWS::EC2::Instance",
    "Properties": {"ImageId": "ami-1"},
    "DependsOn": ["Handle"],
    "CreationPolicy": {"ResourceSignal": {"Count": 1, "Timeout": "PT15M"}},
    "UpdatePolicy": {"AutoScalingReplacingUpdate": {"WillReplace": true}},
    "UpdateReplacePolicy": "Retain",
    "DeletionPolicy": "Snapshot",
    "Version": "1.0",
    "Metadata": {
      "AWS::CloudFormation::Init": {"config": {
        "packages": {"yum": {"httpd": []}},
        "commands": {"01": {"command": {"Fn::Join": ["", ["echo ", {"Ref": "AWS::Region"}]]}}}}},
      "Comment": "web server"},
    "Condition": "IsProd"
  })"));
}

TEST_CASE("elements: every deletion policy name") {
  model_test::Fixture f;
  using P = cdk::CfnDeletionPolicy;
  const std::pair<P, const char*> cases[] = {
      {P::Delete, "Delete"}, {P::Retain, "Retain"}, {P::RetainExceptOnCreate, "RetainExceptOnCreate"}, {P::Snapshot, "Snapshot"}};
  int i = 0;
  for (auto [policy, name] : cases) {
    auto& r = topic(f.stack, "T" + std::to_string(i++));
    r.options().deletion_policy = policy;
  }
  auto t = template_of(f.stack);
  i = 0;
  for (auto [policy, name] : cases) CHECK(t["Resources"]["T" + std::to_string(i++)]["DeletionPolicy"] == name);
}

TEST_CASE("elements: DependsOn without Properties follows Type, and is sorted by path as CDK sorts it") {
  // CDK renders DependsOn sorted by the targets' construct paths with localeCompare:
  // case-insensitive, lower case first on a tie.
  model_test::Fixture f;
  auto& zeta = topic(f.stack, "Zeta");
  auto& upper = topic(f.stack, "Alpha");
  auto& lower = topic(f.stack, "alpha");
  auto& beta = topic(f.stack, "beta");
  auto& r = f.stack.add<cdk::CfnResource>("R", {.type = "AWS::CloudFormation::WaitConditionHandle"});
  r.options().deletion_policy = cdk::CfnDeletionPolicy::Retain;
  r.add_depends_on(zeta);
  r.add_depends_on(upper);
  r.add_depends_on(beta);
  r.add_depends_on(lower);
  r.add_depends_on(zeta);  // once is enough
  CHECK(r.depends_on().size() == 4);
  auto t = template_of(f.stack);
  CHECK(t["Resources"]["R"] == j(R"({"Type": "AWS::CloudFormation::WaitConditionHandle",
                                      "DependsOn": ["alpha", "Alpha", "beta", "Zeta"],
                                      "DeletionPolicy": "Retain"})"));
}

TEST_CASE("elements: DependsOn sorts punctuation and digits as localeCompare does") {
  // ICU's root collation (Node's localeCompare) puts '_' before '/' and before digits,
  // unlike byte order: "S/Ab_c" < "S/Ab/X" and "S/A_" < "S/A1".
  model_test::Fixture f;
  auto& slash = topic(f.stack.add<cdk::Construct>("Ab"), "X");
  auto& underscore = topic(f.stack, "Ab_c");
  auto& digit = topic(f.stack, "A1");
  auto& low_line = topic(f.stack, "A_");
  auto& r = model_test::add_placeholder(f.stack, "R");
  r.add_depends_on(slash);
  r.add_depends_on(digit);
  r.add_depends_on(underscore);
  r.add_depends_on(low_line);
  CHECK(template_of(f.stack)["Resources"]["R"]["DependsOn"] ==
        Json::array({"A", "A1", "Abc", cdk::make_logical_id({"Ab", "X"})}));
}

TEST_CASE("elements: add_dependency between constructs makes every resource of one depend on every resource of the other") {
  model_test::Fixture f;
  auto& web = f.stack.add<cdk::Construct>("Web");
  topic(web, "A");
  topic(web.add<cdk::Construct>("Inner"), "B");
  auto& db = f.stack.add<cdk::Construct>("Db");
  topic(db, "Y");
  topic(db, "X");
  topic(f.stack, "Unrelated");
  web.add_dependency(db);
  auto t = template_of(f.stack);
  const auto a = cdk::make_logical_id({"Web", "A"});
  const auto b = cdk::make_logical_id({"Web", "Inner", "B"});
  const auto x = cdk::make_logical_id({"Db", "X"});
  const auto y = cdk::make_logical_id({"Db", "Y"});
  // Sorted by path: Db/X before Db/Y.
  CHECK(t["Resources"][a]["DependsOn"] == Json::array({x, y}));
  CHECK(t["Resources"][b]["DependsOn"] == Json::array({x, y}));
  CHECK_FALSE(t["Resources"][x].contains("DependsOn"));
  CHECK_FALSE(t["Resources"]["Unrelated"].contains("DependsOn"));
}

TEST_CASE("elements: a construct-level dependency merges with add_depends_on, without duplicates") {
  model_test::Fixture f;
  auto& target = topic(f.stack, "Target");
  auto& other = topic(f.stack, "Other");
  auto& source = topic(f.stack, "Source");
  source.add_depends_on(target);
  source.add_dependency(target);  // the same edge, via the construct
  source.add_dependency(other);
  CHECK(template_of(f.stack)["Resources"]["Source"]["DependsOn"] == j(R"(["Other", "Target"])"));
}

TEST_CASE("elements: a construct depending on its own child does not make a resource depend on itself") {
  // CDK resolves node.addDependency by adding, for every pair of resources, a
  // dependency source -> target, and skips a resource paired with itself (deps.ts:
  // `if (source === target) return`).
  model_test::Fixture f;
  auto& group = f.stack.add<cdk::Construct>("Group");
  auto& own = topic(group, "Own");
  auto& child = group.add<cdk::Construct>("Child");
  topic(child, "C");
  group.add_dependency(child);
  (void)own;
  REQUIRE(model_test::synth_errors(f.stack).empty());
  auto t = template_of(f.stack);
  const auto c = cdk::make_logical_id({"Group", "Child", "C"});
  CHECK(t["Resources"][cdk::make_logical_id({"Group", "Own"})]["DependsOn"] == Json::array({c}));
  CHECK_FALSE(t["Resources"][c].contains("DependsOn"));
}

TEST_CASE("elements: override_logical_id is honoured by every reference made before it") {
  // Tokens carry the element, not its id, so overriding late is safe.
  model_test::Fixture f;
  auto& param = f.stack.add<cdk::CfnParameter>("Param", {.type = "String"});
  auto& cond = f.stack.add<cdk::CfnCondition>("Cond", {.expression = Fn::condition_equals(param.ref(), "x")});
  auto& bucket = f.stack.add<cdk::CfnResource>("Bucket", {.type = "Custom::Bucket"});
  auto& user = f.stack.add<cdk::CfnResource>(
      "User", {.type = "Custom::Topic",
               .properties = {{"A", bucket.ref()},
                              {"B", bucket.get_att("Arn")},
                              {"C", Value{"arn:"} + bucket.ref()},
                              {"D", cond.if_(param.ref(), cdk::Aws::no_value())},
                              {"E", Fn::condition(cond)}}});
  user.add_depends_on(bucket);
  user.options().condition = &cond;
  f.stack.add<cdk::CfnOutput>("Out", {.value = bucket.get_att("Arn"), .condition = &cond});

  bucket.override_logical_id("MyBucket");
  param.override_logical_id("MyParam");
  cond.override_logical_id("MyCond");
  CHECK(bucket.logical_id() == "MyBucket");

  auto t = template_of(f.stack);
  CHECK(t["Resources"]["User"] == j(R"({
    "Type": "Custom::Topic",
    "Properties": {
      "A": {"Ref": "MyBucket"},
      "B": {"Fn::GetAtt": ["MyBucket", "Arn"]},
      "C": {"Fn::Join": ["", ["arn:", {"Ref": "MyBucket"}]]},
      "D": {"Fn::If": ["MyCond", {"Ref": "MyParam"}, {"Ref": "AWS::NoValue"}]},
      "E": {"Condition": "MyCond"}},
    "DependsOn": ["MyBucket"],
    "Condition": "MyCond"
  })"));
  CHECK(t["Conditions"] == j(R"({"MyCond": {"Fn::Equals": [{"Ref": "MyParam"}, "x"]}})"));
  CHECK(t["Outputs"]["Out"] == j(R"({"Value": {"Fn::GetAtt": ["MyBucket", "Arn"]}, "Condition": "MyCond"})"));
  CHECK(t["Parameters"].contains("MyParam"));
  CHECK_FALSE(t["Resources"].contains("Bucket"));
}

TEST_CASE("elements: an overridden logical id is checked at synth") {
  model_test::Fixture f;
  auto& a = topic(f.stack, "A");
  auto& b = topic(f.stack, "B");
  a.override_logical_id("bad-id");
  b.override_logical_id("B");  // fine: the same as its own
  auto errors = model_test::synth_errors(f.stack);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == cdk::errc::InvalidLogicalId);
  CHECK(errors[0].path == "S/A");
  CHECK(errors[0].message == "logical id 'bad-id' must be 1 to 255 characters of [A-Za-z0-9]");

  a.override_logical_id("B");
  errors = model_test::synth_errors(f.stack);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == cdk::errc::DuplicateLogicalId);
  CHECK(errors[0].path == "S/B");
  CHECK(errors[0].message == "logical id 'B' is already used by 'S/A'");
}

TEST_CASE("elements: a resource type must look like one") {
  model_test::Fixture f;
  f.stack.add<cdk::CfnResource>("Good1", {.type = "Custom::My-Thing_1"});
  f.stack.add<cdk::CfnResource>("Good2", {.type = "MyOrg::Service::Thing::MODULE"});
  f.stack.add<cdk::CfnResource>("Bad", {.type = "AWS::S3"});
  auto errors = model_test::synth_errors(f.stack);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == cdk::errc::InvalidResourceType);
  CHECK(errors[0].path == "S/Bad");
  CHECK(errors[0].message == "resource type 'AWS::S3' is not of the form AWS::Service::Resource or Custom::Name");
}

TEST_CASE("elements: Ref and GetAtt of elements that cannot be referenced") {
  // The public API offers ref() only on resources and parameters and get_att() only on
  // resources; the resolver still checks, for tokens built by hand.
  model_test::Fixture f;
  auto& cond = f.stack.add<cdk::CfnCondition>("Cond", {.expression = Fn::condition_equals("a", "b")});
  auto& param = f.stack.add<cdk::CfnParameter>("P", {.type = "String"});
  auto ref = model_test::resolve_in(f.stack, cdk::detail::ref_to(cond));
  REQUIRE(ref.diagnostics.size() == 1);
  CHECK(ref.diagnostics[0].to_string() ==
        "[cdk.resolve.WrongTargetKind] S/Probe: Ref of condition 'S/Cond'; only resources and parameters can be referenced");
  CHECK(ref.json == j(R"({"Ref": "Cond"})"));
  auto att = model_test::resolve_in(f.stack, cdk::detail::get_att_of(param, "X", cdk::TokenType::String));
  REQUIRE(att.diagnostics.size() == 1);
  CHECK(att.diagnostics[0].to_string() ==
        "[cdk.resolve.WrongTargetKind] S/Probe: Fn::GetAtt of parameter 'S/P'; only resources have attributes");
}

TEST_CASE("elements: outputs render Description, Value, Export, Condition") {
  // CDK's CfnOutput._toCloudFormation order.
  model_test::Fixture f;
  auto& bucket = f.stack.add<cdk::CfnResource>("Bucket", {.type = "Custom::Bucket"});
  auto& cond = f.stack.add<cdk::CfnCondition>("Cond", {.expression = Fn::condition_equals(cdk::Aws::region(), "x")});
  auto& full = f.stack.add<cdk::CfnOutput>("Full", {.value = bucket.ref(),
                                                    .condition = &cond,
                                                    .description = "the bucket",
                                                    .export_name = cdk::Aws::stack_name() + "-Bucket"});
  f.stack.add<cdk::CfnOutput>("Plain", {.value = 42});
  auto& named = f.stack.add<cdk::CfnOutput>("Named", {.value = "v", .export_name = Value{"SharedName"}});
  auto t = template_of(f.stack);
  CHECK(t["Outputs"] == j(R"({
    "Full": {"Description": "the bucket", "Value": {"Ref": "Bucket"},
             "Export": {"Name": {"Fn::Join": ["", [{"Ref": "AWS::StackName"}, "-Bucket"]]}},
             "Condition": "Cond"},
    "Plain": {"Value": 42},
    "Named": {"Value": "v", "Export": {"Name": "SharedName"}}
  })"));
  CHECK(model_test::resolve(f.stack, named.import_value()) == j(R"({"Fn::ImportValue": "SharedName"})"));
  CHECK(model_test::resolve(f.stack, full.import_value()) ==
        j(R"({"Fn::ImportValue": {"Fn::Join": ["", [{"Ref": "AWS::StackName"}, "-Bucket"]]}})"));
}

TEST_CASE("elements: output mistakes") {
  model_test::Fixture f;
  model_test::add_placeholder(f.stack);
  auto& plain = f.stack.add<cdk::CfnOutput>("NoExport", {.value = "v"});
  try {
    (void)plain.import_value();
    FAIL("import_value without an export must throw");
  } catch (const cdk::Error& e) {
    CHECK(e.code() == cdk::errc::InvalidOutput);
    CHECK(e.path() == "S/NoExport");
    CHECK(e.diagnostic().message == "import_value() needs an output with an export_name");
  }
  f.stack.add<cdk::CfnOutput>("NoValue", {});
  f.stack.add<cdk::CfnOutput>("LongDescription", {.value = 1, .description = std::string(1025, 'x')});
  f.stack.add<cdk::CfnOutput>("EmptyExport", {.value = 1, .export_name = Value{""}});
  auto errors = model_test::synth_errors(f.stack);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].to_string() == "[cdk.output.Invalid] S/NoValue: an output needs a value");
  CHECK(errors[1].to_string() ==
        "[cdk.output.Invalid] S/LongDescription: description is longer than CloudFormation's 1024 bytes");
  CHECK(errors[2].to_string() == "[cdk.output.Invalid] S/EmptyExport: export name must be 1 to 255 characters");
}

TEST_CASE("elements: conditions") {
  model_test::Fixture f;
  model_test::add_placeholder(f.stack);
  auto& a = f.stack.add<cdk::CfnCondition>("A", {.expression = Fn::condition_equals(cdk::Aws::region(), "us-east-1")});
  auto& b = f.stack.add<cdk::CfnCondition>("B", {});
  b.set_expression(Fn::condition_not(Fn::condition(a)));
  CHECK(template_of(f.stack)["Conditions"] == j(R"({
    "A": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]},
    "B": {"Fn::Not": [{"Condition": "A"}]}
  })"));

  f.stack.add<cdk::CfnCondition>("Empty", {});
  f.stack.add<cdk::CfnCondition>("Literal", {.expression = true});
  auto errors = model_test::synth_errors(f.stack);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].to_string() ==
        "[cdk.resolve.InvalidIntrinsic] S/Empty: a condition needs an expression (Fn::condition_equals, ...)");
  CHECK(errors[1].to_string() ==
        "[cdk.resolve.InvalidIntrinsic] S/Literal: a condition's expression must be a condition function, not a literal");
}

TEST_CASE("elements: mappings") {
  model_test::Fixture f;
  model_test::add_placeholder(f.stack);
  auto& m = f.stack.add<cdk::CfnMapping>("RegionMap", {.mapping = {{"us-east-1", {{"AMI", "ami-1"}, {"Bits", 64}}}}});
  m.set_value("eu-west-1", "AMI", "ami-2");
  m.set_value("us-east-1", "AMI", "ami-9");  // replaces in place
  m.set_value("us-east-1", "Extra", List{"a", "b"});
  REQUIRE(m.try_get("us-east-1", "AMI"));
  CHECK(*m.try_get("us-east-1", "AMI") == Value{"ami-9"});
  CHECK(m.try_get("us-east-1", "Nope") == nullptr);
  CHECK(m.try_get("nope", "AMI") == nullptr);
  CHECK(template_of(f.stack)["Mappings"] == j(R"({"RegionMap": {
    "us-east-1": {"AMI": "ami-9", "Bits": 64, "Extra": ["a", "b"]},
    "eu-west-1": {"AMI": "ami-2"}
  }})"));

  f.stack.add<cdk::CfnMapping>("Empty");
  f.stack.add<cdk::CfnMapping>("Tokens", {.mapping = {{"k", {{"v", cdk::Aws::region()}}}, {"e", {}}}});
  auto errors = model_test::synth_errors(f.stack);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].to_string() == "[cdk.mapping.Invalid] S/Empty: a mapping needs at least one entry");
  CHECK(errors[1].to_string() == "[cdk.mapping.Invalid] S/Tokens: value at 'k.v' is a token; mappings hold literals only");
  CHECK(errors[2].to_string() == "[cdk.mapping.Invalid] S/Tokens: top-level key 'e' needs at least one attribute");
}

TEST_CASE("elements: rules") {
  model_test::Fixture f;
  model_test::add_placeholder(f.stack);
  auto& env = f.stack.add<cdk::CfnParameter>("Env", {.type = "String"});
  auto& type = f.stack.add<cdk::CfnParameter>("InstanceType", {.type = "String"});
  auto& rule = f.stack.add<cdk::CfnRule>(
      "ProdInstanceType", {.assertions = {{.assert_ = Fn::contains(List{"m5.large"}, type.ref()),
                                           .assert_description = "prod needs m5.large"}},
                           .rule_condition = Fn::condition_equals(env.ref(), "prod")});
  rule.add_assertion(Fn::each_member_in(List{type.ref()}, List{"m5.large", "t3.micro"}), "");
  CHECK(template_of(f.stack)["Rules"] == j(R"({"ProdInstanceType": {
    "RuleCondition": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
    "Assertions": [
      {"Assert": {"Fn::Contains": [["m5.large"], {"Ref": "InstanceType"}]}, "AssertDescription": "prod needs m5.large"},
      {"Assert": {"Fn::EachMemberIn": [[{"Ref": "InstanceType"}], ["m5.large", "t3.micro"]]}}
    ]
  }})"));

  auto& empty = f.stack.add<cdk::CfnRule>("Empty");
  (void)empty;
  auto errors = model_test::synth_errors(f.stack);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].to_string() == "[cdk.rule.Invalid] S/Empty: a rule needs at least one assertion");
}

TEST_CASE("elements: template sections come in the usual order") {
  // DESIGN.md section 3: AWSTemplateFormatVersion, Description, Metadata, Parameters,
  // Rules, Mappings, Conditions, Transform, Resources, Outputs, whatever the order of
  // declaration.
  cdk::App app{cdk::AppProps{.outdir = "model-test-unused.out"}};
  auto& stack = app.add<cdk::Stack>("S", {.description = "A stack", .synthesizer = cdk::LegacyStackSynthesizer{}});
  stack.add<cdk::CfnOutput>("Out", {.value = "v"});
  model_test::add_placeholder(stack, "Handle");
  stack.add<cdk::CfnCondition>("C", {.expression = Fn::condition_equals("a", "a")});
  stack.add<cdk::CfnMapping>("M", {.mapping = {{"k", {{"v", 1}}}}});
  stack.add<cdk::CfnRule>("R", {.assertions = {{.assert_ = Fn::condition_equals("a", "a"), .assert_description = "d"}}});
  stack.add<cdk::CfnParameter>("P", {});
  stack.template_options().template_format_version = "2010-09-09";
  stack.template_options().metadata = {{"cfn-lint", Map{{"config", Map{{"ignore_checks", List{"W1"}}}}}}};
  stack.add_transform("AWS::Serverless-2016-10-31");

  auto t = template_of(stack);
  std::vector<std::string> keys;
  for (auto& [key, value] : t.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules",
                                         "Mappings", "Conditions", "Transform", "Resources", "Outputs"});
  CHECK(t["AWSTemplateFormatVersion"] == "2010-09-09");
  CHECK(t["Description"] == "A stack");
  CHECK(t["Metadata"] == j(R"({"cfn-lint": {"config": {"ignore_checks": ["W1"]}}})"));
  CHECK(t["Transform"] == "AWS::Serverless-2016-10-31");  // one transform is a string, as in CDK
  CHECK(t["Parameters"] == j(R"({"P": {"Type": "String"}})"));

  stack.add_transform("AWS::LanguageExtensions");
  CHECK(template_of(stack)["Transform"] == j(R"(["AWS::Serverless-2016-10-31", "AWS::LanguageExtensions"])"));
}

TEST_CASE("elements: a template without options has only its sections") {
  model_test::Fixture f;
  model_test::add_placeholder(f.stack);
  CHECK(f.stack.to_json() == "{\n \"Resources\": {\n  \"Placeholder\": {\n   \"Type\": \"AWS::CloudFormation::WaitConditionHandle\"\n  }\n }\n}");
}

TEST_CASE("elements: description set later replaces the one from props; too long is an error") {
  cdk::App app{cdk::AppProps{.outdir = "model-test-unused.out"}};
  auto& stack = app.add<cdk::Stack>("S", {.description = "first", .synthesizer = cdk::LegacyStackSynthesizer{}});
  model_test::add_placeholder(stack);
  stack.template_options().description = "second";
  CHECK(template_of(stack)["Description"] == "second");
  stack.template_options().description = std::string(1025, 'd');
  auto errors = model_test::synth_errors(stack);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].to_string() == "[cdk.limit.Description] S: template description is 1025 bytes; CloudFormation allows 1024");
}

TEST_CASE("elements: the elements of a stack, in template order, without a nested stack's") {
  model_test::Fixture f;
  auto& a = topic(f.stack, "A");
  auto& group = f.stack.add<cdk::Construct>("G");
  auto& b = topic(group, "B");
  auto& nested = group.add<cdk::Stack>("Nested");
  topic(nested, "N");
  auto& c = f.stack.add<cdk::CfnParameter>("C", {});
  CHECK(f.stack.elements() == std::vector<cdk::CfnElement*>{&a, &b, &c});
  CHECK(&b.stack() == &f.stack);
  CHECK(b.logical_id() == cdk::make_logical_id({"G", "B"}));
}
