#!/usr/bin/env bash
# Fixture of the cdk CLI checks: installs the npm package aws-cdk (the official `cdk`
# CLI) into PREFIX in the build tree, unless it is there already.
# usage: cdk_cli_setup.sh PREFIX
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

prefix=$1
cdk="$prefix/node_modules/.bin/cdk"
if [[ ! -x "$cdk" ]]; then
  require_command node "install Node.js 18 or newer"
  require_command npm "install npm"
  # Major version 2: the CLI that reads cloud-assembly schema 38 (lib/synth/assembly_writer.cpp).
  # Few retries: without the registry this should skip soon, not hang for minutes.
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error --fetch-retries=1 \
    --fetch-timeout=60000 aws-cdk@2 ||
    missing_tool "npm could not install aws-cdk (is registry.npmjs.org reachable?)"
fi
echo "cdk CLI: $("$cdk" --version) in $prefix"
