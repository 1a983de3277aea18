#!/usr/bin/env bash
# Include cost of the public headers at -O0, as a user's translation unit pays it:
#   baseline   the standard headers the core's headers use
#   core       <cdk/cdk.hpp>
#   resource   <cdk/cdk.hpp> + one generated resource header (AWS::EC2::Instance)
#   service    <cdk/cdk.hpp> + the whole EC2 service header (<cdk/ec2/cfn.hpp>)
# Prints the median CPU time (user + sys) of N compiles of each and the cost over the
# baseline. Targets (issue 3): resource < 0.3 s, service < 1.5 s over the baseline.
#   bench/compile_time.sh [build-dir] [runs]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
runs=${2:-5}
cxx=${CXX:-g++}
generated=$build/generated/include
[[ -f $generated/cdk/ec2/cfn.hpp ]] || { echo "build $build first (generated headers missing)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '#include <cstdint>\n#include <functional>\n#include <initializer_list>\n#include <memory>\n#include <optional>\n#include <span>\n#include <stdexcept>\n#include <string>\n#include <string_view>\n#include <utility>\n#include <variant>\n#include <vector>\nint main() {}\n' >"$work/baseline.cpp"
printf '#include <cdk/cdk.hpp>\nint main() {}\n' >"$work/core.cpp"
printf '#include <cdk/cdk.hpp>\n#include <cdk/ec2/cfn_instance.hpp>\nint main() {}\n' >"$work/resource.cpp"
printf '#include <cdk/cdk.hpp>\n#include <cdk/ec2/cfn.hpp>\nint main() {}\n' >"$work/service.cpp"

# CPU seconds of one compile.
cpu_seconds() {
  local t
  t=$( { /usr/bin/env time -f '%U %S' "$cxx" -std=c++20 -O0 -I"$root/include" -I"$generated" -c "$1" -o /dev/null; } 2>&1 | tail -1)
  awk '{printf "%.3f", $1 + $2}' <<<"$t"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A result
for name in baseline core resource service; do
  result[$name]=$(for ((i = 0; i < runs; i++)); do cpu_seconds "$work/$name.cpp"; echo; done | median)
done

echo "include cost at -O0 ($cxx, median of $runs, CPU seconds; $(nproc) cores)"
printf '%-10s %8s %10s\n' unit seconds "over base"
for name in baseline core resource service; do
  printf '%-10s %8.3f %10.3f\n' "$name" "${result[$name]}" "$(awk -v a="${result[$name]}" -v b="${result[baseline]}" 'BEGIN{print a-b}')"
done
