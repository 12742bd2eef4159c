# SPDX-License-Identifier: GPL-2.0-only
"""What the virtio-net tests assert, for either board: two Linux cells
(linux0 10.0.0.1, linux1 10.0.0.2), a card each on link 1, the
hypervisor's switch between them.  test_virtio_net.py (RISC-V) and
test_arm64_virtio_net.py (ARM64) boot their board's linux-linux layout
and call these, so the two boards are held to the same checks.

Nothing here depends on how fast the host is: each step waits for the
whole line it asserts on; the timeouts only bound a hang."""
import re

from test_demo import cell_text


def cell_lines(text, cell):
    return re.findall(rf"^\[{cell}\] (.*)\n", text, re.M)


class Cells:
    """QEMU `q` running the two cells; `prompt`: a regex of their shell's
    prompt (busybox shows the home directory as ~ on RISC-V, /root on
    ARM64)."""

    def __init__(self, q, prompt):
        self.q = q
        self.prompt = re.compile(prompt)

    def focus(self, n):
        """Give console input to console n (1 = linux0, 2 = linux1)."""
        start = len(self.q.text())
        self.q.send("\x1d" + str(n))
        self.q.wait_for(lambda t: re.search(r"console input goes to linux\d", t[start:]), 30,
                        "the focus message")

    def run(self, cell, cmd, timeout=90):
        """Run `cmd` in `cell`'s shell (which has focus); its output on one
        line, once the shell has prompted again."""
        start = len(self.q.text())
        marker = re.compile(r"@<([^$]*?)>@")     # not the echo of the command
        self.q.send(f"X=$({cmd} 2>&1 | tr '\\n' ' '); echo \"@<$X>@\"\n")
        out = []

        def done(text):
            t = cell_text(text[start:], cell)
            m = marker.search(t)
            if m and self.prompt.search(t[m.end():]):
                out.append(m.group(1).strip())
                return True
            return False

        self.q.wait_for(done, timeout, f"{cell}: the output of {cmd!r} and the next prompt")
        return out[0]

    def wait_net(self, start, cell, addr, timeout=180):
        """`cell` booted (after offset `start`) and /init gave eth0 `addr`.
        Read from the cell's pieces joined (the multiplexer may cut the
        focused cell's line to let another cell's out); the line is whole
        once the cell wrote something after it (the shell's banner)."""
        line = re.compile(re.escape(f"ferrovisor-linux: net: eth0 {addr}") + r"\S")
        self.q.wait_for(lambda t: line.search(cell_text(t[start:], cell)), timeout,
                        f"{cell}: the line 'ferrovisor-linux: net: eth0 {addr}' "
                        "and what follows")

    def wait_up(self, timeout=180):
        """Both cells' eth0 up and linux0's prompt (it has focus, so its
        prompt is written through)."""
        self.wait_net(0, "linux0", "10.0.0.1/24", timeout)
        self.wait_net(0, "linux1", "10.0.0.2/24", timeout)
        self.q.wait_for(lambda t: self.prompt.search(cell_text(t, "linux0")), 60,
                        "linux0's prompt")


def ping_between_cells(c):
    out = c.run("linux0", "ping -c 3 -W 5 10.0.0.2")
    m = re.search(r"(\d+) packets transmitted, (\d+) packets received", out)
    assert m, out
    # the switch may drop a frame when the receiver is busy (counted, never
    # waited for); ping does not resend, so ask for one reply at least
    assert int(m.group(1)) == 3 and int(m.group(2)) >= 1, out
    # no MAC in the layout: derived, 02:46:56:<cell 0>:<link 1>:<emus[1]>
    assert "02:46:56:00:01:01" in c.run("linux0", "ip link show eth0")


def bulk_transfer_arrives_whole(c, timeout=120):
    q = c.q
    c.focus(2)
    start = len(q.text())
    q.send("nc -l -p 5000 | md5sum\n")
    # the listener runs once its command line is echoed
    q.wait_for(lambda t: "nc -l -p 5000 | md5sum" in cell_text(t[start:], "linux1"), 30,
               "linux1 echoing the listener's command")
    c.focus(1)
    sent = c.run("linux0", "dd if=/dev/urandom of=/tmp/f bs=1024 count=1024 2>/dev/null; "
                 "md5sum /tmp/f; nc 10.0.0.2 5000 < /tmp/f", timeout)
    digest = re.search(r"\b([0-9a-f]{32})\b", sent)
    assert digest, sent
    q.wait_for(lambda t: f"{digest.group(1)}  -" in cell_lines(t[start:], "linux1"), timeout,
               "linux1's md5 of what arrived")


def reboot_of_a_peer_in_the_middle_of_traffic(c, timeout=180):
    """linux0 (which has focus) pings without end; linux1 reboots
    meanwhile."""
    q = c.q
    q.send("ping -i 0.2 10.0.0.2 > /tmp/ping.log &\n")
    c.focus(2)
    start = len(q.text())
    q.send("reboot\n")
    q.wait_for(lambda t: "cell linux1: restarting" in t[start:], 60, "linux1 restarting")
    c.wait_net(start, "linux1", "10.0.0.2/24", timeout)
    c.focus(1)
    # linux0 never stopped: its shell answers, and the link works again
    out = c.run("linux0", "killall ping; ping -c 3 -W 5 10.0.0.2")
    m = re.search(r"(\d+) packets received", out)
    assert m and int(m.group(1)) >= 1, out
    assert "cell linux0" not in q.text()[start:], "linux0 was touched by linux1's restart"
