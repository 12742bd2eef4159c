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

RISC-V: the count is the instret CSR, read through the gdbstub.  ARM64
has no such register there (PMCCNTR_EL0 reads 0 until a guest enables
the PMU, the generic timer's counters are not exposed), so the count is
QEMU's own instruction counter, read through QMP (query-replay's
"icount", which it reports with record/replay off too).
"""
import json
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


def _qmp_icount(path):
    """QEMU's instruction count, asked on its QMP socket `path`."""
    with socket.socket(socket.AF_UNIX) as sock:
        sock.settimeout(30)
        sock.connect(path)
        f = sock.makefile("rw")
        f.readline()                    # the greeting
        for req in ("qmp_capabilities", "query-replay"):
            f.write(json.dumps({"execute": req}) + "\n")
            f.flush()
            while True:                 # skip events
                reply = json.loads(f.readline())
                if "return" in reply or "error" in reply:
                    break
        return reply["return"]["icount"]


# gdb's name of the architecture, the breakpoint's kind (instruction size)
ARCHES = {"riscv": ("riscv", 2), "aarch64": ("aarch64", 4)}


def first_hit(cmd, addr, timeout=120, arch="riscv"):
    """Run QEMU `cmd` (a list) until a hart first executes `addr`; return
    the instruction count there, or None if QEMU exited first or the stop
    did not come within `timeout` seconds.  `arch`: a key of ARCHES."""
    xml, kind = ARCHES[arch]
    with tempfile.TemporaryDirectory() as tmp:
        path, qmp = os.path.join(tmp, "gdb.sock"), os.path.join(tmp, "qmp.sock")
        full = list(cmd) + ["-S", "-gdb", f"unix:{path},server=on,wait=off"]
        if arch != "riscv":
            full += ["-qmp", f"unix:{qmp},server=on,wait=off"]
        qemu = subprocess.Popen(full, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            rsp = _Rsp(path, timeout)
            rsp.cmd(f"qSupported:xmlRegisters={xml}")
            instret = rsp.regnum("instret") if arch == "riscv" else None
            if rsp.cmd(f"Z1,{addr:x},{kind}") != "OK":
                raise RuntimeError(f"cannot set a breakpoint at {addr:#x}")
            try:
                stop = rsp.cmd("c")
            except (socket.timeout, EOFError):
                return None
            if not stop.startswith("T"):
                return None
            if instret is None:
                return _qmp_icount(qmp)
            val = rsp.cmd(f"p{instret:x}")
            return int.from_bytes(bytes.fromhex(val), "little")
        finally:
            qemu.kill()
            qemu.wait()
