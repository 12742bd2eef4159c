# SPDX-License-Identifier: GPL-2.0-only
"""Linux on the AIA machine: the AIA board's demo, as `make run` boots it.

Our demo kernel (6.1) has no IMSIC or APLIC driver, so the layout
cells/qemu-riscv64-virt/linux-rtos-aia.c runs Debian's own riscv64
kernel (fetched by ci/fetch-debian-kernel.sh, as test_debian_kernel.py
does on the PLIC board) with our initramfs on harts 1-2, beside the RTOS
on hart 3; the image is built from configs/qemu-riscv64-virt-aia_defconfig
itself.  Linux finds its guest interrupt files and its virtual APLIC in
its device tree and drives them with its own drivers: its UART's
interrupt is a message the hypervisor stores into a guest file, its IPIs
are stores into the other vhart's file, with no SBI call.

Linux has the PLIC demo's VirtIO devices and doorbell too: Debian builds
virtio-mmio, virtio-blk and ext4 as modules, so the AIA demo's initramfs
carries them (ci/fetch-debian-kernel.sh picks them and what they need
from Debian's modules package; cells/qemu-riscv64-virt/linux-rtos-aia.mk)
and /init loads them.  The disk's and the virtio console's interrupts are
sources 1 and 2 of Linux's virtual APLIC.  Debian's kernel has no
uio_pdrv_genirq: Linux's end of the doorbell is fv-doorbell on /dev/mem,
polling; the RTOS takes the rings through its own virtual APLIC.

One boot serves every test of this file, in order.  Asserts on whole
lines and on counts that only grow, never on time.  The download is not
optional: without the mirror (and nothing in the cache) the tests fail,
they do not skip.
"""
import os
import re
import subprocess

import pytest

import fvqemu
from fvqemu import AIA_MACHINE, Qemu, qemu_cmd
from test_cells import cell_lines, hv_message, run_until, statuses
from test_demo import PROMPT, linux_text, shell, wait_shell
from test_demo_virtio import DISK_LINE, hvc_text
from test_monitor import Monitor

DEFCONFIG = "qemu-riscv64-virt-aia_defconfig"
O = os.path.join(fvqemu.BUILD, "t-aia-defconfig")
BOOT_TIMEOUT = 180   # ~15 s on an idle 2-core host; TCG on a loaded one is slow
RTC_LINE = "rtos: rtc: 10 of 10 alarms taken"
# /proc/interrupts, one line: "11: 24 0 APLIC-MSI-d000000.interrupt-controller 10 Level ..."
UART_ROW = re.compile(r"\d+: +(\d+) +(\d+) +(APLIC-MSI-\S+) +(\d+) +Level\b.* ttyS0\b")
IPI_ROW = re.compile(r"IPI(\d+): +(\d+) +(\d+) +([A-Za-z][^I]*)")
# "12: 0 5 APLIC-MSI-d000000.interrupt-controller 1 Level -fasteoi virtio0"
VIRTIO_ROW = re.compile(r"\d+: +(\d+) +(\d+) +(APLIC-MSI-\S+) +(\d+) +Level\b[^:]*? (virtio\d+)\b")
DOORBELL_NODE = "/sys/firmware/devicetree/base/soc/doorbell@10003000"
DOORBELL_LINE = re.compile(r'ferrovisor-linux: doorbell: rtos answered "pong 10" '
                           r'round trip \d+ us \(10 rounds, polled\)')
RTOS_DOORBELL = 'rtos: doorbell: answered "ping 1" with "pong 1"'
# the modules /init must have loaded (and the ones they need, whatever
# those are in the kernel of the day)
MODULES = {"virtio_mmio", "virtio_blk", "virtio_net", "ext4"}
# reads the whole disk past the page cache
DISK_READ = "echo 3 > /proc/sys/vm/drop_caches; dd if=/dev/vda of=/dev/null bs=4096 " \
            "2>/dev/null; head -n1 /mnt/hello.txt"


