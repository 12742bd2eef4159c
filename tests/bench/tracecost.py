#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""What the event trace (CONFIG_TRACE) costs the trap path: the bench
guest's SBI call round trip and emulated MMIO read in its cell, with the
trace compiled out (make bench's own image), compiled in but off, and on
from boot.  Rows for make bench (run.py); alone, it prints them:

    O=build tests/bench/tracecost.py [--check]
"""
import argparse
import concurrent.futures
import sys

import benchlib

FIGURES = [("sbi_call:mean", "SBI call round trip (BASE get_spec_version)"),
           ("mmio_emul:mean", "emulated MMIO read (UART LSR)")]
NOTES = """\
- The bench cell's image built three ways: without CONFIG_TRACE (make
  bench's own), with it but tracing off (the default at boot), and with
  CONFIG_TRACE_AT_BOOT (on, every event recorded).  In brackets: the
  difference to the image without it.  Off, each path checks the hart's
  flag once (a move of tp, a load, a branch); on, an SBI call takes a
  copy of its path with the hooks, and an emulated access the full path
  (every register saved), which records its entry and its mmio event.
"""
CONFIGS = [("out", ""),
           ("off", "CONFIG_TRACE=y"),
           ("on", "CONFIG_TRACE=y\nCONFIG_TRACE_AT_BOOT=y")]


def build():
    from conftest import build_layout
    try:
        return {key: build_layout(benchlib.BENCH_LAYOUT, cfg) for key, cfg in CONFIGS}
    except BaseException as e:          # pytest.fail() outside pytest
        sys.exit(f"bench: trace-cost build failed: {e}")


def measure(elfs, check=False):
    """{config: {figure key: value}} for the images `elfs` ({config: elf})."""
    rounds = 2 if check else 1
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        jobs = {(k, r): pool.submit(benchlib.run, benchlib.guest_cmd(elfs[k]))
                for k in elfs for r in range(rounds)}
        outs = {k: [jobs[(k, r)].result() for r in range(rounds)] for k in elfs}
    res = {}
    for k, texts in outs.items():
        figs = benchlib.parse(texts[0])
        if "bench: done" not in texts[0] or benchlib.errors(texts[0]):
            sys.exit(f"bench: the trace-cost run ({k}) failed\n{texts[0][-3000:]}")
        if check and benchlib.parse(texts[1]) != figs:
            sys.exit(f"bench: the trace-cost run ({k}) is not deterministic")
        res[k] = {}
        for key, _ in FIGURES:
            name, _, stat = key.partition(":")
            res[k][key] = figs[name][stat]
    return res


def rows(res):
    """(figure, compiled out, in but off, on) rows, the deltas in brackets."""
    out = [("trace cost (cycles, in cell)", "compiled out", "in, off", "on"), None]
    for key, label in FIGURES:
        base = res["out"][key]
        cells = [f"{base:g}"]
        for k in ("off", "on"):
            v = res[k][key]
            cells.append(f"{v:g} ({v - base:+g})")
        out.append((label, *cells))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="run everything twice, compare")
    args = ap.parse_args()
    from run import render
    print(render(rows(measure(build(), args.check)), False))


if __name__ == "__main__":
    main()
