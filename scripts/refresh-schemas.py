#!/usr/bin/env python3
"""Refreshes the pinned CloudFormation registry schemas in codegen/schemas/.

Source: the resource schemas that cfn-lint ships (data/schemas/providers/<region>.py names
the files under data/schemas/resources), or the region zip AWS publishes at
https://schema.cloudformation.<region>.amazonaws.com/CloudformationSchema.zip (pass --zip).

The pinned form keeps every fact the generator needs (properties, definitions, required,
enums, patterns, lengths, ranges, item counts, oneOf/anyOf, read-only / create-only /
write-only properties, primary identifier, tagging) and drops prose (descriptions,
examples, handler permissions). One file per service, one resource per line, sorted, so
a refresh gives a readable diff.

Usage: scripts/refresh-schemas.py [--region us-east-1] [--zip CloudformationSchema.zip]
"""
import argparse
import importlib.util
import io
import json
import os
import re
import sys
import zipfile
from datetime import date

DROPPED_KEYS = {
    "description", "$comment", "examples", "markdownDescription", "title", "sourceUrl",
    "handlers", "propertyTransform", "$schema", "replacementStrategy", "relationshipRef",
    "resourceLink", "$id", "typeName_", "deprecatedProperties_",
}
KEPT_TOP_LEVEL = {
    "typeName", "properties", "definitions", "required", "readOnlyProperties",
    "createOnlyProperties", "writeOnlyProperties", "primaryIdentifier", "tagging",
    "additionalProperties", "oneOf", "anyOf", "allOf", "deprecatedProperties", "documentationUrl",
    "conditionalCreateOnlyProperties", "requiredXor", "dependentRequired",
}


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in DROPPED_KEYS}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def compact(schema):
    out = {k: v for k, v in schema.items() if k in KEPT_TOP_LEVEL}
    return strip(out)


def from_cfn_lint(region):
    spec = importlib.util.find_spec("cfnlint")
    if spec is None:
        sys.exit("cfn-lint is not installed; pass --zip instead")
    base = os.path.join(os.path.dirname(spec.origin), "data", "schemas")
    index = open(os.path.join(base, "providers", region.replace("-", "_") + ".py")).read()
    names = dict(re.findall(r'"([^"]+)": "([0-9a-f]+)"', index))
    import cfnlint.version
    source = f"cfn-lint {cfnlint.version.__version__} (data/schemas/providers/{region.replace('-', '_')}.py)"
    for type_name, file_hash in names.items():
        with open(os.path.join(base, "resources", file_hash + ".json")) as f:
            yield type_name, json.load(f)
    yield None, source


def from_zip(path):
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".json"):
                schema = json.load(io.BytesIO(z.read(name)))
                yield schema["typeName"], schema
    yield None, f"AWS region zip {os.path.basename(path)}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--zip")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "codegen", "schemas"))
    args = parser.parse_args()

    services = {}
    source = None
    for type_name, schema in (from_zip(args.zip) if args.zip else from_cfn_lint(args.region)):
        if type_name is None:
            source = schema
            continue
        parts = type_name.split("::")
        if len(parts) != 3:
            continue  # not a resource type (e.g. the "Module" placeholder)
        services.setdefault(f"{parts[0]}_{parts[1]}".lower(), {})[type_name] = compact(schema)

    os.makedirs(args.out, exist_ok=True)
    for old in os.listdir(args.out):
        if old.endswith(".json"):
            os.remove(os.path.join(args.out, old))
    for service, types in sorted(services.items()):
        with open(os.path.join(args.out, service + ".json"), "w") as f:
            f.write("{\n")
            items = sorted(types.items())
            for i, (type_name, schema) in enumerate(items):
                f.write(json.dumps(type_name) + ":" + json.dumps(schema, sort_keys=True, separators=(",", ":")))
                f.write(",\n" if i + 1 < len(items) else "\n")
            f.write("}\n")
    count = sum(len(t) for t in services.values())
    with open(os.path.join(args.out, "PROVENANCE.md"), "w") as f:
        f.write("# Pinned CloudFormation registry schemas\n\n")
        f.write(f"- source: {source}\n- region: {args.region}\n- refreshed: {date.today().isoformat()}\n")
        f.write(f"- resource types: {count} in {len(services)} services\n\n")
        f.write("Compacted by scripts/refresh-schemas.py: prose (descriptions, examples) and handler\n")
        f.write("permissions removed; every fact the generator uses kept. Do not edit by hand; rerun the\n")
        f.write("script to refresh.\n")
    print(f"{count} resource types in {len(services)} services written to {os.path.normpath(args.out)}")


if __name__ == "__main__":
    main()
