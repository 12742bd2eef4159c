# SPDX-License-Identifier: GPL-2.0-only
"""Cells on an AIA machine (QEMU virt with aia=aplic-imsic): the platform
has an APLIC and IMSICs and no PLIC.  The images are built for that board
(fvqemu.AIA_CONFIG: the build-time layout check runs against QEMU's AIA
device tree).

Asserts only on what cannot depend on host speed: lines that appear,
ticks that grow, typed bytes that come back; the guests' own counts (IPIs
answered, RTC alarms taken, each with a deadline in guest time) only
under -icount, where guest time is a count of instructions.
"""
import glob
import os
import re
import subprocess

import pytest

import fvqemu

from conftest import build_layouts
from fvqemu import AIA_CONFIG, AIA_MACHINE, Qemu, qemu_cmd
from test_cells import cell_lines
from test_layout_check import expectations, match_all, run

TWO_RTOS = "cells/qemu-riscv64-virt/two-rtos.c"
TWO_RTOS_AIA = "cells/qemu-riscv64-virt/two-rtos-aia.c"
RETARGET = "tests/layouts/run/aia-retarget.c"
LAYOUTS = [TWO_RTOS, TWO_RTOS_AIA, RETARGET]
RTC = re.compile(r"rtos: rtc: (\d+) of (\d+) alarms taken$")
ATTACK = re.compile(r"rtos: aplic: aimed source 10 at hart 2: target (0x[0-9a-f]+|0), "
                    r"was (0x[0-9a-f]+|0)$")
PING = re.compile(r"rtos: imsic: ipi ping-pong with hart 1: (\d+) of (\d+) answered in \d+ ticks$")
# starts, exits, sbi, mmio, irqs (passthrough interrupts the hypervisor took)
MONITOR_ROW = r"\[fv\] \d+\s+{}\s+running\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s"

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


def matches(q, cell, regex):
    return [m for m in map(regex.match, lines(q, cell)) if m]


def ping(q):
    found = matches(q, "rtos0", PING)
    return found[0] if found else None


@pytest.mark.parametrize("cpu", ["rv64", "rv64,smstateen=true"])
def test_ipis_through_guest_files(images, cpu):
    """The AIA layout: rtos0's two vharts play 100 rounds of IPI ping-pong
    by storing into each other's guest interrupt file, every IPI answered
    and none of them an SBI call (the cell made only its few boot-time
    ones); its 10 RTC alarms (a passthrough source its virtual APLIC aimed
    at its file) all arrive, none through the hypervisor (monitor: irqs
    0); both cells take typed input through their virtual APLIC's UART
    source.  With Smstateen, hstateen0 lets the guest reach its file's
    CSRs."""
    cmd = qemu_cmd(images[TWO_RTOS_AIA], smp=4, mem="1G", cpu=cpu, machine=AIA_MACHINE,
                   icount=True)
    with Qemu(cmd, timeout=60, logname="aia-ipi") as q:
        q.wait_for(lambda t: ping(q) is not None and matches(q, "rtos0", RTC),
                   60, "rtos0's IPI ping-pong and RTC lines")
        m = ping(q)
        assert m[1] == m[2] == "100"
        assert matches(q, "rtos0", RTC)[0].groups() == ("10", "10")
        q.wait_for(lambda t: ticks(q, "rtos1") >= 200, 60, "rtos1 to tick")
        assert rx_mode(q, "rtos0") == rx_mode(q, "rtos1") == "irq"
        q.send("x")
        q.wait_for(lambda t: "rtos: rx 'x'" in lines(q, "rtos0"), 30, "rtos0 to echo 'x'")
        q.send("\x1d2")
        q.expect(r"console input goes to rtos1")
        q.send("y")
        q.wait_for(lambda t: "rtos: rx 'y'" in lines(q, "rtos1"), 30, "rtos1 to echo 'y'")
        q.send("\x1dm")
        row = q.expect(MONITOR_ROW.format("rtos0"))
        starts, exits, sbi, mmio, irqs = (int(x) for x in row.groups())
        assert starts == 1 and sbi < 10 and irqs == 0, row.group(0)
        # the files' CSRs (stopei, siselect/sireg) never trapped
        q.send("\x1dv")
        traps = [q.expect(rf"\[fv\] rtos0 vhart {k} \(hart {k}, idle \d+\): running; "
                          r"[^\n]*\n").group(0) for k in (0, 1)]
        for t in traps:
            assert "virtual instruction" not in t and "illegal" not in t, t


