# SPDX-License-Identifier: GPL-2.0-only
"""The event trace (CONFIG_TRACE) from the monitor: off at boot, `trace on`
records each hart's events, `trace dump [cell]` prints them, `trace clear`
forgets them; and tests/bench/tracereport.py's histograms agree with the
dump.

Two RTOS cells (tests/layouts/run/monitor.c: rtos0 on hart 1, rtos1 on
hart 2, the console on hart 0) without Sstc, so that each tick is an SBI
set_timer call and a timer interrupt through the hypervisor, and each
status line emulated UART accesses.  Under -icount; the dumps that are
compared are taken with tracing off, so the rings hold still.  Nothing is
timed: the assertions are on which events are there.
"""
import collections
import os
import re
import subprocess
import sys

import pytest

from conftest import build_layout
from fvqemu import ROOT, Qemu, qemu_cmd
from test_cells import hv_message, run_until
from test_monitor import Monitor, ticks_after

sys.path.insert(0, os.path.join(ROOT, "tests", "bench"))
import tracereport  # noqa: E402

LAYOUT = "tests/layouts/run/monitor.c"
CONFIG = "CONFIG_TRACE=y\nCONFIG_TRACE_ENTRIES=4096"
CELLS = {"rtos0": 1, "rtos1": 2}         # cell: its hart
END = re.compile(r"\[fv\] trace: end \((\d+) events shown, (\d+) skipped[^\n]*\n")
TIME_EXT = "0x54494d45"                   # SBI TIME


@pytest.fixture(scope="module")
def image():
    return build_layout(LAYOUT, CONFIG)


def dump(m, what=""):
    """`trace dump [what]`: (its text, events, causes, shown, skipped)."""
    q = m.q
    q.child.buffer = ""               # what was read is in q.text() already
    start = len(q.text())
    q.send(f"trace dump {what}".strip() + "\r")
    # one expect() over the whole dump: Monitor.ask() would re-read the
    # whole console at each of its thousands of lines
    q.expect(END.pattern, timeout=120)
    text = q.text()[start:]
    text = text[:END.search(text).end()]
    events, causes = tracereport.parse(text)
    shown, skipped = map(int, END.search(text).groups())
    assert shown == len(events), f"{shown} events announced, {len(events)} parsed"
    return text, events, causes, shown, skipped


def check_whole(events):
    """Each hart's records in order, none missing, time going forward."""
    by_hart = collections.defaultdict(list)
    for e in events:
        by_hart[e["hart"]].append(e)
    for hart, evs in by_hart.items():
        for a, b in zip(evs, evs[1:]):
            assert b["n"] == a["n"] + 1, f"hart {hart}: record {a['n']} then {b['n']}"
            assert b["ts"] >= a["ts"], f"hart {hart}: time goes back at {b['n']}"


