# SPDX-License-Identifier: GPL-2.0-only
"""Boot the hypervisor on QEMU's aarch64 virt (direct kernel boot at EL2)
and check what it reports; entered at EL1 it must refuse in one line."""
import re

import pytest

import arm64qemu
from fvqemu import Qemu

BANNER = r"Ferrovisor \d+\.\d+\.\d+ \(arm64, qemu-aarch64-virt\)"


@pytest.fixture(scope="module")
def image():
    return arm64qemu.build("CONFIG_LAYOUT_A64_NONE=y", name="arm64-none")


def boot_log(image, until, **kw):
    """The console up to the end of the line `until` is on (the
    hypervisor's console is synchronous: every earlier line is whole)."""
    with Qemu(arm64qemu.qemu_cmd(image, **kw), timeout=60) as q:
        q.expect(rf"(?:{until})[^\n]*\n")
        return q.text()


@pytest.mark.parametrize("smp", [1, 4, 8])
def test_every_cpu_online(image, smp):
    log = boot_log(image, r"boot complete: no cells configured, harts idle", smp=smp)
    assert re.search(BANNER, log)
    # the boot CPU's EL2 stage-1 map (arch/arm64/mmu.c) is on before the
    # probe; the others load it in entry.S before they touch their stacks
    assert re.search(r"Ferrovisor: EL2 MMU on, caches on \(39-bit identity map, "
                     r"\d+ table pages\)\n", log)
    assert re.search(rf"harts: {smp}, timebase [1-9]\d* Hz\n", log)
    assert f"{smp} of {smp} harts online\n" in log
    # MPIDR Aff0 is the cpu number on QEMU virt; the boot CPU is cpu 0
    online = sorted(int(h) for h in re.findall(r"hart (\d+) online \(cpu \d+", log))
    assert online == list(range(smp))
    assert "hart 0 online (cpu 0, boot)\n" in log
    cpus = sorted(int(c) for c in re.findall(r"online \(cpu (\d+)", log))
    assert cpus == list(range(smp))


def test_platform_probe(image):
    log = boot_log(image, r"harts online", smp=2, mem="512M")
    assert "platform: linux,dummy-virt\n" in log
    assert "RAM: 512 MiB [0x40000000-0x5fffffff]\n" in log
    assert "console: /pl011@9000000 (pl011 at 0x9000000)\n" in log
    assert "irqchip: GICv3, distributor at 0x8000000, redistributors at 0x80a0000\n" in log
    assert "psci: arm,psci-1.0, conduit smc\n" in log
    assert re.search(r"memory: hypervisor 0x40200000-0x421fffff, image \d+ KiB", log)


def test_refuses_a_gicv2_board(image):
    """The GICv3 image on a GICv2 board: the probe names the GICv2, the
    platform check refuses it in one line, then powers off (QEMU exits);
    test_arm64_gicv2.py has the other way round."""
    with Qemu(arm64qemu.qemu_cmd(image, smp=2, gic=2), timeout=60) as q:
        log = q.wait_exit(timeout=50)
    assert "irqchip: GICv2, distributor at 0x8000000, CPU interface at 0x8010000\n" in log
    assert ("Ferrovisor: this image drives a GICv3, the device tree names a GICv2; "
            "refused (build it with CONFIG_ARM64_GICV2)\n") in log
    assert "harts online" not in log


def test_refuses_below_el2(image):
    """virtualization=off: QEMU enters at EL1.  One line, then power off
    (QEMU exits): nothing else is printed."""
    with Qemu(arm64qemu.qemu_cmd(image, smp=2, virt=False), timeout=60) as q:
        log = q.wait_exit(timeout=30)
    lines = [l for l in log.splitlines() if l.strip()]
    assert lines == ["Ferrovisor: entered at EL1, not EL2: it needs the virtualization "
                     "extensions (QEMU: -M virt,virtualization=on); powering off."], log
