#!/usr/bin/env bash
# The benchmarks in one command: builds cdkpp in Release in build-bench/, installs
# aws-cdk-lib with npm into it if missing (needs the npm registry once), then prints
# markdown tables ready for the README:
#   1. synth of the generated apps (100 to 50,000 resources), of 50 copies of a VPC + auto
#      scaling group stack and of the newsblog sample, against the same programs written
#      for aws-cdk-lib (bench/cdk/), with CDK's validator on and off; then the cost of each
#      further resource between sizes (bench/compare.py)
#   2. newsblog's touch-rebuild-synth loop against CDK's as-shipped synth (bench/newsblog.sh)
#   3. include cost of the main headers (bench/compile_time.sh)
#
#   bench/run.sh [--quick] [--no-compile] [bench/compare.py options]
#     --quick        about 2 minutes: 100 and 1,000 resources, 5 fleet copies, 3 cdkpp runs
#                    and 1 CDK run each, no compile-time figures
#     --no-compile   leave out 2 and 3 (2 builds the dev preset in build-bench-dev/ too)
#     --sizes 100,1000,10000,50000  --fleet 50  --repeat 5  --cdk-repeat 3
#     --cdk-large 10000   (see bench/compare.py)
# The default run takes about 3 minutes on a quiet 2-core machine once built; the first
# build takes much longer (every service's typed classes, in Release and for the dev
# preset's loop). CDKPP_BENCH_SERVICES (default all) restricts the services generated in
# build-bench/, for a quicker build while working on the benchmark itself.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CDKPP_BENCH_BUILD_DIR:-$root/build-bench}
npm_prefix=$build/npm-cdk-lib

compile=true
options=()
for arg in "$@"; do
  case $arg in
    --quick) options=(--sizes 100,1000 --fleet 5 --repeat 3 --cdk-repeat 1 "${options[@]}") compile=false ;;
    --no-compile) compile=false ;;
    *) options+=("$arg") ;;
  esac
done

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCDKPP_BENCH=ON -DCDKPP_SAMPLES=ON -DCDKPP_TEST=OFF -DCDKPP_TOOLS=OFF \
  -DCDKPP_SERVICES="${CDKPP_BENCH_SERVICES:-all}" >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null
# The version the samples' CDK comparisons use (tests/tools/CMakeLists.txt).
bash "$root/tests/tools/npm_setup.sh" "$npm_prefix" aws-cdk-lib aws-cdk-lib@2.276.0 constructs@10 >&2 ||
  { echo "bench/run.sh: aws-cdk-lib could not be installed into $npm_prefix" >&2; exit 1; }

python3 "$root/bench/compare.py" --build "$build" --npm "$npm_prefix" "${options[@]}"
if $compile; then
  echo
  "$root/bench/newsblog.sh"
  echo
  "$root/bench/compile_time.sh" "$build"
fi
