#!/usr/bin/env python3
"""Compares the templates a sample wrote with what CDK synthesized for the same program.

  compare_reference.py OUTDIR REFERENCE_DIR [DIFFERENCES_JSON]

Every *.template.json of REFERENCE_DIR, nested assemblies (assembly-<stage>/) included,
must have a JSON-equal counterpart in OUTDIR (key order free), except for the
differences DIFFERENCES_JSON documents. The manifests must agree on what the cdk CLI
acts on: every stack and nested assembly artifact with its type, environment, stack
name, display name, tags, termination protection and the stacks it depends on.
DIFFERENCES_JSON lists deliberate differences (the README's "Differences from CDK"),
each with a reason:

  {"templates": {"<path relative to the assembly>.template.json": {
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


def templates(root):
    """Relative paths of every template of an assembly, its nested assemblies' too."""
    out = []
    for folder, _, files in os.walk(root):
        out += [os.path.relpath(os.path.join(folder, f), root) for f in files if f.endswith(".template.json")]
    return sorted(out)


def deploy_facts(assembly_dir):
    """What the CLI deploys from a manifest: {artifact id: facts}, nested assemblies too."""
    path = os.path.join(assembly_dir, "manifest.json")
    if not os.path.exists(path):
        return {}
    facts = {}
    artifacts = load(path).get("artifacts", {})
    for artifact_id, artifact in artifacts.items():
        kind = artifact.get("type")
        props = artifact.get("properties", {})
        if kind == "aws:cloudformation:stack":
            facts[artifact_id] = {
                "type": kind,
                "environment": artifact.get("environment"),
                "stackName": props.get("stackName", artifact_id),
                "displayName": artifact.get("displayName", artifact_id),
                "tags": props.get("tags", {}),
                "terminationProtection": props.get("terminationProtection", False),
                # Stacks only: asset manifests are an implementation detail of publishing.
                "dependencies": sorted(d for d in artifact.get("dependencies", [])
                                       if artifacts.get(d, {}).get("type") == "aws:cloudformation:stack"),
            }
        elif kind == "cdk:cloud-assembly":
            facts[artifact_id] = {"type": kind, "directoryName": props.get("directoryName"),
                                  "displayName": artifact.get("displayName", props.get("displayName"))}
            nested = deploy_facts(os.path.join(assembly_dir, props.get("directoryName", "")))
            facts.update({f"{artifact_id}/{k}": v for k, v in nested.items()})
    return facts


def compare_manifests(outdir, reference_dir):
    reference = deploy_facts(reference_dir)
    if not reference:
        return []
    ours = deploy_facts(outdir)
    problems = describe("manifest.json", ours, reference, [])
    if not problems:
        print(f"manifest.json: the same {len(reference)} artifact(s) as CDK's, with the same deploy facts")
    return problems


def main():
    outdir, reference_dir = sys.argv[1], sys.argv[2]
    differences = load(sys.argv[3]).get("templates", {}) if len(sys.argv) > 3 else {}
    names = templates(reference_dir)
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
    problems += compare_manifests(outdir, reference_dir)
    for name in differences:
        if name not in names:
            problems.append(f"{name}: differences listed for a template the reference lacks")
    if problems:
        print("FAILED: the assembly differs from CDK's:\n  " + "\n  ".join(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
