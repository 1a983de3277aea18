#!/usr/bin/env bash
# Builds cdkpp in Release in build-bench/ and prints the synth benchmark table.
#   bench/run.sh [extra cdkpp_synth_bench options, e.g. --repeat 3 --sizes 10000]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CDKPP_BENCH_BUILD_DIR:-$root/build-bench}

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCDKPP_BENCH=ON -DCDKPP_SAMPLES=ON -DCDKPP_TEST=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null

samples=()
for binary in "$build"/samples/bin/*; do
  [[ -x $binary && -f $binary ]] && samples+=(--sample "$binary")
done

echo "cdkpp synth benchmark: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)"
"$build"/bench/cdkpp_synth_bench "${samples[@]}" "$@"
