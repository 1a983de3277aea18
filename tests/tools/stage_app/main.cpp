// A small app with stages for the cdk CLI check (cdk_cli_stages_check.sh): a stack of
// the app, a stage with an environment holding a stack, a stack nested in a construct
// and a nested stage with its own name, and a second stage. aws-cdk-lib 2.276 writes the
// same stack names, artifact ids and nested assemblies for the same program, and the
// CLI lists both the same way.
#include <cdk/cdk.hpp>
#include <cdk/cloudformation/cfn_wait_condition_handle.hpp>

namespace {
cdk::Stack& stack(cdk::Construct& scope, const char* id, cdk::StackProps props = {}) {
  auto& s = scope.add<cdk::Stack>(id, std::move(props));
  s.add<cdk::cloudformation::CfnWaitConditionHandle>("H");
  return s;
}
}  // namespace

int main(int argc, char** argv) {
  cdk::App app{argc, argv};
  stack(app, "Net");
  auto& prod = app.add<cdk::Stage>("Prod", {.env = {.account = "123456789012", .region = "eu-west-1"}});
  auto& api = stack(prod, "Api");
  auto& inner = stack(prod.add<cdk::Construct>("Group"), "Inner", {.env = {.region = "us-east-1"}});
  inner.add_stack_dependency(api);
  auto& eu = prod.add<cdk::Stage>("Eu", {.stage_name = "Europe"});
  stack(eu, "Web");
  stack(eu, "Named", {.stack_name = "my-named"});
  auto& dev = app.add<cdk::Stage>("Dev");
  stack(dev, "Api");
  return app.synth_main();
}
