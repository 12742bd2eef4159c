# SPDX-License-Identifier: GPL-2.0-only
"""The benchmark guest (tests/bench) runs once in its cell and prints every
figure with plausible numbers; its AIA figures (bench=aia) once natively
and once in their cell on the AIA machine, and the doorbell between two
cells there (bench-io-aia); the ARM64 bench guest
(tests/bench/guest, arch/arm64) natively on qemu-system-aarch64 and in its cell,
on the GICv3 board and on the GICv2 one (its gicv2/ variant, the GICv2
image), and
the ARM64 Linux boot points (tests/bench/linuxboot.py on that board).  No
timing is judged here: `make bench` measures, this only checks that it can.
"""
import os
import re
import sys

import pytest

from conftest import build_layout
from fvqemu import ROOT, Qemu, have_qemu

sys.path.insert(0, os.path.join(ROOT, "tests", "bench"))
import benchlib  # noqa: E402

pytestmark = pytest.mark.skipif(not have_qemu(), reason="QEMU or OpenSBI missing")


@pytest.fixture(scope="module")
def bench_log():
    elf = build_layout(benchlib.BENCH_LAYOUT)
    with Qemu(benchlib.guest_cmd(elf), timeout=120) as q:
        q.expect(r"bench: (done|error)")
        return q.wait_exit(timeout=60)


def test_every_figure(bench_log):
    assert not benchlib.errors(bench_log), bench_log[-3000:]
    assert "bench: done" in bench_log
    figs = benchlib.parse(bench_log)
    for name in benchlib.FIGURES + benchlib.SSTC_FIGURES:
        assert name in figs, f"no {name} line\n{bench_log[-3000:]}"
        f = figs[name]
        assert f["n"] > 0 and 0 < f["min"] <= f["mean"] <= f["max"], (name, f)
        assert f["max"] < 1_000_000, (name, f)


@pytest.fixture(scope="module")
def io_log():
    """The I/O figures (bench=io): the bench cell with its virtio-blk disk
    and a doorbell to the echo cell."""
    elf = build_layout(benchlib.IO_LAYOUT)
    with Qemu(benchlib.guest_cmd(elf), timeout=120) as q:
        q.expect(r"bench: (done|error)")
        return q.wait_exit(timeout=60)


def test_every_io_figure(io_log):
    assert not benchlib.errors(io_log), io_log[-3000:]
    assert "bench: done" in io_log and "[echo] bench: echo done" in io_log, io_log[-3000:]
    figs = benchlib.parse(io_log)
    for name in benchlib.BLK_FIGURES + benchlib.DOORBELL_FIGURES:
        assert name in figs, f"no {name} line\n{io_log[-3000:]}"
        f = figs[name]
        assert f["n"] > 0 and 0 < f["min"] <= f["mean"] <= f["max"], (name, f)
    # the whole MiB costs more than one 4 KiB request
    assert figs["blk_seq_4k"]["min"] > figs["blk_read_4k"]["max"]


def test_clock_and_entry(bench_log):
    figs = benchlib.parse(bench_log)
    # -icount shift=0 at QEMU virt's 10 MHz: 100 cycles a tick, aligned
    assert figs.get("clock") == (100, True), bench_log[-2000:]
    assert figs.get("entry", 0) > 0


@pytest.fixture(scope="module")
def io_aia_log():
    """The doorbell figures on the AIA machine (bench=doorbell, layout
    bench-io-aia): both cells with guest files and a virtual APLIC."""
    elf = build_layout(benchlib.IO_AIA_LAYOUT, benchlib.AIA_CONFIG)
    with Qemu(benchlib.aia_cmd(elf, native=False), timeout=120,
              logname="bench-io-aia") as q:
        if q.expect(r"bench: (done|error)").group(1) == "error":
            return q.text()     # the peer may still run: no wait for the end
        return q.wait_exit(timeout=60)


def test_every_aia_doorbell_figure(io_aia_log):
    """Every ring reached the peer through its virtual APLIC (a message
    into its guest file, claimed by vstopei as the doorbell's identity)
    and came back: the guest fails with a "bench: error" line on another
    identity or on no ring back within a second (its watchdog), so a
    complete set of parsing rows is the proof.  No timing is judged."""
    log = io_aia_log
    assert not benchlib.errors(log), log[-3000:]
    assert "[bench] bench: doorbell irq 12 via aplic-msi" in log, log[-3000:]
    assert "[echo] bench: echo ready (irq 12 via aplic-msi)" in log, log[-3000:]
    assert "bench: done" in log and "[echo] bench: echo done" in log, log[-3000:]
    figs = benchlib.parse(log)
    for name in benchlib.DOORBELL_FIGURES:
        assert name in figs, f"no {name} line\n{log[-3000:]}"
        f = figs[name]
        assert f["n"] > 0 and 0 < f["min"] <= f["mean"] <= f["max"], (name, f)


