# SPDX-License-Identifier: GPL-2.0-only
"""GDB on an ARM64 cell over the hypervisor console (Ctrl-] g,
ci/gdb-proxy.py, arch/arm64/gdb.c).

gdb-multiarch, driven by pexpect, debugs rtos0 of the layout two-rtos
(rtos0 on CPUs 1 and 2, rtos1 on CPU 3) with the RTOS's arm64 ELF: the
target description is GDB's aarch64 one, pc is inside the cell's image,
the cell is stopped (its tick does not move), a known symbol's memory is
read through the guest's own translation, a breakpoint on timer_irq (the
RTOS's tick) is hit twice, stepi and next step it (hardware single
step), registers and memory are written and read back, an address
outside the cell's memory is refused; in the guest's own debug
registers, a hardware breakpoint (hbreak) stops it, a write watchpoint
(old and new value) by continue and by stepi, a read and an access
watchpoint, and Z packets the registers cannot hold get an error reply;
after the detach rtos0 ticks on, its debug registers as it wrote them
before the session, and rtos1, which was never stopped,
printed status lines whose guest time lies between rtos0's two stops.
Everything waits for what gdb or the console prints; nothing is timed.
"""
import re

import pytest

import arm64qemu
from fvgdb import TICK, Session, need_gdb

RAM = (0x40000000, 0x41000000)          # the cell's 16 MiB (two-rtos.c)
IMAGE = 0x40200000
# rtos0's look at its own debug registers (dbgregs.c of the arm64 RTOS)
DBGREGS = re.compile(r"^\[rtos0\] rtos: debug registers bvr0 ([0-9a-f]+) wvr0 ([0-9a-f]+) "
                     r"mdscr ([0-9a-f]+)$", re.M)


@pytest.fixture(scope="module")
def image():
    need_gdb()
    return arm64qemu.build("CONFIG_LAYOUT_A64_TWO_RTOS=y", name="arm64-gdb")


def session(image):
    """gdb (aarch64) on rtos0 of the ARM64 board booting image; -icount,
    sleep=off: guest time runs with rtos1's instructions and jumps over its
    idle waits, never with the host's speed."""
    return Session(arm64qemu.qemu_cmd(image, extra=["-icount", "shift=0,sleep=off"]), image,
                   arch="aarch64")


