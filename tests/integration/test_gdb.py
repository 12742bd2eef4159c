# SPDX-License-Identifier: GPL-2.0-only
"""GDB on a cell over the hypervisor console (Ctrl-] g, ci/gdb-proxy.py).

gdb-multiarch, driven by pexpect, debugs rtos0 of tests/layouts/run/gdb.c
with the RTOS's ELF: break at a function, continue to it, backtrace, read
and write registers and memory, a software watchpoint that fires, a
hardware watchpoint and breakpoint (the firmware's triggers), Ctrl-C, step and next, addresses
outside the cell refused, guest-physical memory, detach.  Meanwhile rtos1
runs on: its status lines, held while gdb has the console, come out after
the detach, and one of them was printed between two of rtos0's stops
(the `now` of two breakpoint hits in timer_irq, times on the one clock
all harts share).  Everything waits for what gdb or the console prints;
nothing is timed.
"""
import os
import re
import subprocess

import pytest

from conftest import build_layout, build_layouts
from fvgdb import GDB, PROMPT, TICK, Session, need_gdb, rtos_elf
from fvqemu import Qemu, qemu_cmd

LAYOUT = "tests/layouts/run/gdb.c"
# rtos0 has two vharts (harts 0, 1) and the console is served on its first
NOFREE = "tests/layouts/run/monitor-nofree.c"


@pytest.fixture(scope="module")
def image():
    need_gdb()
    return build_layouts([LAYOUT, NOFREE])


def session(elf):
    """gdb on rtos0 of the RISC-V board booting elf."""
    return Session(qemu_cmd(elf, smp=4, mem="1G"), elf)


