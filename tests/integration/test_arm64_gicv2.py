# SPDX-License-Identifier: GPL-2.0-only
"""The GICv2 variant of the ARM64 hypervisor (arch/arm64/irqc/gicv2,
configs/qemu-aarch64-virt-gicv2_defconfig) on QEMU's virt with
gic-version=2: it refuses a GICv3 board in one line; the RTOS runs in two
cells on its "arm,cortex-a15-gic" (its virtual timer forwarded, the second
vCPU of rtos0 started and ticking, typed input through its emulated
UART's SPI); a cell loading from the board's GICH is stopped while the
other goes on; our Linux boots SMP with its timer and IPIs counted in
/proc/interrupts (IPIs are GICD_SGIR writes, emulated; acknowledge and end
of interrupt go to the GICV page mapped in its stage 2); Debian's arm64
kernel takes its UART's SPI, IPIs and a passthrough RTC alarm (the
download is not optional, as in test_arm64_debian_kernel.py).

Whole lines only, no timing: the timeouts are wall-clock bounds for a
slow host (a hang fails)."""
import re

import pytest

import arm64qemu
from fvqemu import Qemu
from test_arm64_cells import HELLO, alive, lines as hello_lines
from test_arm64_rtos import BANNER, RUNNING, RX, check_progress, status, ticking, whole
from test_arm64_debian_kernel import BOOT_TIMEOUT as DEBIAN_TIMEOUT, CONFIG as DEBIAN_CONFIG, \
    shell, wait_shell
from test_demo import linux_text, rtos_ticks
from test_cells import run_until

FAULT = "tests/layouts/run/arm64-gicv2-fault.c"


@pytest.fixture(scope="module")
def two_rtos():
    return arm64qemu.build("CONFIG_LAYOUT_A64_TWO_RTOS=y", name="arm64-gicv2-two-rtos", gic=2)


@pytest.fixture(scope="module")
def fault():
    return arm64qemu.build(f'CONFIG_LAYOUT_A64_CUSTOM=y\nCONFIG_LAYOUT_FILE="{FAULT}"',
                           name="arm64-gicv2-fault", gic=2)


@pytest.fixture(scope="module")
def demo():
    return arm64qemu.build(name="arm64-gicv2-linux-rtos", gic=2)


def test_refuses_a_gicv3_board(two_rtos):
    """One line saying why, then power off (QEMU exits); no cell starts."""
    with Qemu(arm64qemu.qemu_cmd(two_rtos, gic=3), timeout=60) as q:
        log = q.wait_exit(timeout=50)
    assert ("Ferrovisor: this image drives a GICv2, the device tree names a GICv3; "
            "refused (build it with CONFIG_ARM64_GICV3)\n") in log, log
    assert "starting on" not in log and "harts online" not in log, log


def test_rtos_cells_tick_smp_and_take_input(two_rtos):
    """Both cells tick on the virtual timer (PPI 27 forwarded through LR 0
    with the HW bit); rtos0's second vCPU too; bytes typed to rtos0 come
    back as rx lines (its emulated PL011's SPI through a list register)."""
    with Qemu(arm64qemu.qemu_cmd(two_rtos, gic=2), timeout=240) as q:
        q.expect(r"irqchip: GICv2, distributor at 0x8000000, CPU interface at 0x8010000")
        q.expect(r"cell rtos0: starting on harts 1 2, entry 0x40200000")
        text = q.wait_for(ticking(3), 170, "three status lines of every vCPU")
        q.send("Hi!\r")
        text = q.wait_for(lambda t: [l for _, l in whole(t, "rtos0") if RX.match(l)][-4:] ==
                          ["rtos: rx 'H'", "rtos: rx 'i'", "rtos: rx '!'", "rtos: rx 0x0d"],
                          120, "rtos0's four rx lines")
    for cell, harts in (("rtos0", "2/2"), ("rtos1", "1/1")):
        got = [l for _, l in whole(text, cell)]
        assert BANNER.fullmatch(got[0]), got
        assert got[1] == f"rtos: config tick_us 1000 status_every 200 harts {harts} rx irq", \
            got
    assert "rtos: hart 1 online" in [l for _, l in whole(text, "rtos0")]
    for cell, hart in RUNNING:
        check_progress(status(text, cell, hart))
    assert not any(RX.match(l) for _, l in whole(text, "rtos1")), text
    assert not re.search(r"^cell rtos\d: (stopped|restarting|vhart)", text, re.M), text


