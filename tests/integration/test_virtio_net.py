# SPDX-License-Identifier: GPL-2.0-only
"""virtio-net between cells (layout linux-linux): two Linux cells, a card
each on link 1, the hypervisor's switch between them.

Pings and a bulk TCP transfer (busybox nc) cross the link; the bytes that
arrive are checked by their md5 against what was sent.  One cell reboots
while the other keeps sending: the sender keeps running and the link works
again once the rebooted cell is back.  Nothing here depends on how fast
the host is: each step waits for the whole line it asserts on.
"""
import re

import pytest

from fvqemu import Qemu, qemu_cmd
from test_demo import cell_text, shell

LAYOUT = "cells/qemu-riscv64-virt/linux-linux.c"
PROMPT = "linux:~# "


def cell_lines(text, cell):
    return re.findall(rf"^\[{cell}\] (.*)\n", text, re.M)


def focus(q, n):
    """Give console input to console n (1 = linux0, 2 = linux1)."""
    start = len(q.text())
    q.send("\x1d" + str(n))
    q.wait_for(lambda t: re.search(r"console input goes to linux\d", t[start:]), 30,
               "the focus message")


def run(q, cell, cmd, timeout=90):
    """Run `cmd` in `cell`'s shell (which has focus); its output on one line."""
    return shell(q, cmd, timeout, cell)


def wait_net(q, start, cell, addr, timeout=180):
    """`cell` booted (after offset `start`) and /init gave eth0 `addr`.
    Read from the cell's pieces joined (the multiplexer may cut the
    focused cell's line to let another cell's out); the line is whole
    once the cell wrote something after it (the shell's banner)."""
    line = re.compile(re.escape(f"ferrovisor-linux: net: eth0 {addr}") + r"\S")
    q.wait_for(lambda t: line.search(cell_text(t[start:], cell)), timeout,
               f"{cell}: the line 'ferrovisor-linux: net: eth0 {addr}' and what follows")


@pytest.fixture(scope="module")
def elf():
    import fvqemu
    from conftest import build_layout
    if not fvqemu.have_qemu():
        pytest.fail("qemu-system-riscv64 or OpenSBI missing: run 'make deps'")
    return build_layout(LAYOUT)


@pytest.fixture
def cells(elf):
    q = Qemu(qemu_cmd(elf, smp=4, mem="1G"), timeout=180)
    try:
        wait_net(q, 0, "linux0", "10.0.0.1/24")
        wait_net(q, 0, "linux1", "10.0.0.2/24")
        # linux0 has focus: its prompt is written through
        q.wait_for(lambda t: PROMPT in cell_text(t, "linux0"), 60, "linux0's prompt")
        yield q
    finally:
        q.close()


def test_ping_between_cells(cells):
    out = run(cells, "linux0", "ping -c 3 -W 5 10.0.0.2")
    m = re.search(r"(\d+) packets transmitted, (\d+) packets received", out)
    assert m, out
    # the switch may drop a frame when the receiver is busy (counted, never
    # waited for); ping does not resend, so ask for one reply at least
    assert int(m.group(1)) == 3 and int(m.group(2)) >= 1, out
    # no MAC in the layout: derived, 02:46:56:<cell 0>:<link 1>:<emus[1]>
    assert "02:46:56:00:01:01" in run(cells, "linux0", "ip link show eth0")


def test_bulk_transfer_arrives_whole(cells):
    q = cells
    focus(q, 2)
    start = len(q.text())
    q.send("nc -l -p 5000 | md5sum\n")
    # the listener runs once its command line is echoed
    q.wait_for(lambda t: "nc -l -p 5000 | md5sum" in cell_text(t[start:], "linux1"), 30,
               "linux1 echoing the listener's command")
    focus(q, 1)
    sent = run(q, "linux0", "dd if=/dev/urandom of=/tmp/f bs=1024 count=1024 2>/dev/null; "
               "md5sum /tmp/f; nc 10.0.0.2 5000 < /tmp/f")
    digest = re.search(r"\b([0-9a-f]{32})\b", sent)
    assert digest, sent
    q.wait_for(lambda t: f"{digest.group(1)}  -" in cell_lines(t[start:], "linux1"), 120,
               "linux1's md5 of what arrived")


def test_reboot_of_a_peer_in_the_middle_of_traffic(cells):
    q = cells
    # linux0 pings without end; linux1 reboots meanwhile
    q.send("ping -i 0.2 10.0.0.2 > /tmp/ping.log &\n")
    focus(q, 2)
    start = len(q.text())
    q.send("reboot\n")
    q.wait_for(lambda t: "cell linux1: restarting" in t[start:], 60, "linux1 restarting")
    wait_net(q, start, "linux1", "10.0.0.2/24")
    focus(q, 1)
    # linux0 never stopped: its shell answers, and the link works again
    out = run(q, "linux0", "killall ping; ping -c 3 -W 5 10.0.0.2")
    m = re.search(r"(\d+) packets received", out)
    assert m and int(m.group(1)) >= 1, out
    assert "cell linux0" not in q.text()[start:], "linux0 was touched by linux1's restart"