def fetch_and_build():
    """(ferrovisor.elf, the Debian kernel's release), or (None, why not)."""
    from conftest import build
    if not fvqemu.have_qemu():
        return None, "qemu-system-riscv64 or OpenSBI missing: run 'make deps'"
    image = os.path.join(O, "guests", "debian", "Image")
    r = subprocess.run([os.path.join(fvqemu.ROOT, "ci", "fetch-debian-kernel.sh"), image],
                       capture_output=True, text=True)
    if r.returncode or not r.stdout.strip():
        return None, ("could not fetch Debian's riscv64 kernel (linux-image-riscv64 from "
                      "sid or trixie): is the Debian mirror reachable?\n" +
                      "\n".join(r.stderr.splitlines()[-20:]))
    try:
        build(o=O, defconfig=DEFCONFIG)
    except subprocess.CalledProcessError as e:
        return None, f"building {DEFCONFIG} failed: {e}"
    return os.path.join(O, "ferrovisor.elf"), r.stdout.split()[-1]


@pytest.fixture(scope="module")
def booted():
    """QEMU running the AIA demo, Linux's shell up: (Qemu, release), or
    the reason it is not (every test then fails with it)."""
    elf, release = fetch_and_build()
    if elf is None:
        yield release
        return
    q = Qemu(qemu_cmd(elf, smp=4, mem="2G", machine=AIA_MACHINE), timeout=BOOT_TIMEOUT,
             logname="aia-linux")
    try:
        try:
            q.expect(r"cell linux: starting on harts 1 2")
            nproc = wait_shell(q, q.pos(), timeout=BOOT_TIMEOUT)
        except AssertionError as e:
            yield f"Debian {release} did not boot in its cell on the AIA machine: {e}"
            return
        yield q, release, nproc
    finally:
        q.close()


def up(booted):
    if isinstance(booted, str):
        pytest.fail(booted, pytrace=False)
    return booted


def uart_row(q):
    """The UART's row of Linux's /proc/interrupts: (per-CPU counts, chip, source)."""
    out = shell(q, "grep ttyS0 /proc/interrupts")
    m = UART_ROW.search(out)
    assert m, f"no ttyS0 row on the APLIC in /proc/interrupts: {out!r}"
    return (int(m[1]), int(m[2])), m[3], int(m[4])


def ipis(q):
    """{name: (CPU0, CPU1)} of the IPI rows of Linux's /proc/interrupts."""
    out = shell(q, "grep IPI /proc/interrupts")
    rows = {m[4].strip(): (int(m[2]), int(m[3])) for m in IPI_ROW.finditer(out)}
    assert "Rescheduling interrupts" in rows, out
    return rows


def cross_ipis(rows):
    """Per CPU, the IPIs the other CPU sent it (a CPU never sends itself a
    reschedule or a function call)."""
    r, f = rows["Rescheduling interrupts"], rows["Function call interrupts"]
    return (r[0] + f[0], r[1] + f[1])


# Starts processes that the scheduler spreads over both CPUs: each wake-up
# of the other (idle, in wfi) CPU is an IPI.
SPREAD = "i=0; while [ $i -lt 30 ]; do sh -c 'i=0; while [ $i -lt 50 ]; do i=$((i+1)); done' & " \
         "i=$((i+1)); done; wait; echo spread"


def linux_stats(q, cell="linux"):
    """The monitor's `stats <cell>`; the monitor is closed again after."""
    m = Monitor(q)
    m.open()
    s = m.stats(cell)
    m.line("exit", r"monitor closed: input goes to the cells again")
    return s