def test_arm64_gdb_debugs_one_cell(image):
    s = session(image)
    try:
        out = s.cmd("info threads")
        assert re.search(r"^\* 1\s+Thread 1 ", out, re.M), out
        assert re.search(r"^  2\s+Thread 2 ", out, re.M), out
        # GDB's aarch64 registers, pc inside the cell's image
        out = s.cmd("info registers x0 x30 sp pc cpsr")
        for r in ("x0", "x30", "sp", "pc", "cpsr"):
            assert re.search(rf"^{r}\s+0x[0-9a-f]+", out, re.M), out
        pc = s.value("$pc")
        assert IMAGE <= pc < RAM[1], hex(pc)
        # stopped: its tick does not move between two reads; a known
        # symbol's memory, read through the guest's own translation
        t0 = s.value("harts[0].tick")
        assert s.value("harts[0].tick") == t0
        assert s.value("*(unsigned char *)&harts[0].tick") == t0 & 0xff
        out = s.cmd("x/1xw timer_irq")
        assert re.search(r"<timer_irq>:\s+0x[0-9a-f]{8}", out), out

        # a breakpoint (a BRK gdb writes) on the RTOS's periodic tick
        # (vCPU 0's: `now` is compared between its two stops)
        out = s.cmd("break timer_irq if h == &harts[0]")
        assert "Breakpoint 1 at" in out, out
        out = s.cmd("continue")
        assert re.search(r"Breakpoint 1, (0x[0-9a-f]+ in )?timer_irq \(", out), out
        now1 = s.value("now")
        assert s.value("$pc") >= s.value("(unsigned long)&timer_irq")
        out = s.cmd("backtrace 2")
        assert re.search(r"^#0 .*timer_irq", out, re.M), out

        # writes reach the guest: a register and memory, read back after
        # gdb forgets its copies, then put back
        s.check_write("$x19", 0x1234abcd)
        s.check_write("h->jit_max", 77)

        # single step (MDSCR_EL1.SS): one instruction on, still in timer_irq
        pc = s.value("$pc")
        out = s.cmd("stepi")
        assert s.value("$pc") != pc, out
        assert "timer_irq" in s.cmd("frame"), out
        out = s.cmd("next")
        assert re.search(r"^\d+\t", out, re.M), out

        # every address is checked against the cell's memory
        out = s.cmd(f"x/2x {RAM[1]:#x}")
        assert f"Cannot access memory at address {RAM[1]:#x}" in out, out
        out = s.cmd("x/2x 0x09000000")          # its PL011: emulated, no memory
        assert "Cannot access memory at address 0x9000000" in out, out
        out = s.cmd("x/2x 0xffff000000000000")  # untranslated by the guest
        assert "Cannot access memory" in out, out

        # a second stop in the same function: rtos1 printed in between
        out = s.cmd("continue")
        assert re.search(r"Breakpoint 1, (0x[0-9a-f]+ in )?timer_irq \(", out), out
        now2 = s.value("now")
        assert now2 > now1
        assert s.value("h == &harts[0]") == 1
        s.cmd("delete")

        # hardware breakpoints and watchpoints: the guest's debug registers
        # (DBGBVR/DBGBCR, DBGWVR/DBGWCR), nothing written into its memory
        assert ("hardware breakpoints and watchpoints: the CPU's debug registers, "
                "6 breakpoints and 4 watchpoints") in s.console()   # cortex-a57's
        out = s.cmd("hbreak sched_tick")
        assert re.search(r"^Hardware assisted breakpoint (\d+) at", out, re.M), out
        out = s.cmd("continue")
        assert re.search(r"Breakpoint \d+, (0x[0-9a-f]+ in )?sched_tick \(h=", out), out
        assert s.value("h == &harts[0] || h == &harts[1]") == 1
        s.cmd("delete")
        tick = s.value("harts[0].tick")
        out = s.cmd("watch harts[0].tick")
        assert re.search(r"^Hardware watchpoint (\d+): harts\[0\]\.tick", out, re.M), out
        out = s.cmd("continue")
        m = re.search(r"Hardware watchpoint \d+: harts\[0\]\.tick\n\n"
                      r"Old value = (\d+)\nNew value = (\d+)", out)
        assert m, out
        assert int(m.group(2)) == int(m.group(1)) + 1 and int(m.group(1)) >= tick, out
        assert "timer_irq" in s.cmd("frame"), out      # the writer: h->tick++
        s.cmd("delete")
        # a step that meets a watchpoint stops there, and is over: the next
        # continue runs on to the next write, no stray step trap
        s.cmd("break timer_irq if h == &harts[0]")
        out = s.cmd("continue")
        assert re.search(r"Breakpoint \d+, (0x[0-9a-f]+ in )?timer_irq \(", out), out
        s.cmd("delete")
        s.cmd("watch harts[0].tick")
        for _ in range(200):
            out = s.cmd("stepi")
            if "Hardware watchpoint" in out:
                break
        m = re.search(r"Old value = (\d+)\nNew value = (\d+)", out)
        assert m and int(m.group(2)) == int(m.group(1)) + 1, out
        out = s.cmd("continue")
        m2 = re.search(r"Hardware watchpoint \d+: harts\[0\]\.tick\n\n"
                       r"Old value = (\d+)\nNew value = (\d+)", out)
        assert m2 and int(m2.group(1)) == int(m.group(2)), out
        s.cmd("delete")
        out = s.cmd("rwatch harts[0].tick")
        assert re.search(r"^Hardware read watchpoint (\d+): harts\[0\]\.tick", out, re.M), out
        out = s.cmd("continue")
        assert re.search(r"Hardware read watchpoint \d+: harts\[0\]\.tick\n\n"
                         r"Value = \d+", out), out
        s.cmd("delete")
        out = s.cmd("awatch harts[0].tick")
        assert re.search(r"^Hardware access \(read/write\) watchpoint \d+: harts\[0\]\.tick",
                         out, re.M), out
        out = s.cmd("continue")
        assert re.search(r"Hardware access \(read/write\) watchpoint \d+: harts\[0\]\.tick\n\n"
                         r"(Value = \d+|Old value = \d+\nNew value = \d+)", out), out
        s.cmd("delete")
        # what the registers cannot hold is refused with an error reply
        # (a watch across a doubleword, an unaligned instruction), never a
        # fault; what they can is taken and removed
        addr = s.value("(unsigned long)&harts[0].tick")
        for pkt, want in ((f"Z2,{addr + 6:x},4", "E0e"), (f"Z1,{addr + 2:x},4", "E0e"),
                          (f"Z2,{addr:x},9", "E01"), (f"Z4,{addr + 4:x},4", "OK"),
                          (f"z4,{addr + 4:x},4", "OK"), (f"z4,{addr + 4:x},4", "E0e")):
            out = s.cmd(f"maint packet {pkt}")
            assert f'received: "{want}"' in out, (pkt, out)
        out = s.cmd("detach")
        assert "etached" in out, out

        # two of rtos0's status lines after the detach: the first one's
        # look at its debug registers is printed before the second
        text = s.wait_console(
            lambda t: "[fv] gdb detached from cell rtos0" in t
            and any(c == "rtos1" and int(tm) > now2 for c, _, tm in TICK.findall(t))
            and sum(c == "rtos0" and int(tm) > now2 for c, _, tm in TICK.findall(t)) >= 2,
            "the stub's detach line and both cells' status lines after the detach")
        # the guest's own debug registers (put at its boot, before the
        # attach) read as it wrote them again after the detach
        regs = DBGREGS.findall(text)
        print(f"rtos0's debug registers as it read them: {regs}")
        assert regs, text[-3000:]
        assert regs[-1][:2] == ("40001230", "40004560") and int(regs[-1][2], 16) & 0x1000, regs
        lines = [(c, int(n), int(tm)) for c, n, tm in TICK.findall(text)]
        r0 = [x for x in lines if x[0] == "rtos0"]
        r1 = [x for x in lines if x[0] == "rtos1"]
        inside = [n for _, n, tm in r1 if now1 < tm < now2]
        print(f"rtos0 stopped at time {now1} and {now2}; rtos1 status lines between: "
              f"{len(inside)}")
        assert inside, (now1, now2, r1)
        # neither restarted: ticks only grow; rtos0 ticks past its stop
        for r in (r0, r1):
            assert all(b[1] > a[1] and b[2] > a[2] for a, b in zip(r, r[1:])), r
        assert r0[-1][1] > t0, (t0, r0)
        assert "fault" not in text.split("[fv] gdb attached", 1)[-1], text[-3000:]
    finally:
        s.close()
