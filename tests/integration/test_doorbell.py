# SPDX-License-Identifier: GPL-2.0-only
"""Doorbells between two cells (tests/layouts/run/doorbell.c): cells "ping"
and "pong" run the sbitest guest's doorbell mode (cells/guests/sbitest/
doorbell.c) over a region both map MEM_SHARED.  A ring, by SBI or by the
register, must reach the peer as its doorbell interrupt through its vPLIC,
with the message written before it; rings are counted, none lost, whether
taken by the registers or by the SBI call that acknowledges them all
(ping always, pong every other interrupt); a ring to a cell that has
stopped is dropped; the RTOS beside them ticks on.  One round is answered
from pong's interrupt handler by the call that takes the rings and rings
back (SBI_FV_DOORBELL_TAKE_RING): after the same call with either index
past the last has failed and done nothing (the ring still there, no ring
sent), and a take-ring with nothing pending rings nothing.

Assertions are on whole lines the guests print (cell_lines joins what the
multiplexer split) and on their order within one cell; nothing is timed.
"""
import re

import pytest

from conftest import build_layouts
from test_cells import assert_ticking, boot, cell_lines, hv_message, run_until, statuses

LAYOUT = "tests/layouts/run/doorbell.c"
STOPPED = "cell {}: stopped (shutdown by its guest)"
GOOD = re.compile(r"sbitest: (?:start vhart 0 vharts 1 .*|doorbell .*|"
                  r"fv\.doorbell_(?:past_last|take_past_last|take_ring_past_last|"
                  r"take_ring_back_past_last|unknown_fid) ok)$")
BAD = re.compile(r"sbitest: doorbell (?:no interrupt|the peer is not|none)")


@pytest.fixture(scope="module")
def elf():
    return build_layouts([LAYOUT])[LAYOUT]


@pytest.fixture(scope="module")
def console(elf):
    with boot(elf) as q:
        text = run_until(q, lambda t: all(hv_message(t, STOPPED.format(c))
                                          for c in ("ping", "pong")),
                         90, "both doorbell cells to shut down")
        at = max(hv_message(text, STOPPED.format(c))[0] for c in ("ping", "pong"))
        text = run_until(q, lambda t: len([s for s in statuses(t, "rtos") if s.pos > at]) >= 2,
                         30, "2 RTOS status lines after both stopped")
        # the monitor's doorbell lines, up to its last line (the image check)
        start = len(text)
        q.send("\x1dm")
        return run_until(q, lambda t: re.search(r"\[fv\] image: .*\n", t[start:]), 30,
                         "the monitor's answer")


def lines(text, cell):
    got = [l.text for l in cell_lines(text, cell, "sbitest: ")]
    odd = [l for l in got if not GOOD.match(l) or BAD.search(l)]
    assert not odd, f"{cell}: unexpected lines {odd}\n--- console ---\n{text[-6000:]}"
    return got


def in_order(got, want, cell):
    """`want` appear in `got` in this order (other lines may come between)."""
    i = 0
    for line in got:
        if i < len(want) and line == want[i]:
            i += 1
    assert i == len(want), f"{cell}: missing {want[i]!r} (in order)\n" + "\n".join(got)


def test_device_tree_gives_the_doorbell(console):
    for cell in ("ping", "pong"):
        assert (f"sbitest: doorbell {cell} regs 0x10001000 shm 0x88000000 size 0x100000 "
                f"irq 11 of 1") in lines(console, cell)


def test_rings_reach_the_peer(console):
    ping, pong = lines(console, "ping"), lines(console, "pong")
    want = []
    for r in range(1, 5):
        want.append(f"sbitest: doorbell ring {r} by sbi value 1" if r & 1 else
                    f"sbitest: doorbell ring {r} by mmio")
        want.append(f"sbitest: doorbell irq 11 rings 1 msg pong {r}")
    want += ["sbitest: doorbell echo 5 by sbi value 1",
             "sbitest: doorbell irq 11 rings 1 msg pong 5"]
    in_order(ping, want, "ping")
    in_order(pong, [f"sbitest: doorbell irq 11 rings 1 msg ping {r}" for r in range(1, 5)],
             "pong")


