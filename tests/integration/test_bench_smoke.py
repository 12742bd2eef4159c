# SPDX-License-Identifier: GPL-2.0-only
"""The benchmark guest (tests/bench) runs once in its cell and prints every
figure with plausible numbers.  No timing is judged here: `make bench`
measures, this only checks that it can.
"""
import os
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


def test_cell_devices(bench_log):
    """The guest found the emulated UART, the vPLIC and the passed-through
    RTC at the addresses the layout gives, on two vharts with Sstc."""
    assert ("bench: start hart 0 other 1 timebase 10000000 sstc yes uart 0x10000000 "
            "plic 0xc000000 ctx 0 rtc 0x101000 irq 11") in bench_log
    assert "cell bench: stopped (shutdown by its guest)" in bench_log
