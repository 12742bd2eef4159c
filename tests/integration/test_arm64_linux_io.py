# SPDX-License-Identifier: GPL-2.0-only
"""The ARM64 demo's I/O (configs/qemu-aarch64-virt_defconfig, layout
cells/qemu-aarch64-virt/linux-rtos.c), as on RISC-V: Linux mounts its
virtio-blk disk (make disk's ext2 image) and reads its file, runs a second
shell on its virtio console (hvc0, the multiplexer's "linux-hvc"), and
talks to the RTOS over the shared region and the doorbells (fv-doorbell
built for arm64; the RTOS's doorbell task answers through its GIC
driver).  Why these tests: all of it goes through the core's VirtIO and
doorbell emulation, the arm64 stage-2 data aborts and the virtual GIC's
emulated SPIs, and it must survive the RTOS cell being restarted while
Linux is using the channel and the disk.

Every check reads whole lines of the console (joined from the
multiplexer's pieces); the timeouts are wall-clock bounds for a slow host
(a hang fails), never measurements, and the round-trip figure is never
asserted on."""
import re

import pytest

import arm64qemu
from fvqemu import Qemu
from test_arm64_debian_kernel import PROMPT, shell
from test_cells import hv_message, run_until
from test_demo import linux_text, rtos_ticks
from test_demo_doorbell import LINUX_ANY, LINUX_LINE, RTOS_LINE, rtos_doorbell
from test_demo_virtio import DISK_LINE, hvc_text

BOOT_TIMEOUT = 300      # TCG on a loaded 2-core host is slow
TIMEOUT = 120
UIO_MAPS = "doorbell 0x0000000000001000 0x0000000000100000"
# A cell fault (a refused or undecodable access, one outside the cell) or
# a cell stopped or restarted by anything but the monitor
TROUBLE = re.compile(r"refused|undecodable|outside the cell|"
                     r"^cell (linux|rtos): (stopped|restarting)", re.M)


@pytest.fixture(scope="module")
def demo():
    """The defconfig's image, as `make run` builds it (the same O directory
    as test_arm64_linux_rtos.py's)."""
    return arm64qemu.build(name="arm64-linux-rtos")


def wait_shell(q, start):
    """Wait for Linux's ready line and then its shell's prompt after offset
    `start`; returns N of "ready (nproc N)"."""
    ready = re.compile(r"ferrovisor-linux: ready \(nproc (\d+)\).*?" + PROMPT.pattern)
    text = q.wait_for(lambda t: ready.search(linux_text(t[start:])), BOOT_TIMEOUT,
                      "Linux's ready line and its shell's prompt")
    return int(ready.search(linux_text(text[start:])).group(1))


def boot(image):
    """QEMU running the demo (4 CPUs, 1 GiB: the defconfig's), Linux's
    shell at its prompt."""
    q = Qemu(arm64qemu.qemu_cmd(image, smp=4, mem="1G"), timeout=BOOT_TIMEOUT)
    try:
        q.expect(r"cell linux: starting on harts 1 2, entry 0x40200000")
        assert wait_shell(q, 0) == 2
    except BaseException:
        q.close()
        raise
    return q


def wait_channel(q):
    """Linux's doorbell line at boot, exactly once and whole (the answer to
    its 10th request), and the RTOS's answer line."""
    def done(t):
        lt = linux_text(t)
        at = lt.find(LINUX_ANY)
        return (LINUX_LINE.search(lt) or (at >= 0 and PROMPT.search(lt[at:]))) \
            and rtos_doorbell(t)
    text = q.wait_for(done, TIMEOUT, "the doorbell lines of Linux and the RTOS")
    lt = linux_text(text)
    assert lt.count(LINUX_ANY) == 1 and LINUX_LINE.search(lt), \
        lt[lt.find(LINUX_ANY):][:300]
    assert rtos_doorbell(text) == [RTOS_LINE], rtos_doorbell(text)


def focus(q, n, name):
    """Give the keyboard to console port `n` of the multiplexer."""
    start = len(q.text())
    q.send(f"\x1d{n}")
    q.wait_for(lambda t: f"console input goes to {name}" in t[start:], 30,
               f"the focus on {name}")


def hvc_echo(q, word):
    """The virtio console's shell answers `echo <word>-$((6 * 7))` (and the
    UART's shell does not see it); the keyboard goes back to Linux's
    UART.  Ports: 1 linux, 2 rtos, 3 linux-hvc."""
    q.wait_for(lambda t: "ferrovisor-linux: hvc0 ready" in hvc_text(t), 60,
               "the shell on the virtio console")
    start = len(q.text())
    focus(q, 3, "linux-hvc")
    q.send(f"echo {word}-$((6 * 7))\n")
    q.wait_for(lambda t: re.search(f"{word}-42" + PROMPT.pattern, hvc_text(t[start:])),
               60, "the virtio console's shell answering")
    assert f"{word}-42" not in linux_text(q.text()[start:])
    focus(q, 1, "linux")


