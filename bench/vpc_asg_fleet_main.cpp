// The fleet app as a synth program, like `node bench/cdk/vpc_asg_fleet.js N`:
//   cdkpp_vpc_asg_fleet COPIES      (CDK_OUTDIR: where to write)
// The test bench.vpc_asg_fleet.cdk_reference compares the two programs' assemblies.
#include <cstdlib>
#include <iostream>

#include <cdk/cdk.hpp>

#include "vpc_asg_fleet.hpp"

int main(int argc, char** argv) {
  const long copies = argc == 2 ? std::strtol(argv[1], nullptr, 10) : 0;
  if (copies <= 0) {
    std::cerr << "usage: cdkpp_vpc_asg_fleet COPIES (a positive integer)\n";
    return 2;
  }
  cdk::App app;
  bench::build_vpc_asg_fleet(app, static_cast<std::size_t>(copies));
  return app.synth_main();
}