def test_linux_boots_with_aia_drivers(booted):
    q, release, nproc = up(booted)
    assert nproc == 2
    log = linux_text(q.text())
    assert re.search(r"Linux version " + re.escape(release) + r" \(debian-kernel@", log), \
        "no Debian 'Linux version' banner in the boot log"
    assert "riscv-intc: 64 local interrupts mapped using AIA" in log
    assert re.search(r"riscv-imsic: interrupt-controller@28000000: providing IPIs using "
                     r"interrupt \d+", log), "Linux's IMSIC driver did not take the IPIs"
    assert "riscv-aplic d000000.interrupt-controller: 127 interrupts forwarded to MSI base " \
           "0x0000000028000000" in log
    soc = shell(q, "ls /proc/device-tree/soc").split()
    assert "interrupt-controller@28000000" in soc and "interrupt-controller@d000000" in soc, soc
    assert not [n for n in soc if n.startswith("plic")], soc
    assert shell(q, "nproc") == "2"
    assert not re.search(r"^cell \S+: (vhart|stopped|restarting)", q.text(), re.M)


def virtio_rows(q):
    """{driver: (count, chip, source)} of the VirtIO devices' rows of
    Linux's /proc/interrupts, count summed over the CPUs."""
    names = shell(q, "for d in /sys/bus/virtio/devices/*; do "
                     "echo ${d##*/} $(basename $(readlink $d/driver)); done").split()
    driver = dict(zip(names[::2], names[1::2]))
    out = shell(q, "grep virtio /proc/interrupts")
    rows = {driver.get(m[5], m[5]): (int(m[1]) + int(m[2]), m[3], int(m[4]))
            for m in VIRTIO_ROW.finditer(out)}
    assert "virtio_blk" in rows and "virtio_console" in rows, (driver, out)
    return rows


def rtos_doorbell(text):
    return [l.text for l in cell_lines(text, "rtos", "rtos: ")
            if l.text.startswith("rtos: doorbell: ")]


def focus(q, key, port):
    start = len(q.text())
    q.send("\x1d" + key)
    run_until(q, lambda t: f"console input goes to {port}" in t[start:], 30,
              f"the focus on {port}")


def hvc_echo(q, word):
    """Type a command into hvc0's shell (port linux-hvc, the third); its
    answer comes back there, then the focus goes back to ttyS0's."""
    focus(q, "3", "linux-hvc")
    start = len(q.text())
    q.send(f"echo {word}-$((6 * 7))\n")
    run_until(q, lambda t: f"{word}-42" + PROMPT in hvc_text(t[start:]), 60,
              "the virtio console's shell answering")
    focus(q, "1", "linux")


def test_virtio_devices_and_doorbell_at_boot(booted):
    """/init loaded the modules, mounted the disk and read its file,
    opened hvc0, and rang the RTOS 10 times; the RTOS answered."""
    q, _, _ = up(booted)
    text = q.text()
    log = linux_text(text)
    assert "ferrovisor-linux: modules: " in log and "ferrovisor-linux: module " not in log
    assert MODULES <= set(shell(q, "cut -d' ' -f1 /proc/modules").split())
    assert DISK_LINE in log
    assert "ferrovisor-linux: hvc0 ready" in hvc_text(text)
    assert "ferrovisor-linux: console: hvc0" in log
    assert DOORBELL_LINE.search(log), log[log.find("doorbell:") - 30:][:300]
    assert RTOS_DOORBELL in rtos_doorbell(text)
    rows = virtio_rows(q)
    assert rows["virtio_blk"][1:] == ("APLIC-MSI-d000000.interrupt-controller", 1), rows
    assert rows["virtio_console"][1:] == ("APLIC-MSI-d000000.interrupt-controller", 2), rows


def test_virtio_interrupts_through_the_virtual_aplic(booted):
    """Reading the disk and typing into hvc0 raise their devices'
    interrupts, messages of Linux's virtual APLIC: their rows grow, and so
    does what the hypervisor injected."""
    q, _, _ = up(booted)
    before = virtio_rows(q)
    ext = linux_stats(q)["injected"][0]
    assert shell(q, DISK_READ) == "hello from the virtio-blk disk"
    hvc_echo(q, "via-hvc")
    after = virtio_rows(q)
    assert after["virtio_blk"][0] > before["virtio_blk"][0], (before, after)
    assert after["virtio_console"][0] > before["virtio_console"][0], (before, after)
    assert linux_stats(q)["injected"][0] > ext, "no message stored by the hypervisor"


