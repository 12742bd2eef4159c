# SPDX-License-Identifier: GPL-2.0-only
"""A layout may bring its own device tree for a cell instead of the
generated one (tests/layouts/run/own-dtb.c and .dts)."""
import re

from conftest import build_layout
from fvqemu import Qemu, qemu_cmd

# The tick number is whole only once " time" follows it.
TICK = re.compile(r"rtos: hart 0 tick (\d+) time ")


def own_text(log):
    """What cell "own" wrote, its pieces joined: it has input focus, so its
    lines are written through and may be cut by the other cell's."""
    return "".join(re.findall(r"^\[own\] ([^\r\n]*)", log, re.M))


def test_cell_boots_from_the_layouts_own_device_tree():
    elf = build_layout("tests/layouts/run/own-dtb.c")
    # Under -icount guest time is a count of instructions: which tick a
    # status line reports cannot depend on how busy the host is.
    with Qemu(qemu_cmd(elf, smp=4, mem="1G", icount=True), timeout=60) as q:
        log = q.wait_for(lambda t: len(TICK.findall(own_text(t))) >= 3 and
                         re.search(r"^\[gen\] " + TICK.pattern, t, re.M),
                         60, "3 status lines from own and 1 from gen")
    own = own_text(log)
    # the hand-written tree's bootargs and ISA (no Sstc), not the layout's
    # (both lines come before the first status line)
    cfg = re.search(r"rtos: config tick_us (\d+) status_every (\d+)", own)
    assert cfg and cfg.groups() == ("500", "150"), cfg
    assert re.search(r"rtos: \S+ hart 0 timebase 10000000 timer sbi", own)
    # status_every=150: the status task is released every 150 ticks
    ticks = [int(t) for t in TICK.findall(own)]
    assert ticks[:3] == [150, 300, 450], ticks
    # the other cell still gets its generated tree (its lines are written
    # whole, and these two come before its first status line)
    gen = re.search(r"\[gen\] rtos: config tick_us (\d+) status_every (\d+)", log)
    assert gen and gen.groups() == ("1000", "100"), gen
    assert re.search(r"\[gen\] rtos: \S+ hart 0 timebase 10000000 timer sstc", log)
