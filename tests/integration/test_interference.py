# SPDX-License-Identifier: GPL-2.0-only
"""No cell waits for another (issue 8, 2): the same RTOS cell runs its 2000
ticks alone and beside a noisy neighbour (tests/bench/noisy: a console
flood, SBI call storms, IPIs within its own cell, a reboot every 100
rounds).  When the RTOS stops, the hypervisor prints its totals: beside
the neighbour it must take no interrupt it did not take alone, and wait
on no lock another cell holds.  All counts, under -icount; make bench
prints the same figures per 1000 ticks.
"""
import os
import sys

import pytest

from conftest import build_layouts
from fvqemu import ROOT

sys.path.insert(0, os.path.join(ROOT, "tests", "bench"))
import benchlib  # noqa: E402


@pytest.fixture(scope="module")
def totals():
    elfs = build_layouts([benchlib.ALONE_LAYOUT, benchlib.NOISY_LAYOUT])
    return {"alone": benchlib.interference(elfs[benchlib.ALONE_LAYOUT]),
            "noisy": benchlib.interference(elfs[benchlib.NOISY_LAYOUT])}


def test_neighbour_was_noisy(totals):
    assert totals["alone"][1] == 0
    assert totals["noisy"][1] >= 3, "the neighbour did not reboot in a loop"


def test_no_interrupt_and_no_wait_from_the_neighbour(totals):
    (traps_a, irqs_a, waits_a), _ = totals["alone"]
    (traps_n, irqs_n, waits_n), _ = totals["noisy"]
    print(f"\nrtos over {benchlib.RTOS_TICKS} ticks: alone traps {traps_a} interrupts "
          f"{irqs_a} waits {waits_a}; beside the neighbour traps {traps_n} interrupts "
          f"{irqs_n} waits {waits_n}")
    assert waits_a == waits_n == 0
    assert irqs_n == irqs_a, f"interrupts: {irqs_a} alone, {irqs_n} beside the neighbour"
    # its own traps are its console's: the same lines, but for a few
    # digits of the times they print
    assert abs(traps_n - traps_a) <= traps_a // 20, (traps_a, traps_n)