def test_uart_interrupts_through_the_virtual_aplic(booted):
    """The emulated UART's interrupt is source 10 of the virtual APLIC
    (Linux's APLIC-MSI domain); each byte typed raises it again."""
    q, _, _ = up(booted)
    before, chip, src = uart_row(q)
    assert chip == "APLIC-MSI-d000000.interrupt-controller" and src == 10, (chip, src)
    ext = linux_stats(q)["injected"][0]
    assert shell(q, "echo typed-into-the-uart") == "typed-into-the-uart"
    after, _, _ = uart_row(q)
    assert sum(after) > sum(before), (before, after)
    assert linux_stats(q)["injected"][0] > ext, "no message stored by the hypervisor"


def test_ipis_through_guest_files(booted):
    """Linux's two vharts interrupt each other through their guest
    interrupt files: both CPUs' IPI rows grow, and not one of those IPIs
    is an SBI call or an interrupt the hypervisor injects."""
    q, _, _ = up(booted)
    s0 = linux_stats(q)
    before = cross_ipis(ipis(q))
    assert shell(q, SPREAD, timeout=120) == "spread"
    after = cross_ipis(ipis(q))
    s1 = linux_stats(q)
    assert after[0] > before[0] and after[1] > before[1], (before, after)
    assert s1["firmware calls"].get("ipi", 0) == s0["firmware calls"].get("ipi", 0) == 0, \
        (s0["firmware calls"], s1["firmware calls"])
    assert s1["injected"][2] == s0["injected"][2], "software interrupts injected"


def test_rtos_ticks_beside_linux(booted):
    q, _, _ = up(booted)
    pos = q.pos()
    text = run_until(q, lambda t: len([s for s in statuses(t, "rtos") if s.pos > pos]) >= 2,
                     60, "two RTOS status lines")
    st = statuses(text, "rtos")
    assert [s.tick for s in st] == sorted(s.tick for s in st) and st[0].tick < st[-1].tick
    assert RTC_LINE in [l.strip() for l in re.findall(r"^\[rtos\] (.*)$", text, re.M)], \
        "the RTOS's RTC alarms (its passthrough source) did not all arrive"
    assert not re.search(r"rtos: .*errors [1-9]", text)


def test_rtos_restart_leaves_linux_interrupts_working(booted):
    """The RTOS cell is restarted from the monitor (its virtual APLIC and
    its RTC source reset); it ticks and takes its RTC alarms again, and
    Linux's UART interrupt and IPIs keep arriving."""
    q, _, _ = up(booted)
    m = Monitor(q)
    m.open()
    before = len(q.text())
    m.line("restart rtos", r"restart rtos: asked \(its hart 3 does it\)")
    text = run_until(q, lambda t: hv_message(t[before:], "cell rtos: restarting"), 30,
                     "the RTOS cell to restart")
    at = before + hv_message(text[before:], "cell rtos: restarting")[0]
    m.line("exit", r"monitor closed: input goes to the cells again")
    text = run_until(q, lambda t: RTC_LINE in t[at:] and
                     len([s for s in statuses(t, "rtos") if s.pos > at]) >= 2,
                     90, "the RTOS's RTC alarms and two status lines after its restart")
    again = [s for s in statuses(text, "rtos") if s.pos > at]
    # its first line comes at tick 1000 of the new run, or a few ticks
    # later when its timer interrupt was late (1004 was seen under load)
    assert again[0].tick < 1500, f"the RTOS did not start from scratch: {again}"
    uart0, ipi0 = uart_row(q)[0], cross_ipis(ipis(q))
    assert shell(q, SPREAD, timeout=120) == "spread"
    uart1, ipi1 = uart_row(q)[0], cross_ipis(ipis(q))
    assert sum(uart1) > sum(uart0), (uart0, uart1)
    assert ipi1[0] > ipi0[0] and ipi1[1] > ipi0[1], (ipi0, ipi1)


