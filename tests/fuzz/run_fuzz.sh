#!/usr/bin/env bash
# Fuzz smoke run: builds the libFuzzer targets of fuzz/ with clang (their own small CMake
# project, sanitizers on) and runs each for a short while from its committed seed corpus.
# Any crash, leak, undefined behaviour, uncaught exception or hang fails the check; the
# input that caused it is left in the work folder (crash-*, leak-*, timeout-*) to be
# added to the corpus once fixed.
#
#   run_fuzz.sh SOURCE_DIR WORK_DIR TARGET SECONDS
set -euo pipefail
source "$(dirname "$0")/../tools/common.sh"

source_dir=$1 work_dir=$2 target=$3 seconds=$4

require_command clang++ "install it with scripts/install-deps.sh --test"
if ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }' |
    clang++ -x c++ -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
  missing_tool "clang++ cannot link libFuzzer (the libclang-rt-*-dev package)"
fi

build_dir=$work_dir/build
cmake -S "$source_dir/fuzz" -B "$build_dir" -DCMAKE_CXX_COMPILER=clang++ >/dev/null ||
  fail "configuring the fuzz targets failed"
cmake --build "$build_dir" --target "fuzz_$target" -j2 >/dev/null || fail "building fuzz_$target failed"

# The run grows its own corpus in the work folder; the committed seeds stay untouched.
corpus=$work_dir/corpus/$target
mkdir -p "$corpus"
cd "$work_dir"
rm -f crash-* leak-* timeout-* oom-*
if ! "$build_dir/fuzz_$target" -dict="$source_dir/fuzz/template.dict" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$corpus" "$source_dir/fuzz/corpus/$target" \
    >"$work_dir/fuzz.log" 2>&1; then
  tail -n 60 "$work_dir/fuzz.log" >&2
  fail "fuzz_$target found a problem; the input is in $work_dir: $(ls crash-* leak-* timeout-* oom-* 2>/dev/null | tr '\n' ' ')"
fi
grep -E '^(Done|stat::number_of_executed_units)' "$work_dir/fuzz.log" || true
echo "fuzz_$target: no crash, leak, undefined behaviour or hang in ${seconds} s"
