#!/usr/bin/env python3
"""cdkpp against aws-cdk-lib on the same programs, on this machine, in one run.

  bench/compare.py --build DIR --npm PREFIX [--sizes 100,1000,10000,50000] [--fleet 50]
                   [--repeat 5] [--cdk-repeat 3] [--cdk-large 10000]

bench/run.sh builds what this needs and calls it. The apps:
  generated N     bench/generated_app.cpp against bench/cdk/generated_app.js: N resources
                  in stacks of 500
  vpc_asg_fleet   bench/vpc_asg_fleet.cpp against bench/cdk/vpc_asg_fleet.js: copies of a
                  VPC + auto scaling group stack
  newsblog        samples/newsblog against bench/cdk/newsblog.js
cdkpp's numbers come from cdkpp_synth_bench (--tsv): each run a fresh process, with the
tree's construction and App::synth() timed inside it. CDK's programs run under Node.js
as shipped (its template validator on) and with CDK_VALIDATION=false; each run is timed
from here and its peak RSS is the node process's ru_maxrss (os.wait4). Every run writes a
fresh output folder. Medians of --repeat runs (cdkpp) and --cdk-repeat runs (CDK; one run
at --cdk-large resources and more: CDK as shipped takes minutes at 50,000). This prints
numbers; it never fails on timing.
"""
import argparse
import dataclasses
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CDK_PROGRAMS = os.path.join(ROOT, "bench", "cdk")


@dataclasses.dataclass
class Run:
    """Median figures of one program's runs; None where a figure is not known; note is
    "failed" when a run failed."""
    process_ms: float = None
    peak_mib: float = None
    construct_ms: float = None
    synth_ms: float = None
    stacks: int = None
    resources: int = None
    note: str = None


def number(text):
    return None if text in ("-", "failed") else float(text)


def cdkpp_runs(args, work):
    """Rows of cdkpp_synth_bench --tsv, keyed like the cases below."""
    command = [os.path.join(args.build, "bench", "cdkpp_synth_bench"), "--tsv", "--repeat", str(args.repeat),
               "--sizes", ",".join(map(str, args.sizes)), "--fleet", str(args.fleet),
               "--sample", os.path.join(args.build, "samples", "bin", "newsblog")]
    result = subprocess.run(command, stdout=subprocess.PIPE, text=True, env=dict(os.environ, TMPDIR=work))
    rows = {}
    sizes = iter(args.sizes)
    for line in result.stdout.splitlines():
        name, stacks, resources, construct, synth, process, peak, _out = line.split("\t")
        key = ("generated", next(sizes)) if name == "generated" else name.split(" ")[0]
        rows[key] = Run(number(process), number(peak), number(construct), number(synth),
                        None if stacks == "-" else int(stacks), None if resources == "-" else int(resources),
                        "failed" if process == "failed" else None)
    if result.returncode != 0:
        print(f"cdkpp_synth_bench exited with {result.returncode} (see above)", file=sys.stderr)
    return rows


def measure_once(command, env, outdir):
    """Wall milliseconds and peak RSS (MiB) of one run, or None if it failed."""
    shutil.rmtree(outdir, ignore_errors=True)
    start = time.perf_counter()
    child = subprocess.Popen(command, env=dict(env, CDK_OUTDIR=outdir), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed_ms = (time.perf_counter() - start) * 1000
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    shutil.rmtree(outdir, ignore_errors=True)
    if child.returncode != 0:
        print(f"failed ({child.returncode}): {' '.join(command)}", file=sys.stderr)
        return None
    return elapsed_ms, usage.ru_maxrss / 1024


def measure(command, env, runs, work):
    samples = [measure_once(command, env, os.path.join(work, "cdk.out")) for _ in range(runs)]
    if any(s is None for s in samples):
        return Run(note="failed")
    return Run(statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples))


def cdk_runs(args, key, program_args, resources, work):
    """CDK as shipped and with CDK_VALIDATION=false, for one app."""
    env = dict(os.environ, NODE_PATH=os.path.join(args.npm, "node_modules"))
    program = os.path.join(CDK_PROGRAMS, key + ".js")
    runs = 1 if resources and resources >= args.cdk_large else args.cdk_repeat
    command = ["node", program, *program_args]
    shipped = measure(command, env, runs, work)
    no_validation = measure(command, dict(env, CDK_VALIDATION="false"), runs, work)
    return shipped, no_validation


def fmt(value, decimals=1):
    return "-" if value is None else f"{value:,.{decimals}f}"


def ratio(cdk, ours):
    if cdk is None or ours is None or ours == 0:
        return "-"
    value = cdk / ours
    return f"{value:,.0f}x" if value >= 10 else f"{value:.1f}x"


def figure(run, field, decimals=1):
    return run.note if run.note else fmt(getattr(run, field), decimals)