def test_disk_hvc0_and_doorbell_at_boot(demo):
    with boot(demo) as q:
        wait_channel(q)
        lt = linux_text(q.text())
        assert DISK_LINE in lt
        assert "ferrovisor-linux: console: hvc0" in lt
        assert shell(q, "cat /sys/block/vda/size") == "2048"       # 1 MiB
        assert shell(q, "cat /mnt/hello.txt") == "hello from the virtio-blk disk"
        assert shell(q, "cat /sys/class/uio/uio0/name /sys/class/uio/uio0/maps/map*/size") \
            == UIO_MAPS
        # the tool runs again from the shell: 3 rounds, the last answer
        out = shell(q, "fv-doorbell /dev/uio0 3")
        assert re.fullmatch(r'ferrovisor-linux: doorbell: rtos answered "pong 3" '
                            r'round trip \d+ us \(3 rounds\)', out), out
        hvc_echo(q, "via")
        # the devices' interrupts are the virtual GIC's SPIs of the tree
        irqs = shell(q, "grep -E 'virtio|doorbell' /proc/interrupts")
        for want in ("virtio0", "virtio1", "doorbell"):
            assert want in irqs, irqs
        text = q.text()
    assert not TROUBLE.search(text), TROUBLE.search(text).group(0)


def test_rtos_restart_mid_traffic_leaves_linux_devices_working(demo):
    with boot(demo) as q:
        wait_channel(q)
        # traffic in the background: doorbell rounds and disk writes, until
        # /tmp/stop appears
        assert shell(q, "mount -o remount,rw /mnt && echo rw") == "rw"
        q.send("(n=0; while [ ! -e /tmp/stop ]; do fv-doorbell /dev/uio0 20 >/dev/null; "
               "n=$((n + 1)); echo $n > /mnt/n.new; mv /mnt/n.new /mnt/n.txt; sync; done; "
               "touch /tmp/done) &\n")
        # some of it done: a round answered (the count is renamed into
        # place, so it is never read half written)
        n = shell(q, "until [ -s /mnt/n.txt ]; do sleep 1; done; cat /mnt/n.txt",
                  timeout=TIMEOUT)
        assert n.isdigit() and int(n) >= 1, n
        start = len(q.text())
        q.send("\x1dm")
        run_until(q, lambda t: "[fv] monitor: type help" in t[start:], 30,
                  "the monitor to open")
        before = len(q.text())
        q.send("restart rtos\r")
        text = run_until(q, lambda t: hv_message(t[before:], "cell rtos: restarting"), 60,
                         "the RTOS cell to restart")
        at = before + hv_message(text[before:], "cell rtos: restarting")[0]
        q.send("exit\r")
        run_until(q, lambda t: "monitor closed: input goes to the cells again" in t[at:], 30,
                  "the monitor to close")
        # the RTOS boots again and ticks; it answers requests again
        text = run_until(q, lambda t: len(rtos_ticks(t[at:])) >= 2 and
                         RTOS_LINE in rtos_doorbell(t[at:]), TIMEOUT,
                         "two RTOS status lines and its doorbell answer after its restart")
        again = rtos_ticks(text[at:])
        assert again[0] < 1500 and again == sorted(again), again
        # stop the traffic (a round cut by the restart gives up after 10 s)
        assert shell(q, "touch /tmp/stop; while [ ! -e /tmp/done ]; do sleep 1; done; "
                     "echo stopped", timeout=TIMEOUT) == "stopped"
        # Linux's devices all work: the channel, the disk, the virtio console
        out = shell(q, "fv-doorbell /dev/uio0 3")
        assert re.fullmatch(r'ferrovisor-linux: doorbell: rtos answered "pong 3" '
                            r'round trip \d+ us \(3 rounds\)', out), out
        n = shell(q, "cat /mnt/n.txt")
        assert n.isdigit() and int(n) >= 1, n
        assert shell(q, "echo after > /mnt/after.txt && sync && cat /mnt/after.txt") == "after"
        assert shell(q, "cat /mnt/hello.txt") == "hello from the virtio-blk disk"
        hvc_echo(q, "after")
        text = q.text()
    assert linux_text(text).count("ferrovisor-linux: ready") == 1
    assert text.count("cell rtos: restarting") == 1
    assert not TROUBLE.search(text.replace("cell rtos: restarting", "")), \
        TROUBLE.search(text.replace("cell rtos: restarting", "")).group(0)
