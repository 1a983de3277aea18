// How fast are the assertions? has_resource_properties and friends against a template of
// 500 resources (CloudFormation's limit). Prints numbers; asserts nothing about timing.
//
//   build-assert/bench/assertions_bench [iterations]
#include <cdk/assertions.hpp>
#include <cdk/cdk.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;
namespace Match = cdk::assertions::Match;

double micros_per_call(int iterations, const std::function<void()>& call) {
  call();  // warm up
  const auto start = Clock::now();
  for (int i = 0; i < iterations; ++i) call();
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count() / iterations;
}

void report(const char* what, double us) { std::printf("  %-62s %9.1f us/call  (%.4f ms)\n", what, us, us / 1000); }

}  // namespace

int main(int argc, char** argv) {
  const int iterations = argc > 1 ? std::atoi(argv[1]) : 200;

  // 500 resources of five (custom, so free-form) types; each has a handful of properties,
  // tags and a reference.
  cdk::App app{cdk::AppProps{.outdir = "unused"}};
  auto& stack = app.add<cdk::Stack>("Bench", {.synthesizer = cdk::LegacyStackSynthesizer{}});
  auto& vpc = stack.add<cdk::CfnResource>("Vpc", {.type = "AWS::EC2::VPC", .properties = {{"CidrBlock", "10.0.0.0/16"}}});
  const char* types[] = {"Custom::Subnet", "Custom::SecurityGroup", "Custom::Bucket", "Custom::Queue", "Custom::Topic"};
  for (int i = 1; i < 500; ++i) {
    const std::string n = std::to_string(i);
    stack.add<cdk::CfnResource>("Resource" + n, {.type = types[i % 5],
                                                 .properties = {{"Name", "resource-" + n},
                                                                {"Index", i},
                                                                {"VpcId", vpc.ref()},
                                                                {"Enabled", i % 2 == 0},
                                                                {"Tags", cdk::List{cdk::Map{{"Key", "Name"}, {"Value", "r" + n}},
                                                                                   cdk::Map{{"Key", "Team"}, {"Value", "infra"}}}}}});
  }

  const auto synth_start = Clock::now();
  auto t = cdk::assertions::Template::from_stack(stack);
  const double synth_ms = std::chrono::duration<double, std::milli>(Clock::now() - synth_start).count();
  std::printf("template: 500 resources, %zu bytes of JSON; Template::from_stack took %.2f ms\n",
              t.to_json_string().size(), synth_ms);
  std::printf("%d calls each:\n", iterations);

  report("has_resource_properties, literal, match is the last subnet", micros_per_call(iterations, [&] {
           t.has_resource_properties("Custom::Subnet", {{"Name", "resource-495"}, {"Index", 495}});
         }));
  report("has_resource_properties, matchers (array_with, object_like, regexp)", micros_per_call(iterations, [&] {
           t.has_resource_properties(
               "Custom::Bucket",
               {{"Name", Match::string_like_regexp("-2$")},
                {"Tags", Match::array_with({Match::object_like({{"Key", "Team"}, {"Value", "infra"}})})},
                {"VpcId", vpc.ref()}});
         }));
  report("has_resource_properties, a type that is absent (scans all 500)", micros_per_call(iterations, [&] {
           try {
             t.has_resource_properties("AWS::Lambda::Function", {{"Name", "x"}});
           } catch (const cdk::assertions::AssertionError&) {
           }
         }));
  report("resource_count_is", micros_per_call(iterations, [&] { t.resource_count_is("Custom::Queue", 100); }));
  report("all_resources_properties over 100 resources", micros_per_call(iterations, [&] {
           t.all_resources_properties("Custom::Topic", {{"VpcId", cdk::Map{{"Ref", "Vpc"}}}});
         }));
  report("failing has_resource_properties (builds the full message)", micros_per_call(iterations, [&] {
           try {
             t.has_resource_properties("Custom::Subnet", {{"Name", "resource-9999"}});
           } catch (const cdk::assertions::AssertionError&) {
           }
         }));
  return 0;
}
