# SPDX-License-Identifier: GPL-2.0-only
"""gdb-multiarch on an RTOS cell through the hypervisor console, for the
gdb integration tests of both boards (test_gdb.py, test_arm64_gdb.py).

One Session's plumbing serves both, so that what they assert differs only
where the architectures do: QEMU with its console on a unix socket,
ci/gdb-proxy.py between it and gdb (driven by pexpect), and the proxy's
console log followed for what the cells print.  A board gives its own QEMU
command and, where gdb cannot tell it from the ELF alone, its architecture.
"""
import os
import re
import shutil
import subprocess
import tempfile
import time

import pexpect
import pytest

from fvqemu import ROOT

GDB = shutil.which("gdb-multiarch")
PROMPT = r"\(gdb\) $"
# the RTOS's status line: cell, tick count, guest time
TICK = re.compile(r"^\[(rtos[01])\] rtos: hart 0 tick (\d+) time (\d+) ", re.M)


def need_gdb():
    """Skip where gdb-multiarch is not installed."""
    if not GDB:
        pytest.skip("gdb-multiarch is not installed (ci/deps.sh installs it)")


def rtos_elf(image):
    """The RTOS guest's ELF built beside the hypervisor image `image`."""
    return os.path.join(os.path.dirname(image), "guests", "rtos", "rtos.elf")


class Session:
    """QEMU running `qemu` (the board's command, booting `image`) with its
    console on a unix socket, gdb attached to rtos0 through the proxy with
    the RTOS's symbols; `arch`, if given, is gdb's `set architecture`."""

    def __init__(self, qemu, image, arch=None):
        self.dir = tempfile.mkdtemp(prefix="fvgdb")
        sock = os.path.join(self.dir, "console.sock")
        self.log = os.path.join(self.dir, "console.log")
        self.qemu = subprocess.Popen(
            list(qemu) + ["-monitor", "none", "-serial", f"unix:{sock},server=on,wait=on"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        proxy = os.path.join(ROOT, "ci", "gdb-proxy.py")
        self.gdb = pexpect.spawn(GDB, ["-q", "-nx", "-iex", "set style enabled off",
                                       rtos_elf(image)],
                                 encoding="utf-8", timeout=120, codec_errors="replace",
                                 echo=False, env=dict(os.environ, TERM="dumb"))
        self.out = []
        self.gdb.logfile_read = self
        self.gdb.expect(PROMPT)
        self.cmd("set pagination off")
        self.cmd("set confirm off")
        self.cmd("set remotetimeout 60")
        if arch:
            self.cmd(f"set architecture {arch}")
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

    def check_write(self, expr, value):
        """A write reaches the guest: `expr` (a register or memory) set to
        `value` reads back so after gdb forgets its copies, and is put back."""
        old = self.value(expr)
        self.cmd(f"set var {expr} = {value}")
        self.cmd("maint flush register-cache")
        assert self.value(expr) == value, expr
        self.cmd(f"set var {expr} = {old}")
        assert self.value(expr) == old, expr

    def console(self):
        """The console so far, as the proxy logged it."""
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