@pytest.fixture(scope="module")
def aia_logs():
    """bench=aia on the AIA machine: {"native": console, "cell": console},
    the bare guest on OpenSBI and the bench-aia cell."""
    elf = build_layout(benchlib.AIA_LAYOUT, benchlib.AIA_CONFIG)
    guest = os.path.join(os.path.dirname(elf), "guests", "bench", "bench.bin")
    logs = {}
    for side, kernel in (("native", guest), ("cell", elf)):
        with Qemu(benchlib.aia_cmd(kernel, native=side == "native"), timeout=120,
                  logname=f"bench-aia-{side}") as q:
            q.expect(r"bench: (done|error)")
            logs[side] = q.wait_exit(timeout=60)
    return logs


@pytest.mark.parametrize("side", ["native", "cell"])
def test_every_aia_figure(aia_logs, side):
    """Each AIA row is printed and parses, natively (S-level IMSIC files,
    QEMU's APLIC) and in the cell (guest interrupt files, the virtual
    APLIC); how fast is make bench's business."""
    log = aia_logs[side]
    assert not benchlib.errors(log), log[-3000:]
    assert "bench: done" in log, log[-3000:]
    figs = benchlib.parse(log)
    for name in benchlib.AIA_FIGURES:
        assert name in figs, f"no {name} line\n{log[-3000:]}"
        f = figs[name]
        assert f["n"] > 0 and 0 < f["min"] <= f["mean"] <= f["max"], (name, f)


def test_aia_cell_files(aia_logs):
    """In the cell the guest found its vharts' guest files a page apart and
    the virtual APLIC at the layout's addresses."""
    assert ("bench: aia file 0x28000000 idx 0 other 0x28001000 ids 255 aplic 0xd000000"
            in aia_logs["cell"]), aia_logs["cell"][-3000:]
    assert "cell bench: stopped (shutdown by its guest)" in aia_logs["cell"]


def test_aia_no_trap_per_interrupt(aia_logs):
    """A count, not a time: the 300 RTC alarms and 1000 IPIs reach the
    guest files directly, so the cell's traps (its console lines, SBI
    calls) stay fewer than the alarms alone."""
    m = re.search(r"cell bench: totals: traps (\d+)", aia_logs["cell"])
    assert m, aia_logs["cell"][-3000:]
    assert int(m.group(1)) < 300, m.group(0)


def test_cell_devices(bench_log):
    """The guest found the emulated UART, the vPLIC and the passed-through
    RTC at the addresses the layout gives, on two vharts with Sstc."""
    assert ("bench: start hart 0 other 1 timebase 10000000 sstc yes uart 0x10000000 "
            "plic 0xc000000 ctx 0 rtc 0x101000 irq 11") in bench_log
    assert "cell bench: stopped (shutdown by its guest)" in bench_log


@pytest.fixture(scope="module", params=[3, 2], ids=["gicv3", "gicv2"])
def arm64_logs(request):
    """The ARM64 bench guest (tests/bench/guest/arch/arm64) natively at EL1 on
    qemu-system-aarch64 and in its cell, built for and run on the GICv3
    board, then the GICv2 one (make bench's second ARM64 table):
    {"native": console, "cell": ...}."""
    import arm64  # tests/bench/arm64.py
    gic = request.param
    hv, guest = arm64.build(gic=gic)
    logs = {}
    for side, cmd in arm64.commands(hv, guest, gic=gic).items():
        with Qemu(cmd, timeout=120, logname=f"bench-arm64-gicv{gic}-{side}") as q:
            q.expect(r"bench: (done|error)")
            logs[side] = q.wait_exit(timeout=60)
    return logs


@pytest.mark.parametrize("side", ["native", "cell"])
def test_every_arm64_row(arm64_logs, side):
    """Every row of make bench's ARM64 table is printed as a figure that
    parses, in the cell too (its SPI rows need the virtual distributor's
    SPIs, its SGI rows SGIs between its two vCPUs: an n/a there means one
    of them broke); no timing is judged."""
    import arm64
    log = arm64_logs[side]
    assert not benchlib.errors(log), log[-3000:]
    assert "bench: done" in log, log[-3000:]
    figs = arm64.parse(log)
    for name in arm64.FIGURES:
        assert name in figs, f"no {name} line\n{log[-3000:]}"
        f = figs[name]
        assert not isinstance(f, str), f"{name}: {f}\n{log[-3000:]}"
        assert f["n"] > 0 and f["min"] <= f["mean"] <= f["max"], (name, f)
    assert "bench: arm64 EL1 psci hvc cntfrq" in log
    if side == "cell":
        assert "cell bench: stopped (shutdown by its guest)" in log


def test_arm64_linux_boot_points():
    """make bench's ARM64 Linux rows can be measured: natively and in its
    cell (arm64-bench-linux), QEMU stops at each point (the hand-over, the
    kernel's primary_entry, init's ready line, the shell's prompt) and
    QEMU's instruction count read there over QMP rises in that order.
    How many instructions is make bench's business."""
    import arm64
    import linuxboot
    res = arm64.linux_points()
    for side in ("native", "cell"):
        points = res[side]
        assert None not in points.values(), f"{side}: a point not reached: {res}"
        assert points["entry"] < points["kernel"] < points["ready"] < points["prompt"], res
    assert linuxboot.figures(res), res
