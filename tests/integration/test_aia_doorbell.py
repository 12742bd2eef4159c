# SPDX-License-Identifier: GPL-2.0-only
"""A doorbell ringing while its peer restarts, on the AIA machine
(tests/layouts/run/aia-doorbell-restart.c, the bench guest's
bench=dbstorm and bench=dbreboot, tests/bench/guest/dbrestart.c).  There
a ring raises the peer's virtual APLIC source and stores the identity into
the peer's guest interrupt file from the ringing hart, so this is where a
ring can meet the peer's stop, reset and start.

"storm" rings without pause; "peer" takes 50 interrupts (100 rings at
least) by the SBI take call, reboots, and does it again, four runs in
all.  Asserted: each of the peer's runs takes its 50 interrupts and 100
rings (they resume after every restart; every interrupt after the first
is a new rise of the line after a take emptied the count),
through its own identity only, with no call refused; the ringer's rings
are never refused either (some are dropped while the peer is down: that
may be dropped while the peer is down); no vAPLIC write is refused; the
monitor shows rings driven by the ringer's hart (direct) and the peer's
acknowledgements.

Twice: under -icount (deterministic; QEMU then runs the harts in turns,
so a ring meets the peer's restart only at the turns' edges), and with
QEMU's parallel harts, where rings do land in the middle of a restart
(the finer races are tests/unit/test_doorbell.c's).  Nothing asserted is
about time: the guests' 60 s watchdogs only turn a hang into a failure.
"""
import re

import pytest

from conftest import build_layouts
from fvqemu import AIA_CONFIG, AIA_MACHINE, Qemu, qemu_cmd
from test_cells import cell_lines, hv_message, run_until

LAYOUT = "tests/layouts/run/aia-doorbell-restart.c"
RUNS, RINGS, IRQS = 4, 100, 50
TOOK = re.compile(r"bench: dbreboot run (\d+) took (\d+) rings in (\d+) interrupts, "
                  r"wrong (\d+), refused (\d+)$")
STORM = re.compile(r"bench: dbstorm rang (\d+), by sbi: taken (\d+) dropped (\d+) errors (\d+)$")
MONITOR = re.compile(r"^\[fv\] (\w+) doorbell at 0x10001000 to (\w+): rung (\d+), dropped (\d+), "
                     r"acked (\d+), pending (\d+), direct (\d+), busy (\d+)$", re.M)
PEER_STOPPED = "cell peer: stopped (shutdown by its guest)"


@pytest.fixture(scope="module", params=["icount", "parallel"])
def console(request):
    elf = build_layouts([LAYOUT], AIA_CONFIG)[LAYOUT]
    cmd = qemu_cmd(elf, smp=4, mem="1G", machine=AIA_MACHINE,
                   icount=request.param == "icount")
    with Qemu(cmd, timeout=120, logname=f"aia-doorbell-restart-{request.param}") as q:
        # storm sleeps once it has said what it counted: the machine stays
        # up for the monitor, and QEMU is ended after
        text = run_until(q, lambda t: hv_message(t, PEER_STOPPED) and
                         any(map(STORM.match, lines(t, "storm"))),
                         240, "the peer to shut down and storm to report")
        start = len(text)
        q.send("\x1dm")
        return run_until(q, lambda t: re.search(r"\[fv\] image: .*\n", t[start:]), 30,
                         "the monitor's answer")


def lines(text, cell):
    return [ln.text for ln in cell_lines(text, cell, "bench: ")]


def test_peer_rings_resume_after_each_restart(console):
    peer = lines(console, "peer")
    assert not [l for l in peer if l.startswith("bench: error")], peer
    ready = [l for l in peer if l.startswith("bench: dbreboot run ")
             and l.endswith(" ready")]
    assert ready == [f"bench: dbreboot run {r} ready" for r in range(1, RUNS + 1)], peer
    runs = [tuple(map(int, m.groups())) for m in map(TOOK.match, peer) if m]
    assert [r[0] for r in runs] == list(range(1, RUNS + 1)), peer
    for run, took, irqs, wrong, refused in runs:
        assert took >= RINGS and IRQS <= irqs <= took, runs
        assert wrong == 0 and refused == 0, runs
    assert peer[-1] == "bench: dbreboot done", peer
    assert len(hv_message(console, "cell peer: restarting")) == RUNS - 1


def test_ringer_is_never_refused(console):
    storm = lines(console, "storm")
    got = [m for m in map(STORM.match, storm) if m]
    assert len(got) == 1, storm
    rang, taken, dropped, errors = map(int, got[0].groups())
    assert errors == 0, got[0][0]
    # half the rings are by SBI; the peer took at least RINGS a run
    assert taken >= RINGS * RUNS // 2, got[0][0]
    assert not [l for l in storm if l.startswith("bench: error")], storm
    assert "virtual APLIC" not in console


def test_monitor_shows_direct_rings(console):
    rows = {m[1]: tuple(map(int, m.groups()[2:])) for m in MONITOR.finditer(console)}
    assert set(rows) == {"storm", "peer"}, rows
    rung, dropped, acked, pending, direct, busy = rows["storm"]
    # every ring the peer took was raised by storm's hart or left to the
    # peer's (busy): none went another way
    assert direct + busy == rung and direct > 0, rows
    # the peer acknowledged at least its runs' rings, and no ring twice
    assert RINGS * RUNS <= rows["peer"][2] <= rung and pending == 0, rows
