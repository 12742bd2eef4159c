# SPDX-License-Identifier: GPL-2.0-only
"""Debian's own arm64 kernel (linux-image-arm64 from bookworm), unmodified,
in an ARM64 cell of two vCPUs, with our busybox initramfs
(tests/layouts/run/arm64-debian-linux.c; ci/fetch-debian-kernel-arm64.sh
fetches both): it finds its GICv3 (the virtual one), starts its second
vCPU with PSCI, takes its timer, its PL011's interrupts (the emulated one,
ttyAMA0) and the SGIs it sends between its CPUs through the virtual GIC,
takes an alarm of the PL031 RTC passed through to it (the physical SPI
injected with the HW bit), and gives a shell.  The
download is not optional: without the mirror (and nothing cached) the
test fails, it does not skip."""
import re

import pytest

import arm64qemu
from fvqemu import Qemu
from test_demo import linux_text

# cells/guests/linux/init sets PS1='linux:\w# '; this busybox shows the
# home directory as /root, the RISC-V demo's as ~
PROMPT = re.compile(r"linux:(?:~|/root)# ")

LAYOUT = "tests/layouts/run/arm64-debian-linux.c"
CONFIG = (f'CONFIG_LAYOUT_A64_CUSTOM=y\nCONFIG_LAYOUT_FILE="{LAYOUT}"\n'
          'CONFIG_HV_MEM_SIZE=0x4000000')
BOOT_TIMEOUT = 240      # ~15 s on an idle 2-core host; TCG on a loaded one is slow


def wait_shell(q):
    """N of Linux's "ready (nproc N)" line, once its shell's prompt follows."""
    ready = re.compile(r"ferrovisor-linux: ready \(nproc (\d+)\).*?" + PROMPT.pattern)
    text = q.wait_for(lambda t: ready.search(linux_text(t)), BOOT_TIMEOUT,
                      "Linux's ready line and its shell's prompt")
    return int(ready.search(linux_text(text)).group(1))


def shell(q, cmd, timeout=60):
    """`cmd`'s output on one line, once the shell has prompted again."""
    start = len(q.text())
    marker = re.compile(r"@<([^$]*?)>@")     # not the echo of the command
    q.send(f"X=$({cmd} 2>&1 | tr '\\n' ' '); echo \"@<$X>@\"\n")
    out = []

    def done(text):
        t = linux_text(text[start:])
        m = marker.search(t)
        if m and PROMPT.search(t[m.end():]):
            out.append(m.group(1).strip())
            return True
        return False

    q.wait_for(done, timeout, f"the output of {cmd!r} and the next prompt")
    return out[0]


@pytest.fixture(scope="module")
def image():
    return arm64qemu.build(CONFIG, name="arm64-debian-linux")


def test_debian_arm64_kernel_boots_to_a_shell(image):
    with Qemu(arm64qemu.qemu_cmd(image), timeout=BOOT_TIMEOUT) as q:
        q.expect(r"cell linux: starting on harts 1 2, entry 0x40200000")
        nproc = wait_shell(q)
        uname = shell(q, "uname -m -r")
        gic = shell(q, "grep -c GICv3 /proc/interrupts")
        ipis = shell(q, "grep -E '^ *IPI0:' /proc/interrupts")
        serial = shell(q, "grep pl011 /proc/interrupts")
        # an alarm 2 s ahead; then wait for its interrupt, however long
        rtc = shell(q, "echo +2 > /sys/class/rtc/rtc0/wakealarm; "
                       "until [ $(awk '/pl031/ { print $2 + $3 }' /proc/interrupts) -gt 0 ]; "
                       "do sleep 1; done; grep pl031 /proc/interrupts")
        q.send("poweroff -f\n")
        text = q.wait_exit(timeout=120)
    assert nproc == 2
    assert re.fullmatch(r"6\.\d+\.\d+-\d+-arm64 aarch64", uname), uname
    assert int(gic) >= 2, gic                         # timer, UART at least
    m = re.match(r"IPI0:\s+(\d+)\s+(\d+)", ipis)      # rescheduling IPIs: SGIs
    assert m and int(m.group(1)) + int(m.group(2)) > 0, ipis
    assert re.search(r"GICv3\s+33 Level\s+uart-pl011", serial), serial
    m = re.match(r"\d+:\s+(\d+)\s+(\d+)\s+GICv3\s+34 Level\s+rtc-pl031", rtc)
    assert m and int(m.group(1)) + int(m.group(2)) >= 1, rtc  # the alarm
    lt = linux_text(text)
    assert "GICv3: CPU1: found redistributor 1" in lt
    assert "smp: Brought up 1 node, 2 CPUs" in lt
    assert "ttyAMA0 at MMIO 0x9000000" in lt
    assert "rtc-pl031 9010000.pl031: registered as rtc0" in lt
    assert re.search(r"^cell linux: stopped \(shutdown by its guest\)$", text, re.M), text
