#!/usr/bin/env bash
# The official cdk CLI accepts a sample as its app: `cdk ls` lists exactly the stacks of
# the sample's expected/ folder, and `cdk synth` succeeds and writes those templates,
# equal to expected/ but for the aws:cdk:path resource metadata that the CLI asks for
# (context aws:cdk:enable-path-metadata), as CDK apps write it.
# usage: cdk_cli_check.sh SAMPLE_BINARY EXPECTED_DIR PREFIX
# PREFIX is where cdk_cli_setup.sh installed aws-cdk.
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

# Synth of an environment-agnostic stack needs no AWS account; dummy credentials and an
# empty configuration make sure nothing real is used if the CLI looks anyway.
export CDK_DISABLE_VERSION_CHECK=1 CDK_DISABLE_CLI_TELEMETRY=true CDK_HOME="$work/cdk-home"
# The AWS SDK inside the CLI warns on every run about Node versions it will drop later.
export NODE_NO_WARNINGS=1
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
export AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
unset AWS_PROFILE CDK_OUTDIR CDK_CONTEXT_JSON

# "app" is a shell command line for the CLI: quote the path, escape it for JSON.
app_json=$(printf '%s' "\"$binary\"" | sed 's/\\/\\\\/g; s/"/\\"/g')
printf '{\n  "app": "%s"\n}\n' "$app_json" >"$work/cdk.json"

expected_stacks=$(cd "$expected_dir" && ls -- *.template.json | sed 's/\.template\.json$//' | sort)

listed=$(cd "$work" && "$cdk" ls --no-notices) || fail "cdk ls failed"
echo "cdk ls:"
echo "$listed"
[[ "$(sort <<<"$listed")" == "$expected_stacks" ]] ||
  fail "cdk ls listed other stacks than expected/ holds: $(echo $expected_stacks)"

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
for template in "$expected_dir"/*.template.json; do
  name=$(basename "$template")
  [[ -f "$work/cdk.out/$name" ]] || fail "cdk synth did not write $name"
  node -e "$compare_js" "$template" "$work/cdk.out/$name" ||
    fail "cdk synth wrote a $name that differs from expected/ (beyond aws:cdk:path metadata)"
done
echo "cdk synth wrote the expected templates (plus aws:cdk:path metadata) into cdk.out"
