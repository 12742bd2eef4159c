# SPDX-License-Identifier: GPL-2.0-only
"""A layout may bring its own device tree for a cell instead of the
generated one (tests/layouts/run/own-dtb.c and .dts)."""
import re

from conftest import build_layout
from fvqemu import Qemu, qemu_cmd


def test_cell_boots_from_the_layouts_own_device_tree():
    elf = build_layout("tests/layouts/run/own-dtb.c")
    with Qemu(qemu_cmd(elf, smp=4, mem="1G"), timeout=60) as q:
        for _ in range(3):
            q.expect(r"\[own\] rtos: hart 0 tick \d+")
        q.expect(r"\[gen\] rtos: hart 0 tick \d+")
        log = q.text()
    # "own" has input focus, so its lines are written through and may be
    # cut by the other cell's: read its pieces joined
    own_text = "".join(re.findall(r"^\[own\] (.*)$", log, re.M))
    # the hand-written tree's bootargs and ISA (no Sstc), not the layout's
    own = re.search(r"rtos: config tick_us (\d+) status_every (\d+)", own_text)
    assert own and own.groups() == ("500", "150"), own
    assert re.search(r"rtos: \S+ hart 0 timebase 10000000 timer sbi", own_text)
    ticks = [int(t) for t in re.findall(r"rtos: hart 0 tick (\d+)", own_text)]
    assert ticks[:3] == [150, 300, 450]
    # the other cell still gets its generated tree
    gen = re.search(r"\[gen\] rtos: config tick_us (\d+) status_every (\d+)", log)
    assert gen and gen.groups() == ("1000", "100"), gen
    assert re.search(r"\[gen\] rtos: \S+ hart 0 timebase 10000000 timer sstc", log)