def test_trace(image, tmp_path):
    with Qemu(qemu_cmd(image, smp=4, mem="1G", cpu="rv64,sstc=false", icount=True),
              timeout=60) as q:
        for cell in CELLS:
            ticks_after(q, cell, 0, 2, f"{cell} ticking")
        m = Monitor(q)
        m.open()
        got = m.line("help", r"commands: (.*)")
        assert "trace on|off|clear|dump [cell]" in got[1], got[0]

        # off at boot: nothing recorded
        assert dump(m)[3:] == (0, 0)

        m.line("trace on", r"trace: on")
        at = len(q.text())
        for cell in CELLS:
            ticks_after(q, cell, at, 3, f"{cell} ticking with tracing on")
        # a dump while the cells run and record: whatever it shows is
        # whole records of one cell, in order (skipped ones are those the
        # harts overwrote meanwhile)
        _, live, _, _, _ = dump(m, "rtos0")
        assert live and all(e["cell"] == "rtos0" and e["hart"] == 1 for e in live)
        assert all(b["n"] > a["n"] and b["ts"] > a["ts"] for a, b in zip(live, live[1:]))
        m.line("trace off", r"trace: off")
        text, events, causes, shown, skipped = dump(m)
        assert skipped == 0 and shown > 0
        check_whole(events)
        assert re.search(r"\[fv\] trace: begin \(all cells, tracing off, 4096 events per hart\)",
                         text)

        # each cell's events come from its own hart, and have each kind
        for cell, hart in CELLS.items():
            mine = [e for e in events if e["cell"] == cell]
            assert {e["hart"] for e in mine} == {hart}, cell
            assert all(e["vhart"] == 0 for e in mine)
            sbi = [e for e in mine if e["event"] == "sbi"]
            assert any(e["ext"] == TIME_EXT and e["fid"] == "0" and e["err"] == "0"
                       for e in sbi), f"{cell}: no SBI set_timer in {sbi[:5]}"
            names = {causes[int(e["cause"])] for e in mine if e["event"] == "trap-in"}
            assert {"ecall from VS", "timer irq", "load guest-page fault",
                    "store guest-page fault"} <= names, f"{cell}: {names}"
            assert any(e["event"] == "virq" and e["kind"] == "timer" for e in mine), cell
            uart = [e for e in mine if e["event"] == "mmio"]
            assert uart and all(e["dev"] == "uart16550@0x10000000" for e in uart), uart[:3]
            assert {e["op"] for e in uart} == {"r", "w"} and \
                all(e["width"] == "1" for e in uart), uart[:3]
            # every trap-in is left before the next: by its trap-out, or by
            # its sbi or mmio event
            kinds = [e["event"] for e in mine if e["event"] in ("trap-in", "trap-out", "sbi",
                                                                 "mmio")]
            assert all(a == "trap-in" and b != "trap-in" or a != "trap-in"
                       for a, b in zip(kinds, kinds[1:])), cell

        # the host script: the same counts as the dump, printed per cell
        rep = tracereport.report(events, causes)
        for cell in CELLS:
            mine = [e for e in events if e["cell"] == cell]
            exits = collections.Counter(causes[int(e["cause"])] for e in mine
                                        if e["event"] == "trap-in")
            assert rep[cell]["exits"] == exits, cell
            assert rep[cell]["sbi"]["TIME"] == sum(e["event"] == "sbi" and e["ext"] == TIME_EXT
                                                   for e in mine)
            assert sum(rep[cell]["mmio"].values()) == sum(e["event"] == "mmio" for e in mine)
            assert set(rep[cell]["exit_cycles"]) >= {"ecall from VS", "timer irq",
                                                     "store guest-page fault"}
        path = tmp_path / "trace.txt"
        path.write_text(text)
        out = subprocess.run([sys.executable, os.path.join(ROOT, "tests", "bench",
                                                           "tracereport.py"), str(path)],
                             capture_output=True, text=True, check=True).stdout
        for cell in CELLS:
            sec = out.split(f"cell {cell}:")[1].split("\ncell ")[0]
            n = rep[cell]["exits"]["ecall from VS"]
            assert re.search(rf"^    ecall from VS\s+{n}\s+\d+$", sec, re.M), sec
            assert re.search(r"^    TIME\s+\d+$", sec, re.M), sec
            assert re.search(r"^    uart16550@0x10000000 w\s+\d+$", sec, re.M), sec

        # one cell's dump: exactly that cell's events of the full one
        _, only, _, _, _ = dump(m, "rtos1")
        assert only and all(e["cell"] == "rtos1" for e in only)
        assert only == [e for e in events if e["cell"] == "rtos1"]
        m.line("trace dump nosuch", r'no cell "nosuch"; cells: rtos0 rtos1')
        m.line("trace", r"usage: trace on\|off\|clear\|dump \[cell\]")

        # clear: nothing left; then a restart of rtos0 is recorded
        m.line("trace clear", r"trace: cleared")
        assert dump(m)[3] == 0
        m.line("trace on", r"trace: on")
        before = len(q.text())
        m.line("restart rtos0", r"restart rtos0: asked \(its hart 1 does it\)")
        run_until(q, lambda t: hv_message(t[before:], "cell rtos0: restarting"), 30,
                  "rtos0 to restart")
        ticks_after(q, "rtos0", before, 2, "rtos0 ticking after its restart")
        m.line("trace off", r"trace: off")
        text, evs, _, _, skipped = dump(m, "rtos0")
        assert skipped == 0
        per_hart = int(re.search(r"(\d+) events per hart", text).group(1))
        cell_events = [(e["what"], e["detail"]) for e in evs if e["event"] == "cell"]
        if len(evs) < per_hart:
            # the ring did not go round since the clear: all of it is there
            assert ("restart", "0x0") in cell_events and ("start", "0x2") in cell_events, \
                cell_events
        else:
            # under -icount a cell runs as far as the host lets it before
            # 'trace off' arrives: on a loaded host its own traps may have
            # overwritten the restart; the records are still whole and its own
            assert hv_message(q.text()[before:], "cell rtos0: restarting")
        assert all(e["cell"] == "rtos0" for e in evs)

        # a stop is recorded, and nothing of the cell after it: its hart
        # idles, so the ring keeps the stop however loaded the host is
        m.line("trace clear", r"trace: cleared")
        m.line("trace on", r"trace: on")
        before = len(q.text())
        m.line("stop rtos1", r"stop rtos1: asked \(its hart 2 does it\)")
        run_until(q, lambda t: hv_message(t[before:], "cell rtos1: stopped (asked from the monitor)"),
                  30, "rtos1 to stop")
        ticks_after(q, "rtos0", before, 2, "rtos0 ticking after rtos1 stopped")
        m.line("trace off", r"trace: off")
        _, evs, _, _, skipped = dump(m, "rtos1")
        assert skipped == 0 and all(e["cell"] == "rtos1" for e in evs)
        cell_events = [(e["what"], e["detail"]) for e in evs if e["event"] == "cell"]
        assert cell_events == [("stop", "0x0")], cell_events    # CELL_STOPPED
        assert evs[-1]["event"] == "cell", f"rtos1 ran on after its stop: {evs[-3:]}"