def test_retarget_is_ignored(images):
    """rtos0 aims its virtual APLIC's UART source at hart 2 (not its own),
    at guest index 1 and at identity 2047, and sends a genmsi to hart 2,
    at every boot, and reboots itself after 3 status lines.  The
    hypervisor ignores each write and says so once; the target register
    keeps its value; after each restart rtos0's RTC alarms still reach it,
    and rtos1 (on hart 2) keeps ticking and taking its typed input."""
    cmd = qemu_cmd(images[RETARGET], smp=4, mem="1G", machine=AIA_MACHINE, icount=True)
    with Qemu(cmd, timeout=90, logname="aia-retarget") as q:
        q.expect(r"cell rtos0: virtual APLIC: target\[10\] 0x8000a names hart 2, guest 0, "
                 r"identity 10: not the cell's; write ignored")
        q.wait_for(lambda t: len(matches(q, "rtos0", RTC)) >= 2 and
                   len(matches(q, "rtos0", ATTACK)) >= 2, 90,
                   "rtos0 to attack and take its RTC alarms twice (a restart between)")
        for m in matches(q, "rtos0", ATTACK):
            assert m[1] == m[2], m.group(0)          # the target kept its value
        for m in matches(q, "rtos0", RTC):
            assert m.groups() == ("10", "10")
        for m in matches(q, "rtos0", PING):                # files reset, IPIs again
            assert m[1] == m[2] == "100", m.group(0)
        assert q.text().count("virtual APLIC: ") == 1   # said once
        q.send("\x1d2")
        q.expect(r"console input goes to rtos1")
        before = ticks(q, "rtos1")
        q.send("z")
        q.wait_for(lambda t: "rtos: rx 'z'" in lines(q, "rtos1"), 30, "rtos1 to echo 'z'")
        q.wait_for(lambda t: ticks(q, "rtos1") > before, 30, "rtos1 to tick on")
        assert len(re.findall(r"cell rtos0: (?:restart|start)", q.text())) >= 2
        # before each reboot rtos0 stops its hart 1 with an SBI IPI
        assert "rtos: hart 1 stopped" in lines(q, "rtos0")


def test_console_on_a_cell_hart(images):
    """With -smp 3 every hart belongs to a cell: the hypervisor's console
    interrupt goes to the S-level file of the focused cell's hart, which
    runs that cell's guest with its guest file selected, and moves with
    the focus; typed bytes reach each cell in turn."""
    cmd = qemu_cmd(images[TWO_RTOS_AIA], smp=3, mem="1G", machine=AIA_MACHINE)
    with Qemu(cmd, timeout=60, logname="aia-nofree") as q:
        q.expect(r"console: no free hart")
        q.wait_for(lambda t: ticks(q, "rtos0") >= 200 and ticks(q, "rtos1") >= 200,
                   60, "both cells to tick")
        q.send("k")
        q.wait_for(lambda t: "rtos: rx 'k'" in lines(q, "rtos0"), 30, "rtos0 to echo 'k'")
        q.send("\x1d2")
        q.expect(r"console input goes to rtos1")
        q.send("l")
        q.wait_for(lambda t: "rtos: rx 'l'" in lines(q, "rtos1"), 30, "rtos1 to echo 'l'")


def test_rtos_native_on_aia(images):
    """The RTOS alone on the bare AIA machine (OpenSBI, no hypervisor):
    its IMSIC and APLIC drivers against QEMU's own, the same lines as in
    a cell.  (The images fixture built the guest already.)"""
    rtos = os.path.join(os.path.dirname(images[TWO_RTOS_AIA]), "guests", "rtos", "rtos.elf")
    cmd = qemu_cmd(rtos, smp=2, mem="256M", machine=AIA_MACHINE, icount=True,
                   append="harts=2 status_every=200")
    with Qemu(cmd, timeout=60, logname="aia-native") as q:
        m = q.expect(r"rtos: imsic: ipi ping-pong with hart 1: (\d+) of (\d+) answered "
                     r"in \d+ ticks\r*\n")
        assert m.group(1) == m.group(2) == "100"
        m = q.expect(r"rtos: rtc: (\d+) of (\d+) alarms taken\r*\n")
        assert m.group(1) == m.group(2) == "10"
        q.send("n")
        q.expect(r"rtos: rx 'n'\r*\n")


# Layouts checked against the AIA board: the AIA errors that depend on the
# board (tests/layouts/aia_*.c are the ones any board gives).
AIA_BOARD_LAYOUTS = sorted(glob.glob(os.path.join(fvqemu.ROOT, "tests", "layouts",
                                                  "aia-board", "*.c")))
LC_O = os.path.join(fvqemu.BUILD, "layoutcheck-aia")


@pytest.fixture(scope="module")
def aia_checkers():
    rel = [os.path.relpath(f, fvqemu.ROOT) for f in AIA_BOARD_LAYOUTS]
    make = ["make", "-s", "-C", fvqemu.ROOT, f"O={LC_O}"]
    subprocess.run(make + ["qemu-riscv64-virt-aia_defconfig"], check=True,
                   stdout=subprocess.DEVNULL)
    img = os.path.join(LC_O, "guests", "test", "img.bin")
    os.makedirs(os.path.dirname(img), exist_ok=True)
    with open(img, "wb") as f:
        f.write(bytes(range(256)) * 256)        # 64 KiB, as test_layout_check's
    subprocess.run(make + ["HOST_SANITIZE=1", os.path.join(LC_O, "platform.dtb")] +
                   [os.path.join(LC_O, "host", "check", r[:-2]) for r in rel],
                   check=True, stdout=subprocess.DEVNULL)
    return {r: os.path.join(LC_O, "host", "check", r[:-2]) for r in rel}


@pytest.mark.parametrize("layout", AIA_BOARD_LAYOUTS,
                         ids=[os.path.basename(l)[:-2] for l in AIA_BOARD_LAYOUTS])
def test_aia_board_layout(aia_checkers, layout):
    name = os.path.relpath(layout, fvqemu.ROOT)
    r = run(aia_checkers[name], os.path.join(LC_O, "platform.dtb"), name)
    exps = expectations(layout)
    if exps == ["OK"]:
        assert r.returncode == 0 and r.stderr == "", r.stderr
        return
    assert r.returncode == 1, r.stdout + r.stderr
    match_all(name, "error", r.stderr.splitlines(), exps)
