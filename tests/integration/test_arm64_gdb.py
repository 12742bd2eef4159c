# SPDX-License-Identifier: GPL-2.0-only
"""GDB on an ARM64 cell over the hypervisor console (Ctrl-] g,
ci/gdb-proxy.py, arch/arm64/gdb.c).

gdb-multiarch, driven by pexpect, debugs rtos0 of the layout two-rtos
(rtos0 on CPUs 1 and 2, rtos1 on CPU 3) with the RTOS's arm64 ELF: the
target description is GDB's aarch64 one, pc is inside the cell's image,
the cell is stopped (its tick does not move), a known symbol's memory is
read through the guest's own translation, a breakpoint on timer_irq (the
RTOS's tick) is hit twice, stepi and next step it (hardware single
step), registers and memory are written and read back, an address outside the cell's memory is refused; after the detach
rtos0 ticks on, and rtos1, which was never stopped, printed status lines
whose guest time lies between rtos0's two stops.  Everything waits for
what gdb or the console prints; nothing is timed.
"""
import os
import re
import shutil
import subprocess
import tempfile
import time

import pexpect
import pytest

import arm64qemu
from fvqemu import ROOT

GDB = shutil.which("gdb-multiarch")
PROMPT = r"\(gdb\) $"
TICK = re.compile(r"^\[(rtos[01])\] rtos: hart 0 tick (\d+) time (\d+) ", re.M)
RAM = (0x40000000, 0x41000000)          # the cell's 16 MiB (two-rtos.c)
IMAGE = 0x40200000


@pytest.fixture(scope="module")
def image():
    if not GDB:
        pytest.skip("gdb-multiarch is not installed (ci/deps.sh installs it)")
    return arm64qemu.build("CONFIG_LAYOUT_A64_TWO_RTOS=y", name="arm64-gdb")


class Session:
    """The ARM64 board with its console on a unix socket, gdb attached to
    rtos0 through the proxy."""

    def __init__(self, image):
        self.dir = tempfile.mkdtemp(prefix="fva64gdb")
        sock = os.path.join(self.dir, "console.sock")
        self.log = os.path.join(self.dir, "console.log")
        # -icount, sleep=off: guest time runs with rtos1's instructions
        # and jumps over its idle waits, never with the host's speed
        cmd = arm64qemu.qemu_cmd(image, extra=["-icount", "shift=0,sleep=off",
                                               "-monitor", "none", "-serial",
                                               f"unix:{sock},server=on,wait=on"])
        self.qemu = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        rtos = os.path.join(os.path.dirname(image), "guests", "rtos", "rtos.elf")
        proxy = os.path.join(ROOT, "ci", "gdb-proxy.py")
        self.gdb = pexpect.spawn(GDB, ["-q", "-nx", "-iex", "set style enabled off", rtos],
                                 encoding="utf-8", timeout=120, codec_errors="replace",
                                 echo=False, env=dict(os.environ, TERM="dumb"))
        self.out = []
        self.gdb.logfile_read = self
        self.gdb.expect(PROMPT)
        self.cmd("set pagination off")
        self.cmd("set confirm off")
        self.cmd("set remotetimeout 60")
        self.cmd("set architecture aarch64")
        self.cmd(f"target remote | {proxy} --socket {sock} --cell rtos0 --log {self.log}")

    def write(self, s):
        self.out.append(s)

    def flush(self):
        pass

    def cmd(self, line):
        """Run a gdb command; return what it printed."""
        self.gdb.sendline(line)
        try:
            self.gdb.expect(PROMPT, timeout=-1)
        except (pexpect.TIMEOUT, pexpect.EOF):
            raise AssertionError(f"gdb: no prompt after {line!r}\n--- gdb ---\n"
                                 f"{''.join(self.out)[-4000:]}\n--- console ---\n"
                                 f"{self.console()[-4000:]}") from None
        return self.gdb.before.replace("\r", "")

    def value(self, expr):
        """An integer expression of the guest, printed by gdb."""
        out = self.cmd(f"print/u {expr}")
        m = re.search(r"^\$\d+ = (\d+)$", out, re.M)
        assert m, f"gdb printed no value of {expr}:\n{out}\n{''.join(self.out)[-2000:]}"
        return int(m.group(1))

    def console(self):
        try:
            with open(self.log, encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def wait_console(self, cond, what):
        """Follow the console log (tail -F) until cond(text) holds; the
        cells print all the time, so a wall-clock bound (generous: a hang's
        guard, nothing timed) ends a wait for what never comes."""
        tail = pexpect.spawn("tail", ["-n", "+1", "-F", self.log], encoding="utf-8",
                             codec_errors="replace", timeout=120)
        deadline = time.monotonic() + 900
        try:
            while not cond(self.console()):
                if time.monotonic() > deadline:
                    raise pexpect.TIMEOUT(what)
                tail.expect(r"\n")
        except (pexpect.TIMEOUT, pexpect.EOF):
            raise AssertionError(f"timed out waiting for {what}\n--- console ---\n"
                                 f"{self.console()[-6000:]}") from None
        finally:
            tail.close(force=True)
        return self.console()

    def close(self):
        self.gdb.close(force=True)
        self.qemu.kill()
        self.qemu.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def test_arm64_gdb_debugs_one_cell(image):
    s = Session(image)
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
        x19 = s.value("$x19")
        s.cmd("set $x19 = 0x1234abcd")
        s.cmd("maint flush register-cache")
        assert s.value("$x19") == 0x1234abcd
        s.cmd(f"set $x19 = {x19}")
        jmax = s.value("h->jit_max")
        s.cmd("set var h->jit_max = 77")
        s.cmd("maint flush register-cache")
        assert s.value("h->jit_max") == 77
        s.cmd(f"set var h->jit_max = {jmax}")
        assert s.value("h->jit_max") == jmax

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
        out = s.cmd("detach")
        assert "etached" in out, out

        text = s.wait_console(
            lambda t: "[fv] gdb detached from cell rtos0" in t
            and any(c == "rtos1" and int(tm) > now2 for c, _, tm in TICK.findall(t))
            and any(c == "rtos0" and int(tm) > now2 for c, _, tm in TICK.findall(t)),
            "the stub's detach line and both cells' status lines after the detach")
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