def test_rtos_restart_mid_traffic_leaves_linux_virtio_working(booted):
    """Linux reads its disk in a loop while the RTOS cell restarts: the
    loop goes on through the restart, then the disk, hvc0 and their
    interrupts still work, and the doorbell reaches the new RTOS."""
    q, _, _ = up(booted)
    assert shell(q, "rm -f /tmp/stop /tmp/rounds /tmp/ended; (i=0; r=stopped; "
                    "while [ ! -e /tmp/stop ]; do echo 3 > /proc/sys/vm/drop_caches; "
                    "dd if=/dev/vda of=/dev/null bs=4096 2>/dev/null || { r=failed; break; }; "
                    "i=$((i+1)); echo $i > /tmp/r; mv /tmp/r /tmp/rounds; done; "
                    "echo $r > /tmp/ended) "
                    ">/dev/null 2>&1 & echo started") == "started"

    def rounds():
        return int(shell(q, "cat /tmp/rounds 2>/dev/null || echo 0"))

    run_until(q, lambda t: rounds() > 0, 60, "the disk loop")
    m = Monitor(q)
    m.open()
    before = len(q.text())
    m.line("restart rtos", r"restart rtos: asked \(its hart 3 does it\)")
    run_until(q, lambda t: hv_message(t[before:], "cell rtos: restarting"), 30,
              "the RTOS cell to restart")
    at = before + hv_message(q.text()[before:], "cell rtos: restarting")[0]
    m.line("exit", r"monitor closed: input goes to the cells again")
    at_restart = rounds()
    blk0 = virtio_rows(q)["virtio_blk"][0]
    run_until(q, lambda t: rounds() > at_restart + 2, 120, "the disk loop going on")
    assert virtio_rows(q)["virtio_blk"][0] > blk0
    assert shell(q, "touch /tmp/stop; while [ ! -e /tmp/ended ]; do sleep 1; done; "
                    "cat /tmp/ended", timeout=120) == "stopped"
    rows0 = virtio_rows(q)
    assert shell(q, DISK_READ) == "hello from the virtio-blk disk"
    hvc_echo(q, "after-restart")
    rows1 = virtio_rows(q)
    assert rows1["virtio_blk"][0] > rows0["virtio_blk"][0], (rows0, rows1)
    assert rows1["virtio_console"][0] > rows0["virtio_console"][0], (rows0, rows1)
    # the new RTOS answers the doorbell (once its doorbell task runs)
    run_until(q, lambda t: len([s for s in statuses(t, "rtos") if s.pos > at]) >= 1, 90,
              "the restarted RTOS's first status line")
    # each of the 10 rings is a message of the RTOS's virtual APLIC (it
    # takes no other injected interrupt: nothing is typed to it, its RTC
    # is passed through)
    ext = linux_stats(q, "rtos")["injected"][0]
    out = shell(q, f"fv-doorbell {DOORBELL_NODE}", timeout=120)
    assert DOORBELL_LINE.search(out), out
    assert RTOS_DOORBELL in rtos_doorbell(q.text()[at:])
    assert linux_stats(q, "rtos")["injected"][0] >= ext + 10, "rings not injected to the RTOS"


def test_nothing_refused_or_stopped(booted):
    """Neither guest wrote a target the hypervisor had to refuse, and no
    cell stopped on a fault."""
    q, _, _ = up(booted)
    assert not re.search(r"virtual APLIC: .*write ignored", q.text())
    assert not re.search(r"^cell \S+: (vhart|stopped)", q.text(), re.M), q.text()[-3000:]
