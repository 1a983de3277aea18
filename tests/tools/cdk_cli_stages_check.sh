#!/usr/bin/env bash
# The official cdk CLI reads the nested assemblies of stages that cdkpp writes: `cdk ls`
# lists every stack of every stage exactly as it lists those of the same program written
# with aws-cdk-lib 2.276 (same lines, same order), selects stacks by stage pattern, and
# `cdk synth` of a stack in a nested stage prints its template.
# usage: cdk_cli_stages_check.sh STAGE_APP_BINARY PREFIX
# PREFIX is where npm_setup.sh installed aws-cdk (the test tools.cdk_cli_setup).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

binary=$1
prefix=$2
cdk="$prefix/node_modules/.bin/cdk"
[[ -x "$cdk" ]] || missing_tool "the cdk CLI is not installed in $prefix (see the test tools.cdk_cli_setup)"
require_command node "the cdk CLI runs on Node.js"
[[ -x "$binary" ]] || fail "binary '$binary' does not exist"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cdk_cli_project "$work" "$binary"

# expect WHAT EXPECTED ACTUAL
expect() {
  [[ "$2" == "$3" ]] || fail "$1: expected"$'\n'"$2"$'\n'"got"$'\n'"$3"
  echo "$1: ok"
}

listed=$(cd "$work" && "$cdk" ls --no-notices) || fail "cdk ls failed"
expect "cdk ls" "Net
Prod/Api (Prod-Api)
Prod/Group/Inner (Prod-GroupInner92CB7A4B)
Dev/Api (Dev-Api)
Prod/Eu/Web (Prod-Europe-Web)
Prod/Eu/Named (my-named)" "$listed"

selected=$(cd "$work" && "$cdk" ls 'Prod/**' --no-notices) || fail "cdk ls 'Prod/**' failed"
expect "cdk ls 'Prod/**'" "Prod/Api (Prod-Api)
Prod/Group/Inner (Prod-GroupInner92CB7A4B)
Prod/Eu/Web (Prod-Europe-Web)
Prod/Eu/Named (my-named)" "$selected"

long=$(cd "$work" && "$cdk" ls --long --no-notices) || fail "cdk ls --long failed"
grep -q 'name: aws://123456789012/us-east-1' <<<"$long" || fail "cdk ls --long: Prod/Group/Inner is not in us-east-1: $long"
echo "cdk ls --long: environments ok"

template=$(cd "$work" && "$cdk" synth Prod/Eu/Web --no-notices) || fail "cdk synth Prod/Eu/Web failed"
grep -q 'aws:cdk:path: Prod/Eu/Web/H' <<<"$template" || fail "cdk synth Prod/Eu/Web printed another template: $template"
echo "cdk synth Prod/Eu/Web: ok"
for file in manifest.json assembly-Prod/manifest.json assembly-Prod/assembly-Prod-Eu/manifest.json \
  assembly-Prod/assembly-Prod-Eu/ProdEuWebDAB33A8F.template.json assembly-Dev/DevApi52A53550.template.json; do
  [[ -f "$work/cdk.out/$file" ]] || fail "cdk synth did not leave $file in cdk.out"
done
echo "nested assemblies in cdk.out: ok"
