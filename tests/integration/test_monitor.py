# SPDX-License-Identifier: GPL-2.0-only
"""The monitor's command line (Ctrl-] m, CONFIG_MONITOR_SHELL): every
command, its refusals, and that a stop, start or restart typed there
touches only the cell it names.

Two RTOS cells (tests/layouts/run/monitor.c: rtos0 on hart 1, rtos1 on
hart 2, housekeeping on hart 0; monitor-nofree.c: the cells take all
harts, so the console is served on rtos0's first hart).  Assertions are on
whole lines: the monitor's own (written whole under the console lock) and
the cells' (joined from the multiplexer's pieces).  Nothing is timed.
"""
import re
import time

import pexpect
import pytest

from conftest import build_layout, build_layouts
from fvqemu import Qemu, qemu_cmd
from test_cells import BANNER, assert_ticking, boot, cell_lines, hv_message, run_until, statuses

LAYOUT = "tests/layouts/run/monitor.c"
NOFREE = "tests/layouts/run/monitor-nofree.c"
CELLS = ("rtos0", "rtos1")
ROW = re.compile(r"^\[fv\] (\d+)\s+(\S+)\s+(\w+)\s+([\d,]+)\s+(\d+) (MiB|KiB)\s+(\d+)\s+"
                 r"(-|\d+\.\d{3} s)\r?$", re.M)
PAIR = re.compile(r"\s*([^,]+?) (\d+)(?:,|$)")


@pytest.fixture(scope="module")
def images():
    return build_layouts([LAYOUT, NOFREE])


class Monitor:
    """A console with the monitor open: type a command, read its answer."""

    def __init__(self, q):
        self.q = q

    def open(self):
        start = len(self.q.text())
        self.q.send("\x1dm")
        run_until(self.q, lambda t: "[fv] monitor: type help" in t[start:], 30,
                  "the monitor to open")

    def ask(self, cmd, done, what):
        """Send `cmd`; wait until done(answer) holds; return the answer (the
        console text from the command on)."""
        start = len(self.q.text())
        self.q.send(cmd + "\r")
        run_until(self.q, lambda t: done(t[start:]), 30, f"{what} (after {cmd!r})")
        return self.q.text()[start:]

    def line(self, cmd, pattern):
        """Send `cmd`; return the match of the monitor line `pattern`, once
        the whole line is there (its end read too)."""
        rx = re.compile(r"^\[fv\] " + pattern + r"\r?\n", re.M)
        return rx.search(self.ask(cmd, rx.search, f"the line {pattern!r}"))

    def cells(self):
        """{name: (state, harts, memory, starts, uptime)} from `cells`."""
        text = self.ask("cells", lambda t: len(ROW.findall(t)) >= len(CELLS), "the cells table")
        return {m[1]: (m[2], m[3], f"{m[4]} {m[5]}", int(m[6]), m[7])
                for m in ROW.findall(text)}

    def stats(self, cell):
        """{section: {name: count}} from `stats <cell>`."""
        text = self.ask(f"stats {cell}", lambda t: re.search(r"\[fv\]   console: .*\n", t),
                        f"the stats of {cell}")
        out = {}
        for sec in ("exits by cause", "firmware calls", "emulated accesses"):
            body = re.search(rf"\[fv\]   {sec}:(.*?)\r?$", text, re.M)[1]
            out[sec] = {} if body.strip() == "none" else \
                {m[1]: int(m[2]) for m in PAIR.finditer(body)}
        m = re.search(r"interrupts injected: external (\d+), timer (\d+), software (\d+)", text)
        out["injected"] = [int(x) for x in m.groups()]
        m = re.search(r"console: lines dropped (\d+), typed bytes dropped (\d+)", text)
        out["console"] = [int(x) for x in m.groups()]
        return out


def wait_text(q, pos, pattern, what, timeout=30):
    """Wait until `pattern` is in the console after offset `pos`, reading
    whatever comes: the line may be the last one QEMU prints for a while."""
    end = time.monotonic() + timeout
    while not re.search(pattern, q.text()[pos:]):
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}\n--- console ---\n"
                                 f"{q.text()[-6000:]}")
        try:
            q.child.expect(r"[\s\S]+", timeout=0.5)
        except (pexpect.TIMEOUT, pexpect.EOF):
            pass


def ticks_after(q, cell, pos, n, what):
    """Wait for `n` status lines of `cell` after console offset `pos`."""
    return run_until(q, lambda t: len([s for s in statuses(t, cell) if s.pos > pos]) >= n,
                     60, what)


