#!/usr/bin/env bash
# Fuzz smoke runs: builds the libFuzzer targets of fuzz/ once with clang (their own small
# CMake project, sanitizers on), then runs each for a short while from its committed seed
# corpus. Any crash, leak, undefined behaviour, uncaught exception, broken property or
# hang fails the check; the input that caused it is left in the target's work folder
# (crash-*, leak-*, timeout-*, oom-*) to be added to the corpus once fixed.
#
#   run_fuzz.sh build SOURCE_DIR WORK_DIR                     (ctest fixture fuzz.build)
#   run_fuzz.sh run SOURCE_DIR WORK_DIR TARGET SECONDS [DICT] (ctest fuzz.TARGET)
set -euo pipefail
source "$(dirname "$0")/../tools/common.sh"

mode=$1 source_dir=$2 work_dir=$3
build_dir=$work_dir/build

require_command clang++ "install it with scripts/install-deps.sh --test"
if ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }' |
    clang++ -x c++ -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
  missing_tool "clang++ cannot link libFuzzer (the libclang-rt-*-dev package)"
fi

if [[ $mode == build ]]; then
  cmake -S "$source_dir/fuzz" -B "$build_dir" -DCMAKE_CXX_COMPILER=clang++ >/dev/null ||
    fail "configuring the fuzz targets failed"
  cmake --build "$build_dir" -j2 >"$work_dir/build.log" 2>&1 || {
    tail -n 40 "$work_dir/build.log" >&2
    fail "building the fuzz targets failed"
  }
  echo "fuzz targets built in $build_dir"
  exit 0
fi

target=$4 seconds=$5 dict=${6:-}
binary=$build_dir/fuzz_$target
[[ -x $binary ]] || fail "$binary does not exist (the fixture fuzz.build builds it)"
# The run grows its own corpus in the work folder; the committed seeds stay untouched.
run_dir=$work_dir/$target
mkdir -p "$run_dir/corpus"
cd "$run_dir"
rm -f crash-* leak-* timeout-* oom-*
if ! "$binary" ${dict:+-dict="$dict"} -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$run_dir/corpus" "$source_dir/fuzz/corpus/$target" >"$run_dir/fuzz.log" 2>&1; then
  tail -n 60 "$run_dir/fuzz.log" >&2
  fail "fuzz_$target found a problem; the input is in $run_dir: $(ls crash-* leak-* timeout-* oom-* 2>/dev/null | tr '\n' ' ')"
fi
grep -E '^(Done|stat::number_of_executed_units)' "$run_dir/fuzz.log" || true
echo "fuzz_$target: no crash, leak, undefined behaviour, broken property or hang in ${seconds} s"
