# SPDX-License-Identifier: GPL-2.0-only
"""Exceptions a guest causes itself go back to it; only what no native
kernel could see stops its cell (issue 8).

One boot of tests/layouts/run/guest-exc.c: cell "exc" executes
hypervisor-extension instructions (and a withheld counter) from VS and
VU-mode and must get each back as its own illegal-instruction exception,
then shuts down; cell "ptw" makes its own page-table walk read a PTE from
its vPLIC and must be stopped for that, without the read being emulated;
the RTOS next to them ticks on throughout.
"""
import re

import pytest

from conftest import build_layouts
from test_cells import (BAD_LINE, assert_ticking, boot, cell_lines, hv_message, run_until,
                        statuses)

LAYOUT = "tests/layouts/run/guest-exc.c"

# cells/guests/sbitest/exc.c, each once
EXC_CHECKS = """
exc.vs_csrr_hstatus exc.vu_csrr_hstatus exc.vs_csrw_hgatp exc.vu_csrw_hgatp
exc.vs_hfence_vvma exc.vu_hfence_vvma exc.vs_csrr_hpmcounter31
exc.vu_csrr_hpmcounter31 exc.vs_sie_saved
""".split()

EXC_STOP = "cell exc: stopped (shutdown by its guest)"
PTW_STOP = "cell ptw: stopped by its fault policy"
PTW_VA = "0x40000000"
PTW_PTE = "0xc200000"       # vhart 0's vPLIC context: threshold and claim


@pytest.fixture(scope="module")
def console():
    elf = build_layouts([LAYOUT])[LAYOUT]

    def done(t):
        # each cell's end, right or wrong, so that the tests can say which
        ends = [hv_message(t, "cell exc: stopped"),
                hv_message(t, PTW_STOP) + [l.pos for l in cell_lines(t, "ptw", "sbitest: ")
                                           if "survived" in l.text]]
        if not all(ends):
            return False
        last = max(e[0] for e in ends)
        return len([s for s in statuses(t, "rtos") if s.pos > last]) >= 3

    with boot(elf) as q:
        return run_until(q, done, 40, "both cells done and 3 RTOS lines after")


def test_missing_instructions_are_illegal_to_the_guest(console):
    text = console
    lines = [l.text for l in cell_lines(text, "exc", "sbitest: ")]
    bad = [l for l in lines if " FAIL " in l or "unexpected trap" in l]
    assert not bad, "\n".join(bad)
    ok = [l.split()[1] for l in lines if l.endswith(" ok")]
    assert sorted(ok) == sorted(EXC_CHECKS), f"{ok}\n--- console ---\n{text[-4000:]}"
    assert f"sbitest: done pass={len(EXC_CHECKS)} fail=0" in lines
    # it shut down by itself: no fault, no other event of the cell
    events = re.findall(r"cell exc: (?!starting|totals)([^\r\n]*)", text)
    assert events == ["stopped (shutdown by its guest)"], events


def test_page_table_walk_into_a_device_stops_the_cell(console):
    text = console
    lines = [l.text for l in cell_lines(text, "ptw", "sbitest: ")]
    bad = [m for m in map(BAD_LINE.match, lines) if m]
    assert len(bad) == 1, lines
    assert (bad[0][1], bad[0][2], bad[0][3]) == ("0", "ptw", PTW_VA)
    fault = (f"cell ptw: vhart 0: implicit access (page-table walk) to an emulated device "
             f"at {PTW_PTE}, pc {bad[0][4]}")
    at = hv_message(text, fault)
    assert len(at) == 1, f"no {fault!r} in the console:\n{text[-4000:]}"
    stop = hv_message(text, PTW_STOP)
    assert len(stop) == 1 and stop[0] > at[0]
    # stopped at the walk: the load was not emulated as a vPLIC read
    assert not any("survived" in l for l in lines), lines
    assert all(l.pos < at[0] for l in cell_lines(text, "ptw", "sbitest: "))
    assert len(hv_message(text, "cell ptw: ")) == 4     # start, fault, stop, totals


def test_neighbour_ticks_on(console):
    text = console
    st = statuses(text, "rtos")
    assert_ticking(st, 100, "rtos")
    stops = [hv_message(text, "cell exc: stopped")[0], hv_message(text, "cell ptw: ")[-1]]
    first, last = min(stops), max(stops)
    assert any(s.pos < first for s in st), "the RTOS did not tick before the cells stopped"
    assert len([s for s in st if s.pos > last]) >= 3
    assert "restarting" not in text
    events = re.findall(r"cell rtos: (?!starting)([^\r\n]*)", text)
    assert not events, events
