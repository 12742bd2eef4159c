# SPDX-License-Identifier: GPL-2.0-only
"""The RTOS (cells/guests/rtos, built for arm64) on the ARM64 board: natively
at EL1 on QEMU's aarch64 virt (no hypervisor), and as two cells of the
layout two-rtos (rtos0 on CPUs 1 and 2, rtos1 on CPU 3).

The RTOS prints the same lines as on RISC-V (see its README); every check
reads whole lines from the console and compares numbers between them
(ticks rise, messages arrive in order), never how long anything took.

The console multiplexer writes the focused cell through as it comes, so
one of its lines may arrive in pieces: lines() joins a cell's pieces and
cuts them again at the guest's prefix."""
import os
import re
import subprocess

import pytest

import arm64qemu
from fvqemu import BUILD, ROOT, Qemu

PREFIX = "rtos: "
BANNER = re.compile(r"rtos: \S+ hart 0 timebase \d+ timer cntv console uart")
STATUS = re.compile(
    r"rtos: hart (?P<hart>\d+) tick (?P<tick>\d+) time (?P<time>\d+) "
    r"jitter min/avg/max (?P<min>\d+)/(?P<avg>\d+)/(?P<max>\d+) "
    r"msgs (?P<msgs>\d+) errors (?P<errors>\d+) miss (?P<miss>\d+)")
RX = re.compile(r"rtos: rx ")


@pytest.fixture(scope="module")
def two_rtos():
    return arm64qemu.build("CONFIG_LAYOUT_A64_TWO_RTOS=y", name="arm64-two-rtos")


@pytest.fixture(scope="module")
def native():
    """The guest alone, built for arm64 into $O/guests/rtos-arm64."""
    out = os.path.join(BUILD, "guests", "rtos-arm64")
    subprocess.run(["make", "-s", "-C", os.path.join(ROOT, "cells", "guests", "rtos"),
                    f"O={out}", "GUEST_ARCH=arm64"], check=True, stdout=subprocess.DEVNULL)
    return os.path.join(out, "rtos.bin")


def native_cmd(image, append, smp=2, gic=3):
    """QEMU's direct kernel boot at EL1: PSCI is QEMU's own, through HVC."""
    return arm64qemu.qemu_cmd(image, smp=smp, mem="256M", gic=gic, virt=False,
                              extra=["-append", append])


def lines(text, cell=None):
    """What `cell` printed (or, natively, everything), as (console offset,
    line) pairs; the last may be incomplete."""
    pat = rf"^\[{re.escape(cell)}\] ([^\n]*)$" if cell else r"^(rtos: [^\n]*)$"
    joined, starts = "", []
    for m in re.finditer(pat, text, re.M):
        starts.append((len(joined), m.start()))
        joined += m.group(1)
    cuts = [m.start() for m in re.finditer(re.escape(PREFIX), joined)]
    out = []
    for i, c in enumerate(cuts):
        pos = max(p for j, p in starts if j <= c)
        out.append((pos, joined[c:cuts[i + 1] if i + 1 < len(cuts) else None]))
    return out


def whole(text, cell=None):
    """The whole lines: all but the last (a line is whole once the next has
    begun)."""
    return lines(text, cell)[:-1]


def status(text, cell=None, hart=0, after=-1):
    """The whole status lines of `hart` printed after console offset `after`."""
    out = []
    for pos, l in whole(text, cell):
        m = STATUS.fullmatch(l)
        if m and int(m["hart"]) == hart and pos > after:
            out.append({k: int(v) for k, v in m.groupdict().items()})
    return out


def check_progress(got):
    """Ticks, times and messages rise from line to line; nothing is wrong."""
    assert len(got) >= 2, got
    for a, b in zip(got, got[1:]):
        assert b["tick"] > a["tick"] and b["time"] > a["time"], (a, b)
        assert b["msgs"] > a["msgs"], (a, b)
    for s in got:
        assert s["errors"] == 0 and s["min"] <= s["avg"] <= s["max"], s


RUNNING = (("rtos0", 0), ("rtos0", 1), ("rtos1", 0))


def ticking(n, after=-1):
    return lambda t: all(len(status(t, c, h, after)) >= n for c, h in RUNNING)


def test_native_boot_tick_smp_and_stop(native):
    """Natively: the banner, both CPUs (the second started with PSCI
    CPU_ON) ticking, then stop_after: the boot CPU stops the other, which
    answers with CPU_OFF, and SYSTEM_OFF ends QEMU."""
    with Qemu(native_cmd(native, "status_every=100 stop_after=3"), timeout=120) as q:
        text = q.wait_exit(timeout=110)
    got = [l for _, l in lines(text)]
    assert BANNER.fullmatch(got[0]), got
    assert got[1] == "rtos: config tick_us 1000 status_every 100 harts 2/2 rx irq", got
    assert "rtos: hart 1 online" in got
    check_progress(status(text, hart=0))
    assert len(status(text, hart=1)) >= 1, got
    # hart 1 may still print a status line between the boot CPU's
    # "stopping" and its own stop (seen under load): nothing else
    end = got[got.index("rtos: stopping") + 1:]
    assert end[-1] == "rtos: hart 1 stopped", got
    assert all((m := STATUS.fullmatch(l)) and m["hart"] == "1" for l in end[:-1]), got


