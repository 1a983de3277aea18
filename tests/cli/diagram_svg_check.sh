#!/usr/bin/env bash
# cdkpp diagram renders the newsblog sample's cloud assembly to SVG through Graphviz: the
# file is well-formed SVG holding the boxes and labels an architect expects (VPC, public
# and private subnets, NAT gateways, the auto scaling group, its launch template, role);
# DOT goes to standard output; a missing Graphviz is [cdk.diagram.GraphvizMissing], exit 2.
# Without Graphviz the check skips (exit 77), and fails under CI=true.
# usage: diagram_svg_check.sh CDKPP NEWSBLOG_SAMPLE WORK_DIR
source "$(dirname "${BASH_SOURCE[0]}")/../tools/common.sh"

program=$1
sample=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
synth_sample "$sample" "$work/cdk.out"

# DOT works everywhere, with or without Graphviz.
"$program" diagram "$work/cdk.out" >"$work/newsblog.dot" || fail "cdkpp diagram (DOT) exited with $?"
grep -q '^digraph "cdkpp" {$' "$work/newsblog.dot" || fail "the DOT does not start a digraph"
grep -qF 'subgraph "cluster:NewsBlogStack/NewsBlogVPC/PublicSubnet1" {' "$work/newsblog.dot" ||
  fail "the DOT has no box for the construct NewsBlogVPC/PublicSubnet1 (the manifest's construct paths)"

# Where Graphviz is not installed, a clear error with its code.
set +e
PATH=/nonexistent "$program" diagram "$work/cdk.out" --format svg -o "$work/none.svg" 2>"$work/missing.err"
rc=$?
set -e
[[ $rc -eq 2 ]] || fail "cdkpp diagram without Graphviz exited with $rc, not 2"
grep -qF '[cdk.diagram.GraphvizMissing]' "$work/missing.err" || fail "no GraphvizMissing error: $(cat "$work/missing.err")"
[[ ! -e "$work/none.svg" ]] || fail "a failed render left $work/none.svg"

require_command dot "Graphviz renders the SVG; scripts/install-deps.sh --test installs it"
"$program" diagram "$work/cdk.out" -o "$work/newsblog.svg" || fail "cdkpp diagram -o newsblog.svg exited with $?"
python3 - "$work/newsblog.svg" <<'PY' || fail "the SVG is not what was expected (above)"
import sys
import xml.etree.ElementTree as ET

tree = ET.parse(sys.argv[1])  # well-formed XML, or an exception
root = tree.getroot()
ns = "{http://www.w3.org/2000/svg}"
assert root.tag == ns + "svg", f"the root element is {root.tag}"
texts = [t.text or "" for t in root.iter(ns + "text")]
titles = [t.text or "" for t in root.iter(ns + "title")]
want = ["NewsBlogStack", "NewsBlogVPC", "PublicSubnet1", "PublicSubnet2", "PrivateSubnet1", "PrivateSubnet2",
        "Public subnet", "Private subnet", "NAT gateway", "Internet gateway", "Route table", "Subnet",
        "Auto Scaling group", "Launch template", "Instance profile", "IAM role", "Security group",
        "YourAppAutoScalingGroup", "InstanceRole"]
missing = [w for w in want if w not in texts]
assert not missing, f"labels missing from the SVG: {missing}"
clusters = [t for t in titles if t.startswith("cluster:")]
assert "cluster:NewsBlogStack/NewsBlogVPC/PrivateSubnet2" in clusters, f"clusters: {clusters}"
edges = [t for t in titles if "->" in t]
assert "NewsBlogStack/YourAppAutoScalingGroupASG25E70A32->NewsBlogStack/NewsBlogVPCPrivateSubnet1SubnetDDAE3CBA" in edges, edges
print(f"newsblog.svg: {len(texts)} text elements, {len(clusters)} boxes, {len(edges)} edges")
PY
echo "cdkpp diagram rendered newsblog to well-formed SVG with its labels"
