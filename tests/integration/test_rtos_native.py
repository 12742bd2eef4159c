# SPDX-License-Identifier: GPL-2.0-only
"""The RTOS guest (cells/guests/rtos) running natively on OpenSBI in QEMU virt.

These runs are the baseline the same guest is later compared with inside a
Ferrovisor cell.  Every check parses numbers from the console: tick counts
must advance, messages must arrive in order, typed characters must come back
through the UART interrupt, and SRST must end QEMU by itself.
"""
import os
import re
import shutil
import subprocess

import pytest

from fvqemu import BUILD, ROOT, Qemu, have_qemu, qemu_cmd

GUEST_SRC = os.path.join(ROOT, "cells", "guests", "rtos")
OUT = os.path.join(BUILD, "guests", "rtos")

BANNER = (r"rtos: (?P<version>\S+) hart (?P<hart>\d+) timebase (?P<tb>\d+) "
          r"timer (?P<timer>sstc|sbi) console (?P<console>uart|sbi)")
STATUS = re.compile(
    r"rtos: hart (?P<hart>\d+) tick (?P<tick>\d+) time (?P<time>\d+) "
    r"jitter min/avg/max (?P<min>\d+)/(?P<avg>\d+)/(?P<max>\d+) "
    r"msgs (?P<msgs>\d+) errors (?P<errors>\d+) miss (?P<miss>\d+)(?=\r*\n)")

pytestmark = pytest.mark.skipif(not have_qemu(), reason="QEMU or OpenSBI missing")


def guest_cmd(kernel, **kw):
    """QEMU for the guest, under -icount: guest time is a count of
    instructions, so the ticks, times and message counts the checks judge
    cannot depend on how busy the host is."""
    return qemu_cmd(kernel, icount=True, **kw)


@pytest.fixture(scope="module")
def rtos():
    """Build the guest into $O/guests/rtos (make does nothing if up to date)."""
    subprocess.run(["make", "-s", "-C", GUEST_SRC, f"O={OUT}"], check=True)
    return {"elf": os.path.join(OUT, "rtos.elf"), "bin": os.path.join(OUT, "rtos.bin")}


def status_lines(text, hart=None):
    out = []
    for m in STATUS.finditer(text):
        d = {k: int(v) for k, v in m.groupdict().items()}
        if hart is None or d["hart"] == hart:
            out.append(d)
    return out


def wait_status(q, hart, n, timeout=20):
    """Wait until `hart` has printed `n` status lines; return them."""
    for _ in range(200):
        lines = status_lines(q.text(), hart)
        if len(lines) >= n:
            return lines[:n]
        q.expect(rf"rtos: hart {hart} tick \d+ [^\n]*miss \d+\r*\n", timeout=timeout)
    raise AssertionError("status lines never arrived")


def check_progress(lines, every, tick_period=None):
    """Ticks strictly increase by about `every`, messages in order."""
    for a, b in zip(lines, lines[1:]):
        assert b["tick"] > a["tick"], (a, b)
        # The status task is released every `every` ticks; a late run
        # may print a slightly larger tick but never a smaller step.
        assert b["tick"] - a["tick"] >= every // 2, (a, b)
        assert b["time"] > a["time"], (a, b)
        assert b["msgs"] > a["msgs"], (a, b)
    for s in lines:
        assert s["errors"] == 0, s
        assert s["min"] <= s["avg"] <= s["max"], s
        # The producer posts once at start and then every 5 ticks; a
        # missed release (a host hiccup in TCG) skips one message.
        expect = s["tick"] // 5 + 1
        assert expect - s["miss"] - 2 <= s["msgs"] <= expect, s
    if tick_period:
        first, last = lines[0], lines[-1]
        per_tick = (last["time"] - first["time"]) / (last["tick"] - first["tick"])
        assert abs(per_tick - tick_period) <= 0.2 * tick_period, (per_tick, tick_period)


def test_banner_status_and_messages(rtos):
    with Qemu(guest_cmd(rtos["bin"], append="status_every=100")) as q:
        m = q.expect(BANNER)
        assert m.group("timer") == "sstc"      # QEMU's rv64 has Sstc
        assert m.group("console") == "uart"
        assert int(m.group("tb")) == 10_000_000
        q.expect(r"rtos: config tick_us 1000 status_every 100 harts 1/1 rx irq")
        lines = wait_status(q, int(m.group("hart")), 5)
    check_progress(lines, 100, tick_period=10_000)
    assert lines[0]["tick"] >= 100


def test_tick_us_changes_the_period(rtos):
    # 2 ms ticks: 20000 timebase ticks each at 10 MHz.
    with Qemu(guest_cmd(rtos["bin"], append="tick_us=2000 status_every=50")) as q:
        hart = int(q.expect(BANNER).group("hart"))
        lines = wait_status(q, hart, 5)
    check_progress(lines, 50, tick_period=20_000)


