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

# synth_sample BINARY OUTDIR: runs a sample as the cdk CLI would, with CDK_OUTDIR.
synth_sample() {
  local binary=$1 outdir=$2
  [[ -x "$binary" ]] || fail "sample binary '$binary' does not exist"
  CDK_OUTDIR="$outdir" "$binary" || fail "'$binary' exited with status $?"
  [[ -n "$(templates_of "$outdir")" ]] || fail "'$binary' wrote no template into $outdir"
}

# templates_of ASSEMBLY_DIR: every template of an assembly, those of the nested
# assemblies of its stages (assembly-<stage>/) included, one path per line, sorted.
templates_of() {
  find "$1" -name '*.template.json' -type f | LC_ALL=C sort
}
