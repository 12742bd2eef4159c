# SPDX-License-Identifier: GPL-2.0-only
"""Boot a RISC-V image in QEMU and talk to its console, for integration tests.

QEMU exits 0 whether a guest passed or failed, so every test reads the
console: `expect()` waits for a regular expression and fails the test with
the console log so far when it does not come.
"""
import os
import re
import shutil
import time

import pexpect

OPENSBI = os.environ.get(
    "FV_OPENSBI", "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin")
QEMU = os.environ.get("FV_QEMU", "qemu-system-riscv64")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.abspath(os.environ.get("O", os.path.join(ROOT, "build")))


def qemu_cmd(kernel, smp=1, mem="256M", cpu="rv64", append=None, initrd=None,
             extra=(), icount=False, machine="virt"):
    cmd = [QEMU, "-M", machine, "-cpu", cpu, "-smp", str(smp), "-m", mem,
           "-nographic", "-bios", OPENSBI, "-kernel", kernel]
    if append is not None:
        cmd += ["-append", append]
    if initrd:
        cmd += ["-initrd", initrd]
    if icount:
        cmd += ["-icount", "shift=0,sleep=off", "-seed", "1",
                "-rtc", "base=2024-01-01T00:00:00,clock=vm"]
    return cmd + list(extra)

# QEMU virt with AIA (an APLIC and per-hart IMSICs, 7 guest files each,
# QEMU 10's most) instead of a PLIC; images for it are built with
# AIA_CONFIG added to their configuration.
AIA_MACHINE = "virt,aia=aplic-imsic,aia-guests=7"
AIA_CONFIG = f'CONFIG_QEMU_MACHINE="{AIA_MACHINE}"'


class Qemu:
    """A running QEMU whose serial console is our stdin/stdout."""

    def __init__(self, cmd, timeout=60, logname=None):
        self.cmd = cmd
        self.log = []
        self.child = pexpect.spawn(cmd[0], cmd[1:], encoding="utf-8",
                                   codec_errors="replace", timeout=timeout,
                                   echo=False)
        self.child.logfile_read = _Tee(self.log)
        self.logname = logname

    def text(self):
        """The console so far, with line ends as plain '\n'."""
        return "".join(self.log).replace("\r", "")

    def expect(self, pattern, timeout=None):
        """Wait for `pattern` (a regex) and return its match object; at most
        `timeout` seconds, by default the one given to Qemu()."""
        try:
            # pexpect waits forever on None; -1 is its default timeout
            self.child.expect(pattern, timeout=-1 if timeout is None else timeout)
        except (pexpect.TIMEOUT, pexpect.EOF) as e:
            kind = "timed out" if isinstance(e, pexpect.TIMEOUT) else "QEMU exited"
            raise AssertionError(
                f"{kind} waiting for {pattern!r}\n--- console ---\n"
                f"{self.text()[-6000:]}\n--- command ---\n{' '.join(self.cmd)}"
                f"{self.monitor()}") from None
        return self.child.match

    def pos(self):
        """Where expect() has read up to, as an offset in text().  text()
        may run ahead of it: what QEMU printed after the last match but was
        read in the same go.  Slice text() here for "everything after what
        was just matched"; len(text()) is not that place."""
        raw = "".join(self.log)
        return len(raw[:len(raw) - len(self.child.buffer)].replace("\r", ""))

    def wait_for(self, cond, timeout, what):
        """Read the console until cond(text()) holds; return text().  cond
        sees everything read so far, the last line possibly incomplete, so
        it must only count what is whole (a line with its end, a number
        with what follows it).  The next expect() goes on from the end of
        what cond saw.  Fails with the console log on timeout."""
        end = time.monotonic() + timeout
        while not cond(self.text()):
            left = end - time.monotonic()
            try:
                if left <= 0:
                    raise pexpect.TIMEOUT("")
                # whatever comes next, even without a line end (a prompt)
                self.child.expect(r"[\s\S]+", timeout=left)
            except (pexpect.TIMEOUT, pexpect.EOF) as e:
                kind = "timed out" if isinstance(e, pexpect.TIMEOUT) else "QEMU exited"
                raise AssertionError(
                    f"{kind} waiting for {what}\n--- console ---\n"
                    f"{self.text()[-6000:]}\n--- command ---\n{' '.join(self.cmd)}"
                    f"{self.monitor()}") from None
        self.child.buffer = ""
        return self.text()

    def monitor(self):
        """After a timeout: what the hypervisor's monitor says of the cells
        (Ctrl-] m and v), if QEMU still runs, for the failure message."""
        if not self.child.isalive():
            return ""
        start, end = len(self.text()), time.monotonic() + 3
        self.child.send("\x1dm\x1dv")
        while time.monotonic() < end:  # a failure report: read what comes
            try:
                self.child.expect(r"[\s\S]+", timeout=max(0.1, end - time.monotonic()))
            except (pexpect.TIMEOUT, pexpect.EOF):
                break
        lines = [l for l in self.text()[start:].splitlines() if l.startswith("[fv]")]
        return "\n--- monitor ---\n" + "\n".join(lines) if lines else ""

    def send(self, s):
        self.child.send(s)

    def wait_exit(self, timeout=30):
        """Wait for QEMU to exit by itself; return the whole console text."""
        self.expect(pexpect.EOF, timeout=timeout)
        return self.text()

    def close(self):
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _Tee:
    def __init__(self, sink):
        self.sink = sink

    def write(self, s):
        self.sink.append(s)

    def flush(self):
        pass


def count(pattern, text):
    return len(re.findall(pattern, text))


def have_qemu():
    return shutil.which(QEMU) is not None and os.path.exists(OPENSBI)
