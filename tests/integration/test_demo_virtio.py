# SPDX-License-Identifier: GPL-2.0-only
"""The demo's VirtIO devices (linux-rtos): Linux mounts the virtio-blk
disk (the ext2 image built from cells/guests/linux/disk/), a second shell
runs on the virtio console (hvc0: the demo kernel has no SBI hvc), a port
of its own on the multiplexer ("linux-hvc"), and what Linux writes to the
disk survives its restart.  A layout may make that virtio console Linux's
only console, console=hvc0 (tests/layouts/run/demo-hvc0.c).
"""
import re

from conftest import build_layout
from fvqemu import Qemu, qemu_cmd
from test_demo import PROMPT, boot, demo, linux_text, shell, wait_shell  # noqa: F401

DISK_LINE = "ferrovisor-linux: disk: hello from the virtio-blk disk"


def hvc_text(text):
    return "".join(re.findall(r"^\[linux-hvc\] (.*)$", text, re.M))


def test_linux_mounts_its_virtio_disk(demo):
    with boot(demo) as q:
        assert DISK_LINE in linux_text(q.text())
        assert shell(q, "cat /sys/block/vda/size") == "2048"      # 1 MiB
        assert shell(q, "cat /mnt/hello.txt") == "hello from the virtio-blk disk"
        # mounted read-only by /init: a write fails in Linux, not in the disk
        assert "Read-only file system" in shell(q, "touch /mnt/x")


def test_virtio_console_is_a_port_of_its_own(demo):
    with boot(demo) as q:
        q.wait_for(lambda t: "ferrovisor-linux: hvc0 ready" in hvc_text(t), 60,
                   "the shell on the virtio console")
        start = len(q.text())
        q.send("\x1d3")                 # console 3: linux, rtos, linux-hvc
        q.wait_for(lambda t: "console input goes to linux-hvc" in t[start:], 30,
                   "the focus on linux-hvc")
        q.send("echo via-$((6 * 7))\n")
        # its pieces joined (the focused port's line may be cut by another
        # cell's): the answer, then the next prompt
        q.wait_for(lambda t: "via-42" + PROMPT in hvc_text(t[start:]), 60,
                   "the virtio console's shell answering")
        # the UART's shell did not see it
        assert "via-42" not in linux_text(q.text()[start:])


def test_disk_writes_survive_a_restart(demo):
    with boot(demo) as q:
        out = shell(q, "mount -o remount,rw /mnt && echo kept > /mnt/kept.txt && "
                    "sync && cat /mnt/kept.txt")
        assert out == "kept", out
        q.send("reboot\n")
        q.expect(r"cell linux: restarting", timeout=60)
        start = q.pos()
        wait_shell(q, start)
        assert DISK_LINE in linux_text(q.text()[start:])
        assert shell(q, "cat /mnt/kept.txt") == "kept"


def test_console_hvc0_is_the_virtio_console():
    """console=hvc0 in a layout: Linux's console, its boot messages past
    the early console and its shell are on the virtio console's port."""
    elf = build_layout("tests/layouts/run/demo-hvc0.c")
    with Qemu(qemu_cmd(elf, smp=4, mem="1G"), timeout=120) as q:
        q.expect(r"cell linux: starting on harts 1 2")
        # the shell's banner; its prompt, an open line of a port without
        # the focus, comes out once the port has it
        ready = re.compile(r"ferrovisor-linux: ready \(nproc 2\).*?"
                           r"ferrovisor-linux: console: hvc0.*?Enter 'help'")
        q.wait_for(lambda t: ready.search(hvc_text(t)), 120,
                   "Linux's ready line and shell banner on linux-hvc")
        start = len(q.text())
        q.send("\x1d2")                 # console 2: linux, linux-hvc
        q.wait_for(lambda t: "console input goes to linux-hvc" in t[start:], 30,
                   "the focus on linux-hvc")
        q.send("echo \"@<$(cat /sys/class/tty/console/active) $(tty)>@\"\n")
        q.wait_for(lambda t: "@<hvc0 /dev/hvc0>@" + PROMPT in hvc_text(t[start:]), 60,
                   "the shell on hvc0 naming its console and tty")