def test_every_command(images):
    with boot(images[LAYOUT]) as q:
        text = ticks_after(q, "rtos1", 0, 2, "both cells ticking")
        ticks_after(q, "rtos0", 0, 2, "both cells ticking")
        m = Monitor(q)
        m.open()
        opened = len(q.text())

        # help names every command
        got = m.line("help", r"commands: (.*)")
        for cmd in ("help", "cells", "stats <cell>", "stop <cell>", "start <cell>",
                    "restart <cell>", "trace on|off|clear|dump [cell]", "exit"):
            assert cmd in got[1], f"help does not name {cmd!r}: {got[0]}"
        # this image has no CONFIG_TRACE (test_trace.py tests the trace)
        m.line("trace on", r"trace: not in this build \(CONFIG_TRACE is off\)")

        # cells: both running, their harts and memory, started once
        rows = m.cells()
        assert set(rows) == set(CELLS), rows
        assert rows["rtos0"][:4] == ("running", "1", "16 MiB", 1), rows
        assert rows["rtos1"][:4] == ("running", "2", "16 MiB", 1), rows
        assert rows["rtos0"][4] != "-" and rows["rtos1"][4] != "-", rows

        # stats: the RTOS's traps, SBI calls and UART accesses are counted,
        # and they grow while it runs
        a = m.stats("rtos0")
        ticks_after(q, "rtos0", len(q.text()), 2, "rtos0 ticking on")
        b = m.stats("rtos0")
        uart = "uart16550@0x10000000"
        assert a["emulated accesses"].get(uart, 0) > 0, a
        assert b["emulated accesses"][uart] > a["emulated accesses"][uart], (a, b)
        assert "vplic@0xc000000" in b["emulated accesses"], b
        assert b["firmware calls"], b
        assert sum(b["exits by cause"].values()) > sum(a["exits by cause"].values()), (a, b)
        assert b["exits by cause"].get("load guest-page fault", 0) + \
            b["exits by cause"].get("store guest-page fault", 0) >= b["emulated accesses"][uart]
        assert b["console"] == [0, 0], b

        # refusals: unknown cell, unknown command, missing argument, wrong state
        got = m.line("stats nosuch", r'no cell "nosuch"; cells: (.*)')
        assert got[1].split() == list(CELLS)
        m.line("frobnicate rtos0", r'unknown command "frobnicate" \(help lists them\)')
        m.line("stop", r"usage: stop <cell>")
        m.line("start rtos1", r"start rtos1 refused: it is not stopped \(restart it\) "
                              r"\(it is running\)")

        # stop rtos1: it stops (on its own hart), rtos0 ticks on
        m.line("stop rtos1", r"stop rtos1: asked \(its hart 2 does it\)")
        text = run_until(q, lambda t: hv_message(t, "cell rtos1: stopped (asked from the monitor)"),
                         30, "rtos1 to stop")
        stopped = hv_message(text, "cell rtos1: stopped (asked from the monitor)")[0]
        text = ticks_after(q, "rtos0", stopped, 3, "rtos0 ticking after rtos1 stopped")
        late = [s for s in statuses(text, "rtos1") if s.pos > stopped + 200]
        assert not late, f"rtos1 printed after it stopped: {late}"
        assert m.cells()["rtos1"][0] == "stopped"
        assert m.cells()["rtos1"][4] == "-"
        m.line("stop rtos1", r"stop rtos1 refused: it is not running \(it is stopped\)")
        m.line("restart rtos1", r"restart rtos1 refused: it is not running \(start it\) "
                                r"\(it is stopped\)")

        # start rtos1: it boots from scratch (a second banner), and ticks
        m.line("start rtos1", r"start rtos1: asked \(its hart 2 does it\)")
        text = run_until(q, lambda t: hv_message(t, "cell rtos1: starting (asked from the monitor)"),
                         30, "rtos1 to start")
        started = hv_message(text, "cell rtos1: starting (asked from the monitor)")[0]
        text = ticks_after(q, "rtos1", started, 2, "rtos1 ticking after its start")
        assert len([b for b in cell_lines(text, "rtos1", "rtos: ") if BANNER.match(b.text)]) == 2
        again = [s for s in statuses(text, "rtos1") if s.pos > started]
        assert again[0].tick <= 150, f"rtos1 did not start from scratch: {again}"
        assert m.cells()["rtos1"][::3] == ("running", 2)

        # restart rtos0: it reboots; rtos1 keeps ticking through it
        before = len(q.text())
        m.line("restart rtos0", r"restart rtos0: asked \(its hart 1 does it\)")
        text = run_until(q, lambda t: hv_message(t[before:], "cell rtos0: restarting"), 30,
                         "rtos0 to restart")
        at = before + hv_message(text[before:], "cell rtos0: restarting")[0]
        assert hv_message(text[before:], "cell rtos0: restart asked from the monitor")
        text = ticks_after(q, "rtos0", at, 2, "rtos0 ticking after its restart")
        text = ticks_after(q, "rtos1", at, 3, "rtos1 ticking through rtos0's restart")
        s0 = [s for s in statuses(text, "rtos0") if s.pos > at]
        assert s0[0].tick <= 150, f"rtos0 did not restart: {s0}"
        s1 = [s for s in statuses(text, "rtos1") if s.pos > started]
        assert_ticking(s1, 100, "rtos1 across rtos0's restart")
        assert m.cells()["rtos0"][::3] == ("running", 2)

        # nothing typed at the monitor reached a cell
        assert not [l for c in CELLS for l in cell_lines(q.text()[opened:], c, "rtos: ")
                    if l.text.startswith("rtos: rx")]

        # exit: typed input goes to the focused cell (rtos0) again
        m.line("exit", r"monitor closed: input goes to the cells again")
        start = len(q.text())
        q.send("z")
        run_until(q, lambda t: any(l.text == "rtos: rx 'z'"
                                   for l in cell_lines(t[start:], "rtos0", "rtos: ")),
                  30, "rtos0 to echo what was typed after exit")
        # the one stop of the run was the one asked for
        stops = re.findall(r"cell (\w+): stopped \(([^)]*)\)", q.text())
        assert stops == [("rtos1", "asked from the monitor")], stops
        assert "all cells stopped" not in q.text()


