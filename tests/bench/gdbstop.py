# SPDX-License-Identifier: GPL-2.0-only
"""Stop QEMU the first time any hart reaches an address and read the
instruction count there, through QEMU's gdbstub.

Under -icount shift=0 the guest's cycle counter is the instruction count
(of all harts) plus the time skipped while every hart sleeps; until the
first such sleep the two are equal, which the bench guest checks (its
entry cycle equals the count read here at its first instruction).

Only one stop per QEMU run: QEMU 10 hangs when a run that stopped at a
gdb breakpoint under -icount is continued, and reads the cycle and time
CSRs as INT64_MAX while stopped; the instret CSR reads right.
"""
import os
import re
import socket
import subprocess
import tempfile
import time


class _Rsp:
    """The few packets of the GDB remote protocol we need."""

    def __init__(self, path, timeout):
        deadline = time.monotonic() + 10
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX)
                self.sock.connect(path)
                break
            except OSError:
                self.sock.close()
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
        self.sock.settimeout(timeout)
        self.buf = b""

    def cmd(self, data):
        csum = sum(data.encode()) & 0xff
        self.sock.sendall(f"${data}#{csum:02x}".encode())
        while True:
            self.buf = self.buf.lstrip(b"+")
            m = re.match(rb"\$([^#]*)#..", self.buf, re.S)
            if m:
                self.buf = self.buf[m.end():]
                self.sock.sendall(b"+")
                return m.group(1).decode()
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("QEMU closed the gdb connection")
            self.buf += chunk

    def xfer(self, name):
        out, off = "", 0
        while True:
            r = self.cmd(f"qXfer:features:read:{name}:{off:x},800")
            if not r or r[0] not in "lm":
                raise RuntimeError(f"qXfer {name}: {r!r}")
            out += r[1:]
            off += len(r) - 1
            if r[0] == "l":
                return out

    def regnum(self, name):
        """gdb register number of `name`, from the target description."""
        n = 0
        for inc in re.findall(r'include href="([^"]+)"', self.xfer("target.xml")):
            for reg in re.findall(r"<reg [^>]*>", self.xfer(inc)):
                m = re.search(r'regnum="(\d+)"', reg)
                n = int(m.group(1)) if m else n
                if re.search(rf'name="{name}"', reg):
                    return n
                n += 1
        raise KeyError(name)


def first_hit(cmd, addr, timeout=120):
    """Run QEMU `cmd` (a list) until a hart first executes `addr`; return
    the instruction count there, or None if QEMU exited first or the stop
    did not come within `timeout` seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "gdb.sock")
        full = list(cmd) + ["-S", "-gdb", f"unix:{path},server=on,wait=off"]
        qemu = subprocess.Popen(full, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            rsp = _Rsp(path, timeout)
            rsp.cmd("qSupported:xmlRegisters=riscv")
            instret = rsp.regnum("instret")
            if rsp.cmd(f"Z1,{addr:x},2") != "OK":
                raise RuntimeError(f"cannot set a breakpoint at {addr:#x}")
            try:
                stop = rsp.cmd("c")
            except (socket.timeout, EOFError):
                return None
            if not stop.startswith("T"):
                return None
            val = rsp.cmd(f"p{instret:x}")
            return int.from_bytes(bytes.fromhex(val), "little")
        finally:
            qemu.kill()
            qemu.wait()
