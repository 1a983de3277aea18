#!/usr/bin/env bash
# Every template a sample synthesizes passes cfn-lint with no error and no warning.
# usage: cfn_lint_check.sh SAMPLE_BINARY [CFN_LINT_CONFIG]
# CFN_LINT_CONFIG is a sample's own cfnlintrc, for a deliberate exception it documents.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

binary=$1
config=${2:-}
require_command cfn-lint "install it with: pip install cfn-lint"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
synth_sample "$binary" "$work/cdk.out"

args=()
[[ -n "$config" ]] && args+=(--config-file "$config")
status=0
while IFS= read -r template; do
  # Run inside the empty work folder so that no .cfnlintrc of the caller applies.
  rc=0
  (cd "$work" && cfn-lint "${args[@]}" -- "$template") || rc=$?
  name=${template#"$work/cdk.out/"}
  if ((rc == 0)); then
    echo "cfn-lint: $name is clean"
  else
    # cfn-lint's exit status is a bit mask: 2 errors, 4 warnings, 8 informational.
    echo "cfn-lint: $name has findings (exit $rc)" >&2
    status=1
  fi
done < <(templates_of "$work/cdk.out")
exit "$status"
