// The generated app as a synth program, like `node bench/cdk/generated_app.js N`:
//   cdkpp_generated_app RESOURCES      (CDK_OUTDIR: where to write)
// The test bench.generated_app.cdk_reference compares the two programs' assemblies.
#include <cstdlib>
#include <iostream>

#include <cdk/cdk.hpp>

#include "generated_app.hpp"

int main(int argc, char** argv) {
  const long resources = argc == 2 ? std::strtol(argv[1], nullptr, 10) : 0;
  if (resources <= 0) {
    std::cerr << "usage: cdkpp_generated_app RESOURCES (a positive integer)\n";
    return 2;
  }
  cdk::App app;
  bench::build_generated_app(app, static_cast<std::size_t>(resources));
  return app.synth_main();
}
