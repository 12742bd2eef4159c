# SPDX-License-Identifier: GPL-2.0-only
"""The ARM64 board's default demo, configs/qemu-aarch64-virt_defconfig
(layout cells/qemu-aarch64-virt/linux-rtos.c): our Linux, built from
Debian's linux-source-6.1 for arm64 with the busybox initramfs, in a cell
of CPUs 1-2 beside the RTOS on CPU 3.  Linux reaches its shell with both
vCPUs, answers what is typed on its console, the RTOS ticks beside it,
and restarting the RTOS from the monitor leaves Linux answering.

Every check reads whole lines of the console; the timeouts are wall-clock
bounds for a slow host (a hang fails), never measurements."""
import re

import pytest

import arm64qemu
# shell() and wait_shell() of the Debian-arm64 test: Debian's arm64
# busybox shows the home directory as /root in the prompt, not as ~
from test_arm64_debian_kernel import PROMPT, shell, wait_shell
from test_cells import hv_message, run_until
from test_demo import linux_text, rtos_ticks

BOOT_TIMEOUT = 300      # TCG on a loaded 2-core host is slow


@pytest.fixture(scope="module")
def demo():
    """The defconfig's image, as `make run` builds it."""
    return arm64qemu.build(name="arm64-linux-rtos")


def boot(image):
    """QEMU running the demo (4 CPUs, 1 GiB: the defconfig's), Linux's
    shell at its prompt; returns (Qemu, nproc)."""
    from fvqemu import Qemu
    q = Qemu(arm64qemu.qemu_cmd(image, smp=4, mem="1G"), timeout=BOOT_TIMEOUT)
    try:
        q.expect(r"cell linux: starting on harts 1 2, entry 0x40200000")
        nproc = wait_shell(q)
    except BaseException:
        q.close()
        raise
    return q, nproc


def test_linux_shell_answers_and_rtos_ticks(demo):
    q, nproc = boot(demo)
    with q:
        assert nproc == 2
        assert shell(q, "uname -m") == "aarch64"
        assert shell(q, "echo hello from $(nproc) cpus") == "hello from 2 cpus"
        kb = int(re.search(r"MemTotal:\s+(\d+) kB",
                           shell(q, "grep MemTotal /proc/meminfo")).group(1))
        assert 200 * 1024 < kb <= 256 * 1024, kb
        # the RTOS ticks beside it: two more status lines, its tick rising
        after = q.pos()
        run_until(q, lambda t: len(rtos_ticks(t[after:])) >= 2, 120,
                  "two RTOS status lines while Linux runs")
        ticks = rtos_ticks(q.text()[after:])
        assert ticks == sorted(ticks) and ticks[0] < ticks[-1], ticks
        text = q.text()
    lt = linux_text(text)
    assert "smp: Brought up 1 node, 2 CPUs" in lt
    assert "ttyAMA0 at MMIO 0x9000000" in lt
    assert not re.search(r"^cell (linux|rtos): (stopped|restarting)", text, re.M), text


def test_rtos_restart_leaves_linux_answering(demo):
    q, _ = boot(demo)
    with q:
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
        # the RTOS boots again from scratch and ticks
        text = run_until(q, lambda t: len(rtos_ticks(t[at:])) >= 2, 120,
                         "two RTOS status lines after its restart")
        again = rtos_ticks(text[at:])
        assert again[0] < 1500 and again == sorted(again), again
        # Linux was not touched: its console still answers
        assert shell(q, "echo still $((6 * 7))") == "still 42"
        text = q.text()
    assert linux_text(text).count("ferrovisor-linux: ready") == 1
    assert not re.search(r"^cell linux: (stopped|restarting)", text, re.M), text
    assert PROMPT.search(linux_text(text[at:]))
