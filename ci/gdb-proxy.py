#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Join gdb to a cell over Ferrovisor's console (make gdb, test_gdb.py).

QEMU serves the hypervisor console on a unix socket.  This connects to it,
waits until the cells run, gives the keyboard to CELL (Ctrl-] n until the
hypervisor says so), asks for the debugger (Ctrl-] g), and from the
hypervisor's "gdb attached" line on relays the GDB remote protocol between
the socket and its own stdin/stdout: run it from gdb as

    target remote | ci/gdb-proxy.py --socket PATH --cell NAME

What the console says before and after the session goes to --log (and to
stderr when there is no log).  When gdb hangs up, the proxy returns at
once (gdb waits for it) and a child of it keeps copying the console into
the log until QEMU goes away.
"""
import argparse
import os
import re
import select
import socket
import sys
import time


def connect(path, timeout):
    end = time.monotonic() + timeout
    while True:
        try:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(path)
            return s
        except OSError:
            s.close()
            if time.monotonic() > end:
                sys.exit(f"gdb-proxy: cannot connect to {path}")
            select.select([], [], [], 0.1)  # QEMU is still starting


class Console:
    def __init__(self, sock, log):
        self.sock, self.log, self.text = sock, log, b""

    def read(self, timeout):
        r, _, _ = select.select([self.sock], [], [], timeout)
        if not r:
            return b""
        data = self.sock.recv(4096)
        if not data:
            sys.exit("gdb-proxy: the console closed (QEMU exited)")
        return data

    def wait(self, pattern, timeout, what):
        """Read until `pattern` matches a whole line; return its match and
        whatever came after that line (already RSP, for the last wait); that
        rest stays for the next wait too."""
        rx = re.compile(pattern)
        end = time.monotonic() + timeout
        while True:
            while b"\n" in self.text:
                raw, self.text = self.text.split(b"\n", 1)
                line = raw.decode("utf-8", "replace").rstrip("\r")
                self.logline(line)
                found = rx.search(line)
                if found:
                    return found, self.text
            left = end - time.monotonic()
            if left <= 0:
                sys.exit(f"gdb-proxy: timed out waiting for {what}")
            self.text += self.read(left)

    def logline(self, line):
        self.log.write(line + "\n")
        self.log.flush()


def focus(con, cell, timeout):
    """Ctrl-] n until the hypervisor gives the keyboard to `cell`."""
    for _ in range(40):
        con.sock.sendall(b"\x1dn")
        m, _ = con.wait(r"^\[fv\] console input goes to (\S+) ", timeout, "the focus line")
        if m.group(1) == cell:
            return
    sys.exit(f"gdb-proxy: no console of cell {cell}")


def relay(sock, first, log):
    """RSP between stdin/stdout and the console, until gdb hangs up.  After
    gdb's detach ("$D") and the hypervisor's "$OK", the console is the
    console again: what it says goes to the log, not to gdb."""
    out = sys.stdout.buffer
    detaching, done = False, False
    tail = b""  # the end of what went to gdb since the detach: "$OK#9a" may
    pending = first  # come split over reads (a UART's bytes come one by one)
    while True:
        if pending:
            if detaching and not done:
                at = (tail + pending).find(b"$OK#9a")
                if at >= 0:
                    cut = at + 6 - len(tail)
                    out.write(pending[:cut])
                    pending, done = pending[cut:], True
                else:
                    tail = (tail + pending)[-5:]
            if done:
                log.write(pending.decode("utf-8", "replace").replace("\r", ""))
                log.flush()
            else:
                out.write(pending)
            out.flush()
        r, _, _ = select.select([sock, sys.stdin], [], [])
        pending = b""
        if sys.stdin in r:
            data = os.read(sys.stdin.fileno(), 4096)
            if not data:
                return
            detaching |= b"$D#" in data or b"$D;" in data
            sock.sendall(data)
        if sock in r:
            pending = sock.recv(4096)
            if not pending:
                sys.exit("gdb-proxy: the console closed (QEMU exited)")


def keep_logging(sock, log):
    """In a child, so gdb is not kept waiting: the console into the log."""
    if log is sys.stderr or os.fork():
        return
    os.setsid()
    for fd in (0, 1, 2):
        os.close(fd)
    while True:
        data = sock.recv(4096)
        if not data:
            os._exit(0)
        log.write(data.decode("utf-8", "replace").replace("\r", ""))
        log.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--socket", required=True, help="QEMU's console socket")
    ap.add_argument("--cell", required=True, help="the cell to debug")
    ap.add_argument("--log", help="console text before and after the session")
    ap.add_argument("--timeout", type=float, default=120, help="seconds per step")
    a = ap.parse_args()
    log = open(a.log, "a", encoding="utf-8") if a.log else sys.stderr
    sock = connect(a.socket, a.timeout)
    con = Console(sock, log)
    # any cell's line: the cells run, and the console takes input
    con.wait(r"^\[[\w-]+\] ", a.timeout, "a line of a cell")
    focus(con, a.cell, a.timeout)
    sock.sendall(b"\x1dg")
    m, _ = con.wait(r"^\[fv\] gdb attached to cell (\S+)$|^\[fv\] gdb: cell", a.timeout,
                    "the debugger to attach")
    if not m.group(1):
        sys.exit(f"gdb-proxy: the hypervisor refused: cell {a.cell} is not running")
    _, rest = con.wait(r"^\[fv\] gdb: the console speaks", a.timeout, "the hand-over")
    relay(sock, rest, log)
    keep_logging(sock, log)


if __name__ == "__main__":
    main()
