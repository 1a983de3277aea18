#!/usr/bin/env python3
"""Whole-process cost of synth programs: what a user waits for when `cdk synth` runs one.

  bench/startup.py [-n 60] [label=]<binary> ...

For each binary: file size, .data.rel.ro and .rela.dyn sizes, relative relocations in
the executable and as the loader counts them (LD_DEBUG=statistics, shared libraries
included), then the median, p10 and minimum wall-clock time of n runs and the median
CPU time (user + system), each run from a fresh CDK_OUTDIR. Runs of the binaries are
interleaved, so that a change of load on a shared machine hits all of them alike; on a
busy machine compare the CPU times.
"""
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def elf_facts(binary, work):
    sections = {}
    for line in subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True).stdout.splitlines():
        m = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+\S+\s+\S+\s+(\S+)", line)
        if m:
            sections[m.group(1)] = int(m.group(2), 16)
    relocs = subprocess.run(["readelf", "-rW", binary], capture_output=True, text=True).stdout
    env = dict(os.environ, LD_DEBUG="statistics", CDK_OUTDIR=os.path.join(work, "ld-debug"))
    stderr = subprocess.run([binary], env=env, capture_output=True, text=True).stderr
    loader = re.search(r"number of relative relocations: (\d+)", stderr)
    return {
        "file": os.path.getsize(binary),
        ".data.rel.ro": sections.get(".data.rel.ro", 0),
        ".rela.dyn": sections.get(".rela.dyn", 0),
        "exe relative": relocs.count("R_X86_64_RELATIVE"),
        "ld.so relative": int(loader.group(1)) if loader else -1,
    }


def main(argv):
    runs = 60
    if len(argv) >= 2 and argv[0] == "-n":
        runs, argv = int(argv[1]), argv[2:]
    if not argv:
        sys.exit(__doc__)
    binaries = [(a.split("=", 1) if "=" in a else (os.path.basename(a), a)) for a in argv]
    binaries = [(label, os.path.abspath(path)) for label, path in binaries]
    work = tempfile.mkdtemp(prefix="cdkpp-startup-")
    try:
        facts = {label: elf_facts(path, work) for label, path in binaries}
        keys = list(next(iter(facts.values())).keys())
        print(f"{'':>16}" + "".join(f"{k:>16}" for k in keys))
        for label, f in facts.items():
            print(f"{label:>16}" + "".join(f"{f[k]:>16,}" for k in keys))
        wall = {label: [] for label, _ in binaries}
        cpu = {label: [] for label, _ in binaries}
        for i in range(runs):
            for label, path in binaries:
                out = os.path.join(work, f"{label}-{i}")
                env = dict(os.environ, CDK_OUTDIR=out)
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run([path], env=env, cwd=work, stdout=subprocess.DEVNULL, check=True)
                wall[label].append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu[label].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
                shutil.rmtree(out, ignore_errors=True)
        print()
        for label, _ in binaries:
            t = sorted(wall[label])
            print(f"{label:>16}: median {statistics.median(t) * 1e3:.2f} ms, p10 {t[len(t) // 10] * 1e3:.2f} ms, "
                  f"min {t[0] * 1e3:.2f} ms, CPU median {statistics.median(cpu[label]) * 1e3:.2f} ms ({runs} runs)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
