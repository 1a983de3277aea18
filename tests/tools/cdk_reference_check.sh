#!/usr/bin/env bash
# A sample against the same program written for aws-cdk-lib: both synthesize, and their
# cloud assemblies must agree (compare_reference.py: every template JSON-equal apart from
# the sample's documented differences, nested assemblies included, and the manifests'
# stacks, stages, names, environments, tags and dependencies).
# usage: cdk_reference_check.sh SAMPLE_BINARY PROGRAM_JS PREFIX [DIFFERENCES_JSON] [-- ARG...]
# PREFIX is where npm_setup.sh installed aws-cdk-lib; DIFFERENCES_JSON may be "" (none).
# ARGs go to both programs (the benchmark's apps take their size).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

binary=$1
program=$2
prefix=$3
differences=${4:-}
shift $(($# < 4 ? $# : 4))
[[ ${1:-} == -- ]] && shift
[[ -d "$prefix/node_modules/aws-cdk-lib" ]] ||
  missing_tool "aws-cdk-lib is not installed in $prefix (see the test tools.cdk_lib_setup)"
require_command node "aws-cdk-lib runs on Node.js"
require_command python3 "the comparison is written in Python"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset CDK_CONTEXT_JSON
synth_sample "$binary" "$work/ours" "$@"
CDK_OUTDIR="$work/cdk" NODE_PATH="$prefix/node_modules" node "$program" "$@" ||
  fail "aws-cdk-lib could not synthesize $program"
args=("$work/ours" "$work/cdk")
[[ -n "$differences" && -f "$differences" ]] && args+=("$differences")
python3 "$(dirname "${BASH_SOURCE[0]}")/compare_reference.py" "${args[@]}"
