#!/usr/bin/env bash
# The official cdk CLI accepts a sample as its app: `cdk ls` lists exactly the stacks of
# the sample's expected/ folder (those of stages as `Stage/Stack (Stage-Stack)`, read
# from nested assemblies), and `cdk synth` succeeds and writes those templates,
# equal to expected/ but for the aws:cdk:path resource metadata that the CLI asks for
# (context aws:cdk:enable-path-metadata), as CDK apps write it.
# usage: cdk_cli_check.sh SAMPLE_BINARY EXPECTED_DIR PREFIX
# PREFIX is where npm_setup.sh installed aws-cdk (the test tools.cdk_cli_setup).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

binary=$1
expected_dir=$2
prefix=$3
cdk="$prefix/node_modules/.bin/cdk"
[[ -x "$cdk" ]] || missing_tool "the cdk CLI is not installed in $prefix (see the test tools.cdk_cli_setup)"
require_command node "the cdk CLI runs on Node.js"
[[ -x "$binary" ]] || fail "sample binary '$binary' does not exist"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cdk_cli_project "$work" "$binary"

# What `cdk ls` must print: a line per template of expected/, named as the manifest
# names its stack: the display name, and the stack name in parentheses when it differs.
synth_sample "$binary" "$work/ours"
expected_templates=$(cd "$expected_dir" && find . -name '*.template.json' | sed 's|^\./||' | LC_ALL=C sort)
expected_stacks=""
while read -r stack_name template display_name; do
  grep -qxF "$template" <<<"$expected_templates" || fail "the sample's stack $display_name ($template) is not in expected/"
  line=$display_name
  [[ "$stack_name" == "$display_name" ]] || line="$display_name ($stack_name)"
  expected_stacks+="$line"$'\n'
done < <(python3 "$(dirname "${BASH_SOURCE[0]}")/cfn_expectations.py" stacks "$work/ours/manifest.json")
expected_stacks=$(LC_ALL=C sort <<<"${expected_stacks%$'\n'}")
(($(wc -l <<<"$expected_stacks") == $(wc -l <<<"$expected_templates"))) ||
  fail "the sample's manifest names $(wc -l <<<"$expected_stacks") stacks, expected/ holds $(wc -l <<<"$expected_templates")"

listed=$(cd "$work" && "$cdk" ls --no-notices) || fail "cdk ls failed"
echo "cdk ls:"
echo "$listed"
[[ "$(LC_ALL=C sort <<<"$listed")" == "$expected_stacks" ]] ||
  fail "cdk ls listed other stacks than the sample's expected/: $(echo $expected_stacks)"

(cd "$work" && "$cdk" synth --no-notices >"$work/synth.out") || fail "cdk synth failed"
echo "cdk synth: ok ($(wc -l <"$work/synth.out") lines printed)"
# node runs the CLI anyway, so it also compares the templates.
compare_js='
const fs = require("fs");
const [expected, actual] = process.argv.slice(1).map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
for (const resource of Object.values(actual.Resources || {})) {
  if (!resource.Metadata) continue;
  delete resource.Metadata["aws:cdk:path"];
  if (Object.keys(resource.Metadata).length === 0) delete resource.Metadata;
}
process.exit(JSON.stringify(expected) === JSON.stringify(actual) ? 0 : 1);'
while read -r name; do
  [[ -f "$work/cdk.out/$name" ]] || fail "cdk synth did not write $name"
  node -e "$compare_js" "$expected_dir/$name" "$work/cdk.out/$name" ||
    fail "cdk synth wrote a $name that differs from expected/ (beyond aws:cdk:path metadata)"
done <<<"$expected_templates"
echo "cdk synth wrote the expected templates (plus aws:cdk:path metadata) into cdk.out"