def test_native_uart_interrupt_echo(native):
    """Natively the PL011's receive SPI reaches the boot CPU: typed bytes
    come back as rx lines, and the tick goes on."""
    with Qemu(native_cmd(native, "status_every=100", smp=1), timeout=120) as q:
        q.expect(r"rx irq\r*\n")
        q.wait_for(lambda t: len(status(t)) >= 1, 60, "a status line")
        q.send("Hi!\r")
        for c in ("'H'", "'i'", "'!'", "0x0d"):
            q.expect(rf"rtos: rx {c}\r*\n")
        after = q.pos()
        q.wait_for(lambda t: len(status(t, after=after)) >= 1, 60, "a status line after input")


def test_native_gicv2_tick_and_smp(native):
    """On a GICv2 machine the RTOS drives it (gicv2.c): both CPUs tick."""
    with Qemu(native_cmd(native, "status_every=100", gic=2), timeout=120) as q:
        q.expect(r"rx irq\r*\n")
        q.wait_for(lambda t: len(status(t, hart=1)) >= 2, 100, "two status lines of hart 1")
        text = q.text()
    assert "rtos: hart 1 online" in [l for _, l in lines(text)]
    check_progress(status(text, hart=0))
    check_progress(status(text, hart=1))


def test_two_cells_boot_and_tick(two_rtos):
    """Both cells print their banner and keep ticking; rtos0 starts its
    second vCPU through the virtual PSCI and it ticks too; its UART's
    receive interrupt is an SPI of its virtual distributor (rx irq)."""
    with Qemu(arm64qemu.qemu_cmd(two_rtos), timeout=180) as q:
        q.expect(r"cell rtos0: starting on harts 1 2, entry 0x40200000")
        q.expect(r"cell rtos1: starting on hart 3, entry 0x40200000")
        text = q.wait_for(ticking(3), 170, "three status lines of every vCPU")
    for cell, harts in (("rtos0", "2/2"), ("rtos1", "1/1")):
        got = [l for _, l in whole(text, cell)]
        assert BANNER.fullmatch(got[0]), got
        assert got[1] == f"rtos: config tick_us 1000 status_every 200 harts {harts} rx irq", \
            got
    assert "rtos: hart 1 online" in [l for _, l in whole(text, "rtos0")]
    for cell, hart in RUNNING:
        check_progress(status(text, cell, hart))
    assert not re.search(r"^cell rtos\d: (stopped|restarting|vhart)", text, re.M), text


def test_input_reaches_the_focused_cell(two_rtos):
    """Typed bytes go to the focused cell, rtos0 (the first), and only to it."""
    with Qemu(arm64qemu.qemu_cmd(two_rtos), timeout=180) as q:
        q.wait_for(ticking(1), 170, "a status line of every vCPU")
        q.send("Hi!\r")
        text = q.wait_for(lambda t: [l for _, l in whole(t, "rtos0") if RX.match(l)][-4:] ==
                          ["rtos: rx 'H'", "rtos: rx 'i'", "rtos: rx '!'", "rtos: rx 0x0d"],
                          120, "rtos0's four rx lines")
    assert not any(RX.match(l) for _, l in lines(text, "rtos1")), text


def test_restart_one_cell_leaves_the_other_ticking(two_rtos):
    """The monitor's restart of rtos1: rtos1 boots again from its banner
    (its tick starts over), and rtos0 never stops ticking meanwhile."""
    with Qemu(arm64qemu.qemu_cmd(two_rtos), timeout=240) as q:
        q.wait_for(ticking(2), 170, "two status lines of every vCPU")
        q.send("\x1dm")
        q.expect(r"\[fv\] monitor> ")
        q.send("restart rtos1\r")
        q.expect(r"cell rtos1: restarting\r*\n")
        q.send("exit\r")
        mark = "cell rtos1: restarting"
        text = q.wait_for(lambda t: all(len(status(t, c, h, t.find(mark))) >= 2
                                        for c, h in RUNNING),
                          200, "two status lines of every vCPU after the restart")
    restarted = text.find(mark)
    every = status(text, "rtos1")
    again = status(text, "rtos1", 0, restarted)
    before = every[:len(every) - len(again)]
    banners = [p for p, l in whole(text, "rtos1") if BANNER.fullmatch(l)]
    assert len(banners) == 2 and banners[1] > restarted, (banners, restarted)
    assert before and again[0]["tick"] < before[-1]["tick"], (before, again)
    check_progress(again)
    for hart in (0, 1):
        check_progress(status(text, "rtos0", hart))
    assert not re.search(r"^cell rtos0: (stopped|restarting|vhart)", text, re.M), text
