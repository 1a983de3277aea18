#!/usr/bin/env bash
# Fixture of the checks that run npm packages: installs PACKAGES with npm into PREFIX in
# the build tree, unless PREFIX/node_modules/CHECK is there already.
#   npm_setup.sh PREFIX CHECK PACKAGE...
# The cdk CLI checks use aws-cdk@2 (CHECK .bin/cdk); the CDK comparison of the samples
# uses aws-cdk-lib and constructs (CHECK aws-cdk-lib).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

prefix=$1
check=$2
shift 2
if [[ ! -e "$prefix/node_modules/$check" ]]; then
  require_command node "install Node.js 18 or newer"
  require_command npm "install npm"
  # Few retries: without the registry this should skip soon, not hang for minutes.
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error --fetch-retries=1 \
    --fetch-timeout=60000 "$@" ||
    missing_tool "npm could not install $* (is registry.npmjs.org reachable?)"
fi
for package in "$@"; do
  name=${package%@*}
  [[ -n "$name" ]] || name=$package  # a scoped name without a version
  version=$(node -p "require('$prefix/node_modules/$name/package.json').version" 2>/dev/null) ||
    fail "$name is not installed in $prefix"
  echo "$name $version in $prefix"
done
