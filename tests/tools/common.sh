# Shared helpers of the external-tool checks; sourced by the *_check.sh scripts.
# A check whose tool is missing skips (exit 77, ctest's SKIP_RETURN_CODE) so that users
# without the tool still get a green run; CI sets CI=true, where a missing tool fails.
set -euo pipefail

readonly skip_code=77

# missing_tool REASON
missing_tool() {
  if [[ "${CI:-}" == "true" ]]; then
    echo "FAILED: $1 (a missing tool is a failure under CI=true)" >&2
    exit 1
  fi
  echo "SKIPPED: $1"
  exit "$skip_code"
}

# require_command NAME HINT
require_command() {
  command -v "$1" >/dev/null 2>&1 || missing_tool "'$1' is not on PATH ($2)"
}

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

# synth_sample BINARY OUTDIR [ARG...]: runs a sample as the cdk CLI would, with CDK_OUTDIR.
synth_sample() {
  local binary=$1 outdir=$2
  shift 2
  [[ -x "$binary" ]] || fail "sample binary '$binary' does not exist"
  CDK_OUTDIR="$outdir" "$binary" "$@" || fail "'$binary' exited with status $?"
  [[ -n "$(templates_of "$outdir")" ]] || fail "'$binary' wrote no template into $outdir"
}

# templates_of ASSEMBLY_DIR: every template of an assembly, those of the nested
# assemblies of its stages (assembly-<stage>/) included, one path per line, sorted.
templates_of() {
  find "$1" -name '*.template.json' -type f | LC_ALL=C sort
}

# cdk_cli_project WORK APP_BINARY: makes WORK a project of the cdk CLI (a cdk.json whose
# "app" is APP_BINARY) and sets up the environment the CLI runs in here: no version
# check or telemetry, and dummy AWS credentials with an empty configuration, so that
# nothing real is used if the CLI looks (synth of an environment-agnostic stack needs no
# account).
cdk_cli_project() {
  local work=$1 binary=$2
  export CDK_DISABLE_VERSION_CHECK=1 CDK_DISABLE_CLI_TELEMETRY=true CDK_HOME="$work/cdk-home"
  # The AWS SDK inside the CLI warns on every run about Node versions it will drop later.
  export NODE_NO_WARNINGS=1
  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
  export AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
  export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
  unset AWS_PROFILE CDK_OUTDIR CDK_CONTEXT_JSON
  # "app" is a shell command line for the CLI: quote the path, escape it for JSON.
  local app_json
  app_json=$(printf '%s' "\"$binary\"" | sed 's/\\/\\\\/g; s/"/\\"/g')
  printf '{\n  "app": "%s"\n}\n' "$app_json" >"$work/cdk.json"
}