def test_gdb_debugs_one_cell(image):
    s = session(image[LAYOUT])
    try:
        out = s.cmd("info threads")
        assert re.search(r"^\* 1\s+Thread 1 ", out, re.M), out
        # stopped: its tick does not move between two reads
        t0 = s.value("harts[0].tick")
        s.cmd("info registers pc sp")
        assert s.value("harts[0].tick") == t0

        out = s.cmd("break timer_irq")
        assert "Breakpoint 1 at" in out, out
        out = s.cmd("continue")
        assert re.search(r"Breakpoint 1, timer_irq \(h=", out), out
        now1 = s.value("now")
        out = s.cmd("backtrace")
        assert re.search(r"^#0 .*timer_irq", out, re.M), out
        assert re.search(r"^#1 .*trap_handler", out, re.M), out
        assert s.value("h->period") == 10000       # 1 ms at 10 MHz
        tick = s.value("harts[0].tick")

        # writes reach the guest: a register (s5: saved only for a debugger)
        # and memory, read back after gdb forgets its copies, then put back
        s.check_write("$s5", 0x1234abcd)
        s.check_write("h->jit_max", 77)

        # a watchpoint (software: no triggers), hit when the tick moves
        s.cmd("delete")
        s.cmd("set can-use-hw-watchpoints 0")
        out = s.cmd("watch harts[0].tick")
        assert re.search(r"^Watchpoint 2: harts\[0\]\.tick", out, re.M), out
        out = s.cmd("continue")
        m = re.search(r"Old value = (\d+)\nNew value = (\d+)", out)
        assert m, out
        assert int(m.group(2)) == int(m.group(1)) + 1 and int(m.group(1)) >= tick, out
        s.cmd("delete")

        # hardware, where the firmware has triggers (SBI DBTR): a
        # watchpoint and a breakpoint that write nothing into the guest
        if "hardware breakpoints and watchpoints: the firmware's triggers" in s.console():
            s.cmd("set can-use-hw-watchpoints 1")
            out = s.cmd("watch harts[0].tick")
            assert re.search(r"^Hardware watchpoint 3: harts\[0\]\.tick", out, re.M), out
            out = s.cmd("continue")
            m = re.search(r"Hardware watchpoint 3: harts\[0\]\.tick\n\n"
                          r"Old value = (\d+)\nNew value = (\d+)", out)
            assert m and int(m.group(2)) == int(m.group(1)) + 1, out
            s.cmd("delete")
            out = s.cmd("hbreak sched_tick")
            assert "Hardware assisted breakpoint 4 at" in out, out
            out = s.cmd("continue")
            assert re.search(r"Breakpoint 4, sched_tick \(h=", out), out
            s.cmd("delete")

        # Ctrl-C stops the running cell
        s.gdb.sendline("continue")
        s.gdb.expect(r"Continuing\.\r?\n")
        s.gdb.sendcontrol("c")
        s.gdb.expect(PROMPT)
        out = s.gdb.before
        assert "received signal SIGINT" in out, out

        # step and next: gdb's own software single-step over breakpoints,
        # in timer_irq (Ctrl-C most likely stopped the idle loop, where a
        # "next" would never reach another line)
        s.cmd("break timer_irq")
        out = s.cmd("continue")
        assert re.search(r"Breakpoint \d+, timer_irq", out), out
        s.cmd("delete")
        pc = s.value("$pc")
        out = s.cmd("stepi")
        assert s.value("$pc") != pc, out
        out = s.cmd("next")
        assert re.search(r"^\d+\t", out, re.M), out
        out = s.cmd("step")
        assert re.search(r"^(\d+\t|.* at .*:\d+)", out, re.M), out

        # every address is checked against the cell
        out = s.cmd("x/2x 0x90000000")
        assert "Cannot access memory at address 0x90000000" in out, out
        out = s.cmd("monitor phys")
        assert "memory: guest-physical" in out, out
        out = s.cmd("x/2x 0x0c000000")       # its vPLIC: emulated, no memory
        assert "Cannot access memory at address 0xc000000" in out, out
        assert s.value("*(unsigned *)&harts[0].tick") >= tick   # RAM by address
        s.cmd("monitor virt")

        # a second stop in the same function: rtos1 printed in between
        s.cmd("break timer_irq")
        out = s.cmd("continue")
        assert re.search(r"Breakpoint \d+, timer_irq", out), out
        now2 = s.value("now")
        assert now2 > now1
        out = s.cmd("detach")
        assert "detached" in out, out

        text = s.wait_console(
            lambda t: any(c == "rtos1" and int(tm) > now2 for c, _, tm in TICK.findall(t))
            and any(c == "rtos0" and int(tm) > now2 for c, _, tm in TICK.findall(t)),
            "both cells' status lines after the detach")
        lines = [(c, int(n), int(tm)) for c, n, tm in TICK.findall(text)]
        r1 = [x for x in lines if x[0] == "rtos1"]
        inside = [n for _, n, tm in r1 if now1 < tm < now2]
        print(f"rtos0 stopped at time {now1} and {now2}; rtos1 status lines between: "
              f"{len(inside)} (ticks {inside[:1]}..{inside[-1:]})")
        assert inside, (now1, now2, r1)
        # rtos1 never restarted or stalled its count: ticks only grow
        assert all(b[1] > a[1] and b[2] > a[2] for a, b in zip(r1, r1[1:])), r1
    finally:
        s.close()


def test_gdb_two_vharts_console_on_the_cell(image):
    """A thread per vhart; gdb steps one over a breakpoint (Hc) while the
    other stays stopped; the console's hart is the debugged cell's own."""
    s = session(image[NOFREE])
    try:
        out = s.cmd("info threads")
        assert re.search(r"^\* 1\s+Thread 1 ", out, re.M), out
        assert re.search(r"^  2\s+Thread 2 ", out, re.M), out
        s.cmd("break timer_irq")
        for _ in range(3):      # each continue steps the last one over it
            out = s.cmd("continue")
            assert re.search(r"Thread [12] hit Breakpoint 1, timer_irq \(h=", out), out
        out = s.cmd("thread 2")
        assert "Switching to thread 2" in out, out
        assert re.search(r"^#0 ", s.cmd("backtrace 1"), re.M)
        harts = {s.value("harts[0].hartid"), s.value("harts[1].hartid")}
        assert harts == {0, 1}, harts
        s.cmd("delete")
        out = s.cmd("detach")
        assert "detached" in out, out
        def after(t):       # the console after the session
            return t.split("[fv] gdb: the console speaks", 1)[-1]
        s.wait_console(lambda t: re.search(r"^\[rtos0\] rtos: hart 0 tick \d+ time", after(t),
                                           re.M) and re.search(
            r"^\[rtos1\] rtos: hart 0 tick \d+ time", after(t), re.M),
            "both cells' status lines after the detach")
    finally:
        s.close()