def test_no_free_hart(images):
    """The console is served on rtos0's hart 0: a restart and a stop of
    rtos0 typed there are done by that hart after the console's interrupt,
    and the console keeps working for a start after.  With every cell
    stopped from the monitor the machine stays on, although
    POWEROFF_WHEN_ALL_STOPPED is on by default.  Not under -icount: there,
    with every hart asleep and no timer armed, QEMU delivered no typed
    input (seen with QEMU 10); nothing here depends on time, only on whole
    lines."""
    with Qemu(qemu_cmd(images[NOFREE], smp=4, mem="1G"), timeout=60) as q:
        ticks_after(q, "rtos0", 0, 2, "rtos0 ticking")
        ticks_after(q, "rtos1", 0, 2, "rtos1 ticking")
        m = Monitor(q)
        m.open()
        rows = m.cells()
        assert rows["rtos0"][1] == "0,1" and rows["rtos1"][1] == "2,3", rows

        before = len(q.text())
        m.line("restart rtos0", r"restart rtos0: asked \(its hart 0 does it\)")
        text = run_until(q, lambda t: hv_message(t[before:], "cell rtos0: restarting"), 30,
                         "rtos0 to restart")
        at = before + hv_message(text[before:], "cell rtos0: restarting")[0]
        ticks_after(q, "rtos0", at, 2, "rtos0 ticking after its restart")

        before = len(q.text())
        m.line("stop rtos0", r"stop rtos0: asked \(its hart 0 does it\)")
        text = run_until(q, lambda t: hv_message(t[before:], "cell rtos0: stopped (asked from "
                                                             "the monitor)"), 30, "rtos0 to stop")
        ticks_after(q, "rtos1", len(text), 3, "rtos1 ticking after rtos0 stopped")
        assert m.cells()["rtos0"][0] == "stopped"

        # every cell stopped from the monitor: the machine stays on
        # (POWEROFF_WHEN_ALL_STOPPED is on) and a cell starts again
        before = len(q.text())
        m.line("stop rtos1", r"stop rtos1: asked \(its hart 2 does it\)")
        # "all cells stopped: powering off" when a guest stops the last one
        wait_text(q, before, r"all cells stopped\n", "the line that every cell has stopped")
        assert "powering off" not in q.text()
        before = len(q.text())
        m.line("start rtos0", r"start rtos0: asked \(its hart 0 does it\)")
        ticks_after(q, "rtos0", before, 2, "rtos0 ticking after its start")
        assert m.cells()["rtos0"][::3] == ("running", 3)
        assert q.child.isalive()


def test_without_the_command_line():
    """CONFIG_MONITOR_SHELL=n: Ctrl-] m prints the overview only, and what
    is typed next goes to the focused cell."""
    elf = build_layout(LAYOUT, "CONFIG_MONITOR_SHELL=n")
    with boot(elf) as q:
        ticks_after(q, "rtos0", 0, 2, "rtos0 ticking")
        start = len(q.text())
        q.send("\x1dm")
        run_until(q, lambda t: re.search(r"\[fv\] image: .*\n", t[start:]), 30, "the overview")
        q.send("h")
        run_until(q, lambda t: any(l.text == "rtos: rx 'h'"
                                   for l in cell_lines(t[start:], "rtos0", "rtos: ")),
                  30, "rtos0 to echo what was typed")
        assert "monitor>" not in q.text()[start:]
