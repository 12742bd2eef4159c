# SPDX-License-Identifier: GPL-2.0-only
"""ARM64: interrupts through the virtual GIC, with the test guest's irq
and spy modes (cells/guests/hello-arm64/modes.c) in the layout hello-irq:
cell irq0 (two vCPUs) pends five SGIs of different priorities to
itself at once, more than the free list registers, and takes them by
priority under its priority mask and then without; it sends an SGI from
vCPU 0 to vCPU 1, then, its IRQs masked, one to itself and has vCPU 1
send it one: on the GICv2 it takes both and each receiver prints the
sender its IAR names (GICH_LR's CPUID: an SGI is pending per source
there; the hypervisor's lost it until this came), on the GICv3 (no
source, one pending state) it takes one; it takes the
alarm of the PL031 RTC passed through to it (its physical SPI injected
with the HW bit), and echoes typed characters from its emulated PL011's
receive interrupt; cell spy pokes the RTC's SPI in its own distributor
and reads nothing back, while irq0 goes on.  Whole lines only (lines()
joins the focused cell's pieces), no timing.  Each test runs on both
images: the GICv3 one (the guest's modes through its gicv3.c) and the
GICv2 one (arch/arm64/irqc/gicv2; the same modes through the guest's
gicv2.c, printing the same lines: the second SGI goes to vCPUs 1 and 7,
GICD_SGIR having 8 target bits)."""
import pytest

import arm64qemu
from fvqemu import Qemu
from test_arm64_cells import HELLO, lines

TYPE_AWAY = "hello-arm64: echo: type away"
SPY = "hello-arm64: spy: spi 34 group 0 prio 0 route 0x0 enabled 0 pending 0"


@pytest.fixture(scope="module", params=[3, 2], ids=["gicv3", "gicv2"])
def gic(request):
    return request.param


@pytest.fixture(scope="module")
def image(gic):
    suffix = "" if gic == 3 else "-gicv2"
    return arm64qemu.build("CONFIG_LAYOUT_A64_HELLO_IRQ=y", name="arm64-hello-irq" + suffix,
                           gic=gic)


def has(text, cell, line):
    return any(l == line for _, l in lines(text, cell))


def test_sgi_passthrough_spi_and_typed_input_by_interrupt(image, gic):
    with Qemu(arm64qemu.qemu_cmd(image, gic=gic), timeout=120) as q:
        q.expect(r"cell irq0: starting on harts 1 2, entry 0x40000000")
        q.wait_for(lambda t: has(t, "irq0", TYPE_AWAY) and has(t, "spy", TYPE_AWAY), 90,
                   "both cells ready for input")
        start = len(q.text())
        q.send("ok\r")                               # to irq0, which has the focus
        text = q.wait_for(lambda t: has(t[start:], "irq0", "hello-arm64: rx 0xd by interrupt"),
                          60, "the echo of the typed line")
    irq0 = [l for _, l in lines(text, "irq0")]
    frm = " from cpu 0" if gic == 2 else ""
    assert irq0 == [HELLO.format("irq", "pl011"), "hello-arm64: psci version 1.0",
                    "hello-arm64: irq: distributor has 64 interrupt lines",
                    # five SGIs pending at once, three list registers:
                    # by priority, under the guest's mask first
                    "hello-arm64: prio: mask 0x78 took 6 5 4",
                    "hello-arm64: prio: unmasked took 3 2",
                    "hello-arm64: cpu 1: sgi 1 received" + frm,  # to vCPU 1
                    "hello-arm64: cpu 1: sgi 1 received" + frm,  # to 1 and 9 (v2: 7): 1 only
                    "hello-arm64: sgi: cpu 1 took 2",
                    # vCPU 0, masked, to itself, and (asked) vCPU 1 to vCPU 0
                    "hello-arm64: cpu 1: sgi 1 received" + frm] + ([
                    "hello-arm64: cpu 0: sgi 1 received from cpu 0",
                    "hello-arm64: cpu 0: sgi 1 received from cpu 1",
                    "hello-arm64: sgi: cpu 0 took 2, sources 0x3"] if gic == 2 else [
                    "hello-arm64: cpu 0: sgi 1 received",
                    "hello-arm64: sgi: cpu 0 took 1, sources 0x0"]) + [
                    "hello-arm64: rtc: alarm in a second, intid 34",
                    "hello-arm64: rtc alarm: intid 34, mis 1",
                    TYPE_AWAY,
                    "hello-arm64: rx 'o' by interrupt",
                    "hello-arm64: rx 'k' by interrupt",
                    "hello-arm64: rx 0xd by interrupt"], irq0
    spy = [l for _, l in lines(text, "spy")]
    assert spy == [HELLO.format("spy=34", "pl011"), "hello-arm64: psci version 1.0",
                   SPY, TYPE_AWAY], spy
    # the spy poked INTID 34 before irq0 took its alarm and its input
    spied = next(p for p, l in lines(text, "spy") if l == SPY)
    assert all(p > spied for p, l in lines(text, "irq0") if "by interrupt" in l)
    assert "cell irq0: stopped" not in text and "cell spy: stopped" not in text
