// CDK's default VPC: `new ec2.Vpc(stack, 'Vpc')` in an environment-agnostic stack. Two
// AZs (Fn::GetAZs), a public and a private subnet in each, an internet gateway and a NAT
// gateway per AZ; the template equals CDK's for the same program.
#include <cdk/cdk.hpp>
#include <cdk/ec2.hpp>

int main(int argc, char** argv) {
  cdk::App app{argc, argv};
  auto& stack = app.add<cdk::Stack>("VpcDefault");
  stack.add<cdk::ec2::Vpc>("Vpc");
  return app.synth_main();
}
