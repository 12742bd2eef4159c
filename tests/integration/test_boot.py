# SPDX-License-Identifier: GPL-2.0-only
"""Boot the hypervisor on QEMU virt + OpenSBI and check what it reports."""
import re

import pytest

from fvqemu import Qemu, qemu_cmd

BANNER = r"Ferrovisor \d+\.\d+\.\d+ \(riscv, qemu-riscv64-virt\)"


def boot_log(elf, until, **kw):
    """The console up to the end of the line `until` is on.  Every line the
    tests look for is printed whole before that line starts (the
    hypervisor's console is synchronous), or is that line itself."""
    with Qemu(qemu_cmd(elf, **kw), timeout=60) as q:
        q.expect(rf"(?:{until})[^\n]*\n")
        return q.text()


@pytest.mark.parametrize("smp", [1, 4, 8])
def test_every_hart_online(hv_elf, smp):
    log = boot_log(hv_elf, rf"{smp} of {smp} harts online", smp=smp, mem="1G")
    assert re.search(BANNER, log)
    assert re.search(rf"harts: {smp}, timebase 10000000 Hz", log)
    online = sorted(int(h) for h in re.findall(r"hart (\d+) online \(cpu \d+", log))
    assert online == list(range(smp))
    # the boot hart is cpu 0 and every cpu index is used once
    cpus = sorted(int(c) for c in re.findall(r"online \(cpu (\d+)", log))
    assert cpus == list(range(smp))


@pytest.mark.parametrize("mem,mib,last", [("512M", 512, "0x9fffffff"),
                                          ("2G", 2048, "0xffffffff")])
def test_ram_size_reported(hv_elf, mem, mib, last):
    log = boot_log(hv_elf, r"harts online", smp=2, mem=mem)
    assert re.search(rf"RAM: {mib} MiB \[0x80000000-{last}\]", log), log


def test_platform_summary(hv_elf):
    log = boot_log(hv_elf, r"harts online", smp=2, mem="1G")
    assert "console: /soc/serial@10000000 (ns16550 at 0x10000000)" in log
    assert re.search(r"ISA extensions on every hart: h sstc", log)
    assert re.search(r"irqchip: PLIC at 0xc000000, \d+ sources", log)
    assert re.search(r"memory: hypervisor 0x80200000-0x[0-9a-f]+, image \d+ KiB", log)


def test_aia_platform(hv_elf):
    log = boot_log(hv_elf, r"harts online", smp=2, mem="1G",
                   extra=["-M", "virt,aia=aplic-imsic"])
    assert "irqchip: APLIC (S) at 0xd000000" in log
    assert "irqchip: IMSIC (S) at 0x28000000" in log
    assert re.search(r"ISA extensions on every hart: .*ssaia", log)


def test_refuses_without_h_extension(hv_elf):
    with Qemu(qemu_cmd(hv_elf, cpu="rv64,h=false", smp=2), timeout=60) as q:
        q.expect(BANNER)
        m = q.expect(r"Ferrovisor: hart (\d+) has no H \(hypervisor\) extension "
                     r"\(riscv,isa (rv64[a-z]+)\.\.\.\); Ferrovisor needs it on every hart")
        assert "h" not in m.group(2)[4:]
        log = q.wait_exit(timeout=30)      # it powers the machine off
    assert "harts online" not in log


@pytest.mark.parametrize("smp,mem,errors", [
    (2, "1G", [r'cell "linux": harts\[1\]: hart 2 is not on the board \(its harts: 0-1\)',
               r'cell "rtos": harts\[0\]: hart 3 is not on the board \(its harts: 0-1\)']),
    (4, "256M", [r'cell "linux": mem\[0\] hpa 0x90000000-0x9fffffff is outside the '
                 r"board's RAM \(0x80000000-0x8fffffff\)"]),
])
def test_boot_refuses_a_machine_the_layout_does_not_fit(hv_elf, smp, mem, errors):
    """The default layout (linux-rtos) checked again at boot against the
    firmware's device tree: each conflict named, no cell started."""
    with Qemu(qemu_cmd(hv_elf, smp=smp, mem=mem), timeout=60) as q:
        q.expect(rf"{smp} of {smp} harts online")
        for e in errors:
            q.expect(r"layout: " + e)
        q.expect(rf"layout: {len(errors)} errors? against this machine")
        q.expect(r"Ferrovisor: the layout cannot run on this machine; powering off\.")
        log = q.wait_exit(timeout=30)
    assert "starting on hart" not in log
    assert len(re.findall(r"^layout: cell ", log, re.M)) == len(errors)


def test_console_uart_off_uses_the_firmware_console():
    """CONFIG_CONSOLE_UART=n: everything goes through SBI DBCN, and says so."""
    from conftest import build_layout
    elf = build_layout("cells/qemu-riscv64-virt/none.c",
                       config="# CONFIG_CONSOLE_UART is not set\n")
    log = boot_log(elf, r"2 of 2 harts online", smp=2, mem="1G")
    assert re.search(BANNER, log)
    assert "console: firmware (CONFIG_CONSOLE_UART=n; /soc/serial@10000000 unused)" in log
    assert "boot complete: no cells configured, harts idle\n" in \
        boot_log(elf, r"boot complete", smp=2)
