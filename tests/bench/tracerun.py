#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""make trace: record a layout's run with the event trace and print
per-cell exit histograms.

Builds the layout with CONFIG_TRACE=y and CONFIG_TRACE_AT_BOOT=y in its own
build directory ($O/t-<layout>-<hash>, as the tests do), boots it in QEMU
under -icount shift=0,sleep=off, lets it run until its first cell has been
up for SECONDS of guest time (the monitor's `cells` uptime), switches the
trace off so the rings hold still, dumps them through the monitor into
$O/trace.txt and runs tracereport.py on that file.

    O=build tests/bench/tracerun.py [--layout two-rtos] [--seconds 1] \
        [--entries 4096] [--qemu-extra '-cpu rv64,sstc=false']

--layout is a layout of the board (cells/qemu-riscv64-virt/<name>.c) or a
layout file.  The QEMU console goes to $O/trace-console.txt.
"""
import argparse
import os
import re
import shlex
import sys
import time

import benchlib
import tracereport
from benchlib import fvqemu

BOARD = "qemu-riscv64-virt"
UPTIME = re.compile(r"^\[fv\] \d+\s+\S+\s+running\s+\S+\s+\d+ [MK]iB\s+\d+\s+(\d+)\.(\d{3}) s\r?\n",
                    re.M)
END = re.compile(r"\[fv\] trace: end \(\d+ events shown, \d+ skipped[^\n]*\n")


def layout_file(name):
    if name.endswith(".c"):
        return name
    return os.path.join("cells", BOARD, name + ".c")


def build(layout, entries):
    from conftest import build_layout
    config = f"CONFIG_TRACE=y\nCONFIG_TRACE_AT_BOOT=y\nCONFIG_TRACE_ENTRIES={entries}"
    # a `make trace LAYOUT=...` passes its command line on to any make it
    # runs: not to ours, whose LAYOUT is the configuration's
    for var in ("MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES", "MAKELEVEL"):
        os.environ.pop(var, None)
    try:
        return build_layout(layout, config)
    except BaseException as e:          # pytest.fail() outside pytest
        sys.exit(f"trace: build failed: {e}")


def ask(q, cmd, pattern, timeout=60):
    """Type `cmd` at the monitor; wait for `pattern` after it; its text."""
    q.child.buffer = ""
    start = len(q.text())
    q.send(cmd + "\r")
    q.expect(pattern, timeout=timeout)
    return q.text()[start:]


def record(elf, seconds, extra):
    cmd = fvqemu.qemu_cmd(elf, smp=benchlib.SMP, mem=benchlib.MEM, icount=True,
                          extra=shlex.split(extra))
    print("trace: " + shlex.join(cmd), flush=True)
    with fvqemu.Qemu(cmd, timeout=120) as q:
        try:
            q.expect(r"cell \S+: starting on hart", timeout=120)
            q.send("\x1dm")
            q.expect(r"\[fv\] monitor: type help")
            while True:
                text = ask(q, "cells", r"\[fv\] #\s+cell[^\n]*\n(?:\[fv\] \d+ [^\n]*\n)+"
                           r"\[fv\] monitor> ")
                up = UPTIME.search(text)
                if up and int(up[1]) + int(up[2]) / 1000 >= seconds:
                    break
                if not up and "running" not in text:
                    sys.exit("trace: no cell is running\n" + text)
                time.sleep(0.2)         # a tool, not a test: let it run
            ask(q, "trace off", r"\[fv\] trace: off")
            text = ask(q, "trace dump", END.pattern, timeout=600)
            begin = text.index("[fv] trace: begin")
            return text[begin:END.search(text).end()], q.text()
        finally:
            with open(os.path.join(fvqemu.BUILD, "trace-console.txt"), "w") as f:
                f.write(q.text())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--layout", default="two-rtos")
    ap.add_argument("--seconds", type=float, default=1.0, help="guest seconds to run")
    ap.add_argument("--entries", type=int, default=4096, help="events kept per hart")
    ap.add_argument("--qemu-extra", default="", help="more QEMU arguments")
    args = ap.parse_args()

    layout = layout_file(args.layout)
    if not os.path.exists(os.path.join(benchlib.ROOT, layout)):
        sys.exit(f"trace: no layout {layout}")
    print(f"trace: building {layout} with CONFIG_TRACE (O={fvqemu.BUILD})", flush=True)
    elf = build(layout, args.entries)
    dump, _ = record(elf, args.seconds, args.qemu_extra)
    path = os.path.join(fvqemu.BUILD, "trace.txt")
    with open(path, "w") as f:
        f.write(dump)
    events, causes = tracereport.parse(dump)
    print(f"trace: {len(events)} events written to {path}\n")
    print(tracereport.render(tracereport.report(events, causes)))


if __name__ == "__main__":
    os.chdir(benchlib.ROOT)
    main()
