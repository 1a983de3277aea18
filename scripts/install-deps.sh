#!/usr/bin/env bash
# Installs what cdkpp needs on Debian 12 (bookworm), and only what is missing, so a
# second run is quick and touches nothing. Runs as root, or through sudo otherwise.
#
#   scripts/install-deps.sh          build dependencies
#   scripts/install-deps.sh --test   also the tools the test checks use (node, npm, aws, clang, dot)
#   scripts/install-deps.sh --dev    also the tools of the `dev` preset's quick edit-build loop
#                                    (ninja, lld) that bench/newsblog.sh uses too
#   --dry-run                        only say what would be installed
#
# Not everything the checks use is packaged by Debian: cfn-lint and moto come from
# PyPI. When they are missing this script says so; the checks that need them then
# report themselves skipped (or fail under CI=true).
set -euo pipefail

want_test_tools=false
want_dev_tools=false
dry_run=false
for arg in "$@"; do
  case "$arg" in
    --test) want_test_tools=true ;;
    --dev) want_dev_tools=true ;;
    --dry-run) dry_run=true ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "install-deps.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

# A Debian package counts as present when dpkg says it is installed.
has_package() {
  dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null | grep -qx installed
}

missing=()
need_package() {  # need_package PACKAGE [COMMAND]: skip when the command already exists
  if [[ $# -ge 2 ]] && command -v "$2" >/dev/null 2>&1; then return; fi
  has_package "$1" || missing+=("$1")
}

need_package g++ g++
need_package cmake cmake
need_package make make
need_package pkg-config pkg-config
# The -dev packages also ship the static archives that CDKPP_STATIC_DEPENDENCIES links
# (libyaml-cpp.a, libcrypto.a), and g++ brings libstdc++.a and libgcc's archives for the
# static C++ runtime of cdkpp_synth_program(). cdkpp does not use fmt.
need_package nlohmann-json3-dev
need_package libyaml-cpp-dev
need_package doctest-dev
need_package libssl-dev

if $want_test_tools; then
  # node and npm install the official cdk CLI into the build tree for its check; a
  # NodeSource nodejs already ships npm, so each is looked for as a command first.
  need_package nodejs node
  need_package npm npm
  need_package awscli aws
  # clang with its libFuzzer runtime builds the fuzz targets (fuzz/) for their smoke run.
  need_package clang clang++
  need_package libclang-rt-14-dev
  # Graphviz renders `cdkpp diagram --format svg` in the test cli.diagram.svg.
  need_package graphviz dot
fi

if $want_dev_tools; then
  need_package ninja-build ninja
  need_package lld ld.lld
fi

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n true 2>/dev/null || echo "install-deps.sh: sudo may ask for your password" >&2
    sudo "$@"
  else
    echo "install-deps.sh: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
}

if [[ ${#missing[@]} -gt 0 ]] && $dry_run; then
  echo "install-deps.sh: would install ${missing[*]}"
elif [[ ${#missing[@]} -gt 0 ]]; then
  echo "install-deps.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if $want_test_tools; then
  # Debian 12 packages neither cfn-lint nor moto; say so rather than fail here.
  for tool in cfn-lint moto_server; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "install-deps.sh: '$tool' is not installed and Debian does not package it" \
        "(pip install cfn-lint 'moto[server]'); its checks will be skipped" >&2
    fi
  done
fi