def test_uart_interrupt_echo(rtos):
    with Qemu(guest_cmd(rtos["bin"], append="status_every=100")) as q:
        hart = int(q.expect(BANNER).group("hart"))
        q.expect(r"rx irq")
        wait_status(q, hart, 1)
        q.send("Hi!")
        for c in "Hi!":
            q.expect(rf"rtos: rx '{re.escape(c)}'")
        q.send("\r")
        q.expect(r"rtos: rx 0x0d")
        # The tick keeps going after input.  q.text() may run ahead of
        # what expect() has matched, so wait for a matched larger tick.
        before = status_lines(q.text(), hart)[-1]["tick"]
        for _ in range(10):
            tick = int(q.expect(rf"rtos: hart {hart} tick (\d+) ").group(1))
            if tick > before:
                break
        assert tick > before


def test_smp_both_harts_run_and_stop(rtos):
    cmd = guest_cmd(rtos["bin"], smp=2, append="status_every=100 stop_after=4")
    with Qemu(cmd) as q:
        boot = int(q.expect(BANNER).group("hart"))
        other = 1 - boot
        q.expect(r"harts 2/2")
        q.expect(rf"rtos: hart {other} online")
        text = q.wait_exit(timeout=30)
    assert "rtos: stopping" in text
    assert f"rtos: hart {other} stopped" in text
    mine, theirs = status_lines(text, boot), status_lines(text, other)
    assert len(mine) == 4
    assert len(theirs) >= 3
    check_progress(mine, 100)
    check_progress(theirs, 100)


def test_harts_1_stays_single(rtos):
    cmd = guest_cmd(rtos["bin"], smp=2, append="harts=1 status_every=100 stop_after=2")
    with Qemu(cmd) as q:
        boot = int(q.expect(BANNER).group("hart"))
        text = q.wait_exit(timeout=30)
    assert "online" not in text
    assert status_lines(text, 1 - boot) == []
    assert len(status_lines(text, boot)) == 2


@pytest.mark.parametrize("cpu,append", [
    ("rv64", "timer=sbi"),               # Sstc present but not used
    ("rv64,sstc=false", ""),             # no Sstc: the DTB says so
])
def test_sbi_timer(rtos, cpu, append):
    cmd = guest_cmd(rtos["bin"], cpu=cpu, append=f"{append} status_every=100")
    with Qemu(cmd) as q:
        m = q.expect(BANNER)
        assert m.group("timer") == "sbi"
        lines = wait_status(q, int(m.group("hart")), 4)
    check_progress(lines, 100, tick_period=10_000)


def test_stop_after_shuts_down(rtos):
    # The ELF this time: QEMU loads it at its link address like the .bin.
    with Qemu(guest_cmd(rtos["elf"], append="status_every=100 stop_after=2")) as q:
        hart = int(q.expect(BANNER).group("hart"))
        text = q.wait_exit(timeout=20)
    lines = status_lines(text, hart)
    assert len(lines) == 2
    check_progress(lines, 100)
    assert text.index("rtos: stopping") > text.rindex("rtos: hart")


def test_reset_after_reboots(rtos):
    with Qemu(guest_cmd(rtos["bin"], append="status_every=100 reset_after=1")) as q:
        q.expect(BANNER)
        q.expect(STATUS.pattern)
        q.expect(r"rtos: resetting")
        # A cold reboot runs OpenSBI and the guest again from scratch.
        q.expect(BANNER)
        m = q.expect(STATUS.pattern)
    tick = int(m.group("tick"))
    assert 100 <= tick < 200   # counting restarted


@pytest.mark.skipif(shutil.which("fdtput") is None, reason="needs fdtput (device-tree-compiler)")
def test_sbi_console_without_stdout_uart(rtos, tmp_path):
    """No /chosen/stdout-path: the guest must fall back to SBI DBCN."""
    dtb = str(tmp_path / "virt.dtb")
    base = qemu_cmd(rtos["bin"])
    dump = [a if a != "virt" else f"virt,dumpdtb={dtb}" for a in base]
    subprocess.run(dump, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["fdtput", "-d", dtb, "/chosen", "stdout-path"], check=True)
    cmd = guest_cmd(rtos["bin"], append="status_every=100 stop_after=2", extra=["-dtb", dtb])
    with Qemu(cmd) as q:
        m = q.expect(BANNER)
        assert m.group("console") == "sbi"
        q.expect(r"rx none")
        text = q.wait_exit(timeout=20)
    lines = status_lines(text, int(m.group("hart")))
    assert len(lines) == 2
    check_progress(lines, 100)