def test_load_from_gich_stops_that_cell_alone(fault):
    """The GICH page is the hypervisor's: a cell loading from it is
    stopped; the other cell goes on."""
    with Qemu(arm64qemu.qemu_cmd(fault, gic=2), timeout=120) as q:
        q.expect(r"cell bad: vhart 0: load outside the cell at 0x8030000, pc 0x[0-9a-f]+\r*\n")
        q.expect(r"cell bad: stopped by its fault policy\r*\n")
        after = q.pos()
        text = q.wait_for(lambda t: any(p > after for p, _ in alive(t, "good")), 90,
                          'a whole "alive" line of cell good after bad stopped')
    bad = [l for _, l in hello_lines(text, "bad")]
    assert bad[:3] == [HELLO.format("fault=0x08030000", "ns16550"),
                       "hello-arm64: psci version 1.0", "hello-arm64: loading from 0x8030000"], bad
    assert re.findall(r"^cell good: .*$", text, re.M) == [
        "cell good: starting on hart 2, entry 0x40000000, device tree at 0x40fff000"]


def per_cpu(interrupts, label):
    """The two CPUs' counts of the /proc/interrupts row ending in `label`."""
    m = re.search(r"(\d+)\s+(\d+)\s+" + label, interrupts)
    assert m, interrupts
    return int(m.group(1)), int(m.group(2))


def test_linux_boots_smp_with_its_interrupts_counted(demo):
    """Our Linux on the cell's "arm,cortex-a15-gic": both vCPUs up, the
    virtual timer ticking on each, IPIs between them; the RTOS ticks
    beside it."""
    with Qemu(arm64qemu.qemu_cmd(demo, smp=4, mem="1G", gic=2), timeout=400) as q:
        q.expect(r"cell linux: starting on harts 1 2, entry 0x40200000")
        nproc = wait_shell(q)
        # load both vCPUs so that each is sent rescheduling IPIs
        shell(q, "for i in 1 2 3 4 5 6 7 8; do (for j in 1 2 3 4 5; do :; done) & done; wait")
        ints = shell(q, "cat /proc/interrupts")
        after = q.pos()
        run_until(q, lambda t: len(rtos_ticks(t[after:])) >= 2, 120,
                  "two RTOS status lines while Linux runs")
        text = q.text()
    assert nproc == 2
    timer = per_cpu(ints, r"GIC-0\s+27 Level\s+arch_timer")
    assert min(timer) > 0, ints
    resched = per_cpu(ints, r"Rescheduling interrupts")
    calls = per_cpu(ints, r"Function call interrupts")
    assert sum(resched) + sum(calls) > 0, ints
    assert "smp: Brought up 1 node, 2 CPUs" in text
    assert not re.search(r"^cell (linux|rtos): (stopped|restarting)", text, re.M), text


@pytest.fixture(scope="module")
def debian():
    return arm64qemu.build(DEBIAN_CONFIG, name="arm64-gicv2-debian-linux", gic=2)


def test_debian_kernel_with_a_passthrough_spi(debian):
    """Debian's own arm64 kernel on the cell's GICv2: 2 CPUs, its PL011's
    SPI, IPIs, and an alarm of the PL031 passed through to it (its
    physical SPI routed with GICD_ITARGETSR, ended through the list
    register's maintenance); poweroff stops the cell."""
    with Qemu(arm64qemu.qemu_cmd(debian, gic=2), timeout=DEBIAN_TIMEOUT) as q:
        q.expect(r"cell linux: starting on harts 1 2, entry 0x40200000")
        nproc = wait_shell(q)
        ipis = shell(q, "grep -E '^ *IPI0:' /proc/interrupts")
        serial = shell(q, "grep pl011 /proc/interrupts")
        rtc = shell(q, "echo +2 > /sys/class/rtc/rtc0/wakealarm; "
                       "until [ $(awk '/pl031/ { print $2 + $3 }' /proc/interrupts) -gt 0 ]; "
                       "do sleep 1; done; grep pl031 /proc/interrupts")
        q.send("poweroff -f\n")
        text = q.wait_exit(timeout=120)
    assert nproc == 2
    m = re.match(r"IPI0:\s+(\d+)\s+(\d+)", ipis)
    assert m and int(m.group(1)) + int(m.group(2)) > 0, ipis
    assert re.search(r"GIC-0\s+33 Level\s+uart-pl011", serial), serial
    m = re.match(r"\d+:\s+(\d+)\s+(\d+)\s+GIC-0\s+34 Level\s+rtc-pl031", rtc)
    assert m and int(m.group(1)) + int(m.group(2)) >= 1, rtc
    assert "smp: Brought up 1 node, 2 CPUs" in linux_text(text)
    assert re.search(r"^cell linux: stopped \(shutdown by its guest\)$", text, re.M), text