def print_table(cases):
    print("| app | stacks | resources | cdkpp process ms | cdkpp construct ms | cdkpp synth ms | cdkpp peak MiB "
          "| CDK ms | CDK MiB | CDK no-validation ms | CDK no-validation MiB "
          "| time: CDK / cdkpp | time: CDK no-validation / cdkpp | memory: CDK no-validation / cdkpp |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for name, ours, shipped, no_validation in cases:
        print(f"| {name} | {ours.stacks or '-'} | {fmt(ours.resources, 0) if ours.resources else '-'} "
              f"| {figure(ours, 'process_ms')} | {figure(ours, 'construct_ms')} | {figure(ours, 'synth_ms')} "
              f"| {figure(ours, 'peak_mib')} "
              f"| {figure(shipped, 'process_ms', 0)} | {figure(shipped, 'peak_mib', 0)} "
              f"| {figure(no_validation, 'process_ms', 0)} | {figure(no_validation, 'peak_mib', 0)} "
              f"| {ratio(shipped.process_ms, ours.process_ms)} | {ratio(no_validation.process_ms, ours.process_ms)} "
              f"| {ratio(no_validation.peak_mib, ours.peak_mib)} |")


def print_growth(cases):
    """Cost of each further resource between consecutive sizes of the generated app."""
    generated = [(ours.resources, ours, shipped, no_validation)
                 for name, ours, shipped, no_validation in cases if name.startswith("generated")]
    if len(generated) < 2:
        return
    print("\nGrowth between sizes of the generated app, per added resource "
          "(linear growth shows as similar figures on each line):\n")
    print("| resources | cdkpp process µs | cdkpp synth µs | cdkpp peak KiB "
          "| CDK µs | CDK KiB | CDK no-validation µs | CDK no-validation KiB |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|")

    def per_resource(a, b, field, scale, added):
        x, y = getattr(a, field), getattr(b, field)
        return None if x is None or y is None else (y - x) * scale / added

    for (n0, ours0, shipped0, plain0), (n1, ours1, shipped1, plain1) in zip(generated, generated[1:]):
        if not n0 or not n1:
            continue
        added = n1 - n0
        cells = [per_resource(ours0, ours1, "process_ms", 1000, added),
                 per_resource(ours0, ours1, "synth_ms", 1000, added),
                 per_resource(ours0, ours1, "peak_mib", 1024, added),
                 per_resource(shipped0, shipped1, "process_ms", 1000, added),
                 per_resource(shipped0, shipped1, "peak_mib", 1024, added),
                 per_resource(plain0, plain1, "process_ms", 1000, added),
                 per_resource(plain0, plain1, "peak_mib", 1024, added)]
        print(f"| {n0:,} → {n1:,} | " + " | ".join(fmt(c) for c in cells) + " |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", required=True, help="Release build folder with cdkpp_synth_bench and newsblog")
    parser.add_argument("--npm", required=True, help="npm prefix holding aws-cdk-lib and constructs")
    parser.add_argument("--sizes", default="100,1000,10000,50000", help="resources of the generated apps")
    parser.add_argument("--fleet", type=int, default=50, help="copies of the VPC + ASG stack (0: none)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each cdkpp case")
    parser.add_argument("--cdk-repeat", type=int, default=3, help="runs of each CDK case")
    parser.add_argument("--cdk-large", type=int, default=10000, help="from this many resources, one CDK run")
    args = parser.parse_args()
    args.sizes = [int(s) for s in args.sizes.split(",") if s]

    work = tempfile.mkdtemp(prefix="cdkpp-compare-")
    try:
        ours = cdkpp_runs(args, work)
        cases = []
        for size in args.sizes:
            cases.append((f"generated {size:,}", ours.get(("generated", size), Run(note="failed")),
                          *cdk_runs(args, "generated_app", [str(size)], size, work)))
        if args.fleet > 0:
            fleet = ours.get("vpc_asg_fleet", Run(note="failed"))
            cases.append((f"{args.fleet} x VPC + ASG", fleet,
                          *cdk_runs(args, "vpc_asg_fleet", [str(args.fleet)], fleet.resources, work)))
        cases.append(("newsblog", ours.get("newsblog", Run(note="failed")), *cdk_runs(args, "newsblog", [], None, work)))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"cdkpp against aws-cdk-lib {cdk_lib_version(args.npm)} (Node.js {node_version()}), "
          f"median of {args.repeat} cdkpp runs and {args.cdk_repeat} CDK runs "
          f"(1 from {args.cdk_large:,} resources); {os.cpu_count()} cores, {cpu_model()}\n")
    print_table(cases)
    print_growth(cases)


def cdk_lib_version(npm):
    with open(os.path.join(npm, "node_modules", "aws-cdk-lib", "package.json")) as f:
        return json.load(f)["version"]


def node_version():
    return subprocess.run(["node", "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown CPU"


if __name__ == "__main__":
    main()
