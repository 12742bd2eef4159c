# SPDX-License-Identifier: GPL-2.0-only
"""Cells on an AIA machine (QEMU virt with aia=aplic-imsic): the platform
has an APLIC and IMSICs and no PLIC.  The images are built for that board
(fvqemu.AIA_CONFIG: the build-time layout check runs against QEMU's AIA
device tree).

Asserts only on what cannot depend on host speed: lines that appear,
ticks that grow, typed bytes that come back.
"""
import re

import pytest

from conftest import build_layouts
from fvqemu import AIA_CONFIG, AIA_MACHINE, Qemu, qemu_cmd
from test_cells import cell_lines

TWO_RTOS = "cells/qemu-riscv64-virt/two-rtos.c"
TWO_RTOS_AIA = "cells/qemu-riscv64-virt/two-rtos-aia.c"
LAYOUTS = [TWO_RTOS, TWO_RTOS_AIA]
PING = re.compile(r"rtos: imsic: ipi ping-pong with hart 1: (\d+) of (\d+) answered$")
MONITOR_ROW = r"\[fv\] \d+\s+{}\s+running\s+(\d+)\s+(\d+)\s+(\d+)\s"

CONFIG = re.compile(r"rtos: config tick_us \d+ status_every \d+ harts \d+/\d+ rx (\w+)$")
STATUS = re.compile(r"rtos: hart 0 tick (\d+) time \d+ jitter")


@pytest.fixture(scope="module")
def images():
    return build_layouts(LAYOUTS, AIA_CONFIG)


def lines(q, cell):
    """`cell`'s whole lines so far (the focused cell's come in pieces)."""
    return [ln.text for ln in cell_lines(q.text(), cell, "rtos: ")]


def rx_mode(q, cell):
    """How the RTOS takes its UART's input: "irq" or "poll"."""
    found = [m[1] for m in map(CONFIG.match, lines(q, cell)) if m]
    return found[0] if found else None


def ticks(q, cell):
    """The last tick count `cell` reported, from its whole status lines."""
    found = [int(m[1]) for m in map(STATUS.match, lines(q, cell)) if m]
    return found[-1] if found else -1


def test_two_rtos_cells_run(images):
    """Both cells start, tick, and take typed input through their UART's
    interrupt; the hypervisor's console input arrives through its own
    S-level interrupt file."""
    cmd = qemu_cmd(images[TWO_RTOS], smp=4, mem="1G", machine=AIA_MACHINE)
    with Qemu(cmd, timeout=60, logname="aia-two-rtos") as q:
        q.expect(r"irqchip: APLIC \(S\) at 0xd000000, 96 sources")
        q.expect(r"irqchip: IMSIC \(S\) at 0x28000000, 255 ids, 7 guest files per hart")
        q.wait_for(lambda t: ticks(q, "rtos0") >= 400 and ticks(q, "rtos1") >= 400,
                   60, "both cells to pass tick 400")
        assert rx_mode(q, "rtos0") == rx_mode(q, "rtos1") == "irq"
        q.send("a")
        q.wait_for(lambda t: "rtos: rx 'a'" in lines(q, "rtos0"), 30, "rtos0 to echo 'a'")
        q.send("\x1dn")
        q.expect(r"console input goes to rtos1")
        q.send("b")
        q.wait_for(lambda t: "rtos: rx 'b'" in lines(q, "rtos1"), 30, "rtos1 to echo 'b'")
        assert "rtos: rx 'b'" not in lines(q, "rtos0")


def ping(q):
    found = [m for m in map(PING.match, lines(q, "rtos0")) if m]
    return found[0] if found else None


@pytest.mark.parametrize("cpu", ["rv64", "rv64,smstateen=true"])
def test_ipis_through_guest_files(images, cpu):
    """rtos0's two vharts play 100 rounds of IPI ping-pong by storing into
    each other's guest interrupt file: every IPI answered, and none of them
    an SBI call (the cell made only its few boot-time ones).  With
    Smstateen, hstateen0 lets the guest reach its file's CSRs."""
    cmd = qemu_cmd(images[TWO_RTOS_AIA], smp=4, mem="1G", cpu=cpu, machine=AIA_MACHINE)
    with Qemu(cmd, timeout=60, logname="aia-ipi") as q:
        q.wait_for(lambda t: ping(q) is not None, 60, "rtos0's IPI ping-pong line")
        m = ping(q)
        assert m[1] == m[2] == "100"
        q.wait_for(lambda t: ticks(q, "rtos1") >= 200, 60, "rtos1 to tick")
        q.send("\x1dm")
        row = q.expect(MONITOR_ROW.format("rtos0"))
        starts, exits, sbi = (int(x) for x in row.groups())
        assert starts == 1 and sbi < 10, row.group(0)
