#!/usr/bin/env python3
"""Compares the templates a sample wrote with what CDK synthesized for the same program.

  compare_reference.py OUTDIR REFERENCE_DIR [DIFFERENCES_JSON]

Every *.template.json of REFERENCE_DIR must have a JSON-equal counterpart in OUTDIR
(key order free), except for the differences DIFFERENCES_JSON documents. That file
lists deliberate differences (the README's "Differences from CDK"), each with a reason:

  {"templates": {"<file>.template.json": {
      "only_in_reference": {"<section>/<logical id>": "why"},
      "only_in_ours":      {"<section>/<logical id>": "why"},
      "changed":           {"<section>/<logical id>/<key>[/<key>...]": "why"}}}}

A listed path must really differ (a stale entry fails too); everything else is equal.
"""
import json
import os
import sys


def load(path):
    with open(path) as f:
        return json.load(f)


def lookup(tree, parts):
    for part in parts:
        if isinstance(tree, dict) and part in tree:
            tree = tree[part]
        else:
            return None, False
    return tree, True


def remove(tree, parts):
    node, found = lookup(tree, parts[:-1])
    if found and isinstance(node, dict):
        node.pop(parts[-1], None)


def compare(name, ours, reference, allowed):
    problems = []
    for key, kind in (("only_in_reference", (True, False)), ("only_in_ours", (False, True)),
                      ("changed", (True, True))):
        for path, why in allowed.get(key, {}).items():
            parts = path.split("/")
            ref_value, in_ref = lookup(reference, parts)
            our_value, in_ours = lookup(ours, parts)
            if key == "changed" and not (in_ref or in_ours):
                problems.append(f"{name}: {path}: listed as changed but absent from both")
            elif key != "changed" and (in_ref, in_ours) != kind:
                problems.append(f"{name}: {path}: listed as {key} but is not ({why})")
            elif key == "changed" and in_ref and in_ours and ref_value == our_value:
                problems.append(f"{name}: {path}: listed as changed but equal ({why})")
            remove(reference, parts)
            remove(ours, parts)
    if ours != reference:
        problems.extend(describe(name, ours, reference, []))
    return problems


def describe(name, ours, reference, path):
    if isinstance(ours, dict) and isinstance(reference, dict):
        out = []
        for key in sorted(set(ours) | set(reference)):
            where = path + [key]
            if key not in ours:
                out.append(f"{name}: {'/'.join(where)}: only in CDK's template")
            elif key not in reference:
                out.append(f"{name}: {'/'.join(where)}: only in ours")
            elif ours[key] != reference[key]:
                out.extend(describe(name, ours[key], reference[key], where))
        return out
    return [f"{name}: {'/'.join(path)}: ours {json.dumps(ours)[:300]} != CDK's {json.dumps(reference)[:300]}"]


def main():
    outdir, reference_dir = sys.argv[1], sys.argv[2]
    differences = load(sys.argv[3]).get("templates", {}) if len(sys.argv) > 3 else {}
    names = sorted(n for n in os.listdir(reference_dir) if n.endswith(".template.json"))
    if not names:
        print(f"FAILED: no *.template.json in {reference_dir}")
        return 1
    problems = []
    for name in names:
        ours_path = os.path.join(outdir, name)
        if not os.path.exists(ours_path):
            problems.append(f"{name}: in the reference but not written by the sample")
            continue
        problems += compare(name, load(ours_path), load(os.path.join(reference_dir, name)),
                            differences.get(name, {}))
        documented = sum(len(v) for v in differences.get(name, {}).values())
        print(f"{name}: equal to CDK's apart from {documented} documented difference(s)")
    for name in differences:
        if name not in names:
            problems.append(f"{name}: differences listed for a template the reference lacks")
    if problems:
        print("FAILED: templates differ from CDK's:\n  " + "\n  ".join(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