def test_rings_are_counted(console):
    ping, pong = lines(console, "ping"), lines(console, "pong")
    # 4 rounds, the echo, 5 rings in a burst, "bye": 11 rings, every one counted
    assert "sbitest: doorbell sent 11 value 1" in ping
    got = [re.match(r"sbitest: doorbell received (\d+) rings in (\d+) interrupts, other (\d+)$",
                    l) for l in pong]
    got = [m for m in got if m]
    assert len(got) == 1, pong
    rings, irqs, other = map(int, got[0].groups())
    assert rings == 11 and other == 0, got[0][0]
    # each of the 5 answered rings takes its own interrupt; the burst's 5
    # and the "bye" may all share one (how many do depends on how fast the
    # hypervisor passes them on, against the peer's hart taking its IPI)
    assert 6 <= irqs <= 11, got[0][0]
    # every interrupt pong took was reported with its count; they add up
    counts = [int(m[1]) for m in (re.match(r"sbitest: doorbell irq 11 rings (\d+) ", l)
                                  for l in pong) if m]
    assert len(counts) <= irqs and sum(counts) <= rings and all(c >= 1 for c in counts)


def test_take_ring(console):
    """pong's handler answered "echo 5" by take-ring: the calls with the
    doorbell to take, then the one to ring, past the last failed with
    INVALID_PARAM and took nothing (the good call still took the ring:
    value 1) and rang nothing (ping got one ring, its count 1; the
    monitor test counts pong's rings); ping's take-ring with nothing
    pending took 0, and its ring would have made pong count 12."""
    ping, pong = lines(console, "ping"), lines(console, "pong")
    assert ("sbitest: doorbell echo by take_ring error 0 value 1, past the last: "
            "take -3 ring -3") in pong, pong
    in_order(ping, ["sbitest: doorbell irq 11 rings 1 msg pong 5",
                    "sbitest: doorbell take_ring with nothing pending value 0"], "ping")


def test_ring_to_a_stopped_cell_is_dropped(console):
    ping = lines(console, "ping")
    in_order(ping, ["sbitest: doorbell sent 11 value 1", "sbitest: fv.doorbell_past_last ok",
                    "sbitest: fv.doorbell_take_past_last ok",
                    "sbitest: fv.doorbell_take_ring_past_last ok",
                    "sbitest: fv.doorbell_take_ring_back_past_last ok",
                    "sbitest: fv.doorbell_unknown_fid ok",
                    "sbitest: doorbell ring after the peer stopped value 0",
                    "sbitest: doorbell done"], "ping")
    assert "sbitest: doorbell done" in lines(console, "pong")


def test_only_they_stopped(console):
    events = re.findall(r"cell (\w+): (?!starting|totals)([^\r\n]*)", console)
    assert sorted(events) == [("ping", "stopped (shutdown by its guest)"),
                              ("pong", "stopped (shutdown by its guest)")], events
    assert_ticking(statuses(console, "rtos"), 100, "rtos")


MONITOR_DOORBELL = re.compile(r"^\[fv\] (\w+) doorbell at 0x10001000 to (\w+): rung (\d+), "
                              r"dropped (\d+), acked (\d+), pending (\d+), direct (\d+), "
                              r"busy (\d+)$", re.M)


def test_monitor_counts_the_rings(console):
    """Ctrl-] m has a line per doorbell: ping's ring after pong stopped is
    its one dropped ring; pong rang exactly 5 times (4 answers and the
    take-ring's, none from the calls that failed) and ping took all 5;
    both ends' rings were taken, none is pending
    (the cells stopped: a stop clears the count).  On this PLIC board no
    ring raises the peer's line from the ringing hart (direct 0, busy 0):
    the virtual PLIC is driven by its own cell's harts only."""
    rows = {m[1]: (m[2], *map(int, m.groups()[2:])) for m in MONITOR_DOORBELL.finditer(console)}
    assert set(rows) == {"ping", "pong"}, rows
    assert rows["ping"][0] == "pong" and rows["pong"][0] == "ping", rows
    peer, rung, dropped, acked, pending, direct, busy = rows["ping"]
    assert rung >= 10 and dropped == 1 and pending == 0, rows
    assert rows["pong"][1:5] == (5, 0, rows["pong"][3], 0), rows
    assert rows["ping"][3] == 5, rows
    assert all(r[5] == 0 and r[6] == 0 for r in rows.values()), rows
