#!/usr/bin/env bash
# The newsblog sample against the same program written for aws-cdk-lib, on this machine
# in one run (issue 5's targets):
#   synth      whole-process time of `newsblog` (Release; libcrypto, yaml-cpp and the C++
#              runtime linked statically, as CDKPP_STATIC_DEPENDENCIES does by default:
#              the label says which) and of CDK's `node newsblog.js`, as shipped and
#              with CDK's built-in template validator off (CDK_VALIDATION=false);
#              target: cdkpp >= 100x faster than the latter
#   rebuild    touch samples/newsblog/main.cpp, rebuild the sample and synth, in the
#              `dev` preset's configuration (Debug -O0 -g, shared libcdkpp, lld, Ninja,
#              the samples' precompiled header; needs scripts/install-deps.sh --dev);
#              target: under half of CDK's as-shipped synth
# Median of N runs (default 10; 3 for the rebuild). aws-cdk-lib is installed with npm into
# <build>/npm-cdk-lib the first time (needs the npm registry).
#   bench/newsblog.sh [runs]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
release=${CDKPP_BENCH_BUILD_DIR:-$root/build-bench}
debug=${CDKPP_BENCH_DEBUG_DIR:-$root/build-bench-dev}
npm_prefix=$release/npm-cdk-lib
cdk_lib_version=2.276.0

cmake -S "$root" -B "$release" -DCMAKE_BUILD_TYPE=Release -DCDKPP_BENCH=ON -DCDKPP_SAMPLES=ON -DCDKPP_TEST=OFF >/dev/null
cmake --build "$release" -j"$(nproc)" --target newsblog >/dev/null
# The dev preset (CMakePresets.json), in a folder of its own. No compiler cache here: a
# touched file would come back from the cache, and a real edit does not.
(cd "$root" && cmake --preset dev -B "$debug" -DCDKPP_BENCH=OFF -DCDKPP_SAMPLES=ON -DCDKPP_TEST=OFF \
  -DCMAKE_CXX_COMPILER_LAUNCHER= >/dev/null)
cmake --build "$debug" -j"$(nproc)" --target newsblog >/dev/null
if [[ ! -d $npm_prefix/node_modules/aws-cdk-lib ]]; then
  npm install --prefix "$npm_prefix" --no-save --no-audit --no-fund "aws-cdk-lib@$cdk_lib_version" constructs >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bench/cdk"
cp "$root/bench/cdk/newsblog.js" "$work/bench/cdk/"
ln -s "$root/samples" "$work/samples"

# Median wall seconds of N runs of a command, each into a fresh output folder as `cdk
# synth` does; timed from Python so that the timer's own start-up is not counted.
times() {
  python3 - "$work/out" "$@" <<'PY'
import os, shutil, statistics, subprocess, sys, time
out, runs, command = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
env = dict(os.environ, CDK_OUTDIR=out)
samples = []
for _ in range(runs):
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    samples.append(time.perf_counter() - start)
print(f"{statistics.median(samples):.4f}")
PY
}

ours=$(times "$runs" "$release/samples/bin/newsblog")
linking="shared deps"
if grep -qx 'CDKPP_STATIC_DEPENDENCIES:BOOL=ON' "$release/CMakeCache.txt"; then linking="static deps"; fi
export NODE_PATH=$npm_prefix/node_modules
cdk_shipped=$(times "$runs" node "$work/bench/cdk/newsblog.js")
cdk_no_validation=$(times "$runs" env CDK_VALIDATION=false node "$work/bench/cdk/newsblog.js")

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

rebuild_once() {
  local start end
  touch "$root/samples/newsblog/main.cpp"
  start=$(date +%s.%N)
  cmake --build "$debug" --target newsblog >/dev/null
  CDK_OUTDIR="$work/out" "$debug/samples/bin/newsblog" >/dev/null
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN{printf "%.3f\n", e - s}'
}
rebuild=$(for _ in 1 2 3; do rebuild_once; done | median)

echo "newsblog: cdkpp against aws-cdk-lib $cdk_lib_version ($(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))"
printf '%-44s %10s %10s\n' "" seconds "cdkpp is"
printf '%-44s %10.4f\n' "cdkpp newsblog synth (Release, $linking)" "$ours"
printf '%-44s %10.4f %9.0fx\n' "CDK node newsblog.js (as shipped)" "$cdk_shipped" "$(awk -v a="$cdk_shipped" -v b="$ours" 'BEGIN{print a/b}')"
printf '%-44s %10.4f %9.0fx\n' "CDK node newsblog.js (CDK_VALIDATION=false)" "$cdk_no_validation" "$(awk -v a="$cdk_no_validation" -v b="$ours" 'BEGIN{print a/b}')"
printf '%-44s %10.3f %9.2fx\n' "cdkpp touch + rebuild (dev preset) + synth" "$rebuild" "$(awk -v a="$cdk_shipped" -v b="$rebuild" 'BEGIN{print a/b}')"