def test_console_hand_over_and_abort(image):
    """By hand on the console: Ctrl-] g speaks the protocol (a packet gets
    its answer), a Ctrl-] between packets gives the console back as a
    detach does (for a gdb that went away), the watchpoint it left
    removed, and Ctrl-] g works again."""
    def packet(data):
        return "$%s#%02x" % (data, sum(map(ord, data)) & 0xff)

    tick = subprocess.run([GDB, "-q", "-nx", "-batch", "-ex", "print/x &harts[0].tick",
                           rtos_elf(image[LAYOUT])],
                          check=True, capture_output=True, text=True).stdout
    tick = re.search(r"= (0x[0-9a-f]+)", tick).group(1)[2:]
    with Qemu(qemu_cmd(image[LAYOUT], smp=4, mem="1G"), timeout=60) as q:
        # a whole tick line: the ticks after each abort are compared with it
        q.expect(r"(?m)^\[rtos0\] rtos: hart 0 tick \d+ time \d+ [^\n]*\n")
        for _ in range(2):
            q.send("\x1dg")
            q.expect(r"\[fv\] gdb: the console speaks [^\n]*\n")
            triggers = "the firmware's triggers" in q.child.match.group(0)
            q.send(packet("?"))
            q.expect(re.escape(packet("T05thread:1;")))
            q.send(packet("m80200000,4"))
            q.expect(r"\$[0-9a-f]{8}#[0-9a-f]{2}")
            # a watchpoint left behind is removed with the session, or
            # the guest would take its breakpoint and stop ticking
            q.send(packet(f"Z2,{tick},8"))
            q.expect(re.escape(packet("OK" if triggers else "")))
            q.send("\x1d")
            q.expect(re.escape("[fv] gdb detached from cell rtos0"))
            at = q.pos()
            # it runs again: a tick beyond every one printed before
            last = max((int(t) for c, t, _ in TICK.findall(q.text()[:at]) if c == "rtos0"),
                       default=-1)
            q.wait_for(lambda t: any(c == "rtos0" and int(n) > last
                                     for c, n, _ in TICK.findall(t[at:])),
                       60, "rtos0 ticking after the abort")
        q.send("\x1dm")                                         # keys work again
        q.expect(re.escape("[fv] monitor: type help"))


def test_image_without_the_stub():
    """CONFIG_GDBSTUB=n: the protocol's code is not in the image (its link
    map), Ctrl-] g says so, and the console and the cell go on as before."""
    elf = build_layout(LAYOUT, "CONFIG_GDBSTUB=n")
    with open(os.path.join(os.path.dirname(elf), "ferrovisor.map")) as f:
        linked = f.read()
    assert "gdb_none.o" in linked and "gdbstub_rx" not in linked and "gdb_cell.o" not in linked
    with Qemu(qemu_cmd(elf, smp=4, mem="1G"), timeout=60) as q:
        q.expect(r"(?m)^\[rtos0\] rtos: hart 0 tick \d+ time \d+ [^\n]*\n")
        q.send("\x1dg")
        q.expect(re.escape("[fv] gdb: no debugger stub in this image (CONFIG_GDBSTUB)"))
        at = q.pos()
        last = max(int(t) for c, t, _ in TICK.findall(q.text()[:at]) if c == "rtos0")
        q.wait_for(lambda t: any(c == "rtos0" and int(n) > last
                                 for c, n, _ in TICK.findall(t[at:])),
                   60, "rtos0 ticking after Ctrl-] g")
        q.send("\x1dm")
        q.expect(re.escape("[fv] monitor: type help"))
