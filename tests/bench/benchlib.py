# SPDX-License-Identifier: GPL-2.0-only
"""What tests/bench/run.py and the smoke test share: the bench guest's
figures, how to run it natively and in its cell, and parsing its lines.

The guest prints one line per figure:

    bench: <name> cycles_mean=<m> cycles_min=<a> cycles_max=<b> n=<n> [k=v ...]

and ends with "bench: done" (or "bench: error ..." and a shutdown).
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
import fvqemu  # noqa: E402
from fvqemu import AIA_CONFIG, AIA_MACHINE  # noqa: E402,F401

BENCH_LAYOUT = "tests/bench/layouts/bench.c"
LINUX_LAYOUT = "tests/bench/layouts/bench-linux.c"
NONE_LAYOUT = "cells/qemu-riscv64-virt/none.c"
# The I/O figures: the bench guest with bench=io, a virtio-blk disk and a
# doorbell to a second bench guest (bench=echo) that rings back.
IO_LAYOUT = "tests/bench/layouts/bench-io.c"
# Linux reading its virtio-blk disk, and two Linux cells' nc transfer.
LINUX_DD_LAYOUT = "tests/bench/layouts/bench-linux-dd.c"
LINUX_NET_LAYOUT = "tests/bench/layouts/bench-linux-linux.c"
# The AIA figures (bench=aia): the bench cell with guest interrupt files
# and a virtual APLIC, in an image for the AIA machine (AIA_CONFIG).
AIA_LAYOUT = "tests/bench/layouts/bench-aia.c"
# The doorbell figures on the AIA machine (bench=doorbell and bench=echo):
# both cells with guest files and a virtual APLIC, an AIA_CONFIG image.
IO_AIA_LAYOUT = "tests/bench/layouts/bench-io-aia.c"
# The interference figure: the RTOS cell alone, and beside a noisy cell.
ALONE_LAYOUT = "tests/bench/layouts/interference-alone.c"
NOISY_LAYOUT = "tests/bench/layouts/interference.c"
RTOS_TICKS = 2000       # its stop_after x status_every
TOTALS = re.compile(r"cell rtos: totals: traps (\d+) \(interrupts (\d+)\), "
                    r"shared-lock waits (\d+)\r*\n")

# The machine of both runs: the hypervisor's board (qemu-riscv64-virt
# defconfig), the bench guest natively on harts 0/1 of the same machine.
SMP, MEM = 4, "1G"
CPU_SSTC, CPU_NO_SSTC = "rv64", "rv64,sstc=false"

# Figures every complete run prints (timer_*_sstc only with Sstc).
FIGURES = ["sbi_call", "mmio_emul", "mmio_vplic", "mmio_pass", "timer_cost_sbi", "timer_lat_sbi",
           "ipi_rtt", "ipi_oneway", "ext_irq_lat", "ext_irq_handle"]
SSTC_FIGURES = ["timer_cost_sstc", "timer_lat_sstc"]
# Figures of a bench=io run (the doorbell ones only in the cell), counted
# in instructions (rdinstret): "cycles_" in their lines is the format's.
BLK_FIGURES = ["blk_read_4k", "blk_seq_64k", "blk_seq_4k"]
DOORBELL_FIGURES = ["doorbell_rtt", "doorbell_rtt_sbi", "doorbell_oneway",
                    "doorbell_oneway_sbi"]
# Figures of a bench=aia run, natively and in the bench-aia cell.
AIA_FIGURES = ["aia_ext_lat", "aia_ext_handle", "aia_ipi_oneway", "aia_ipi_rtt"]

LINE = re.compile(r"bench: (\w+) cycles_mean=(\d+)\.(\d) cycles_min=(\d+) "
                  r"cycles_max=(\d+) n=(\d+)(.*)$", re.M)
ENTRY = re.compile(r"bench: entry cycle=(\d+)")
CLOCK = re.compile(r"bench: clock cycles_per_tick=(\d+) aligned=(\w+)")


def guest_cmd(kernel, cpu=CPU_SSTC):
    """QEMU under -icount for an image (the bare guest or the hypervisor)."""
    return fvqemu.qemu_cmd(kernel, smp=SMP, mem=MEM, cpu=cpu, icount=True)


def aia_cmd(kernel, native):
    """The AIA machine (QEMU virt, aia=aplic-imsic, 7 guest files a hart)
    under -icount: natively the bare guest with bench=aia, else the
    bench-aia image (whose cell has that bootarg)."""
    return fvqemu.qemu_cmd(kernel, smp=SMP, mem=MEM, cpu=CPU_SSTC, machine=AIA_MACHINE,
                           append="bench=aia" if native else None, icount=True)


def io_native_cmd(guest, disk):
    """The bench guest natively with bench=io and QEMU's virtio-blk-device
    (modern virtio-mmio) on the raw image `disk`.  Under -icount
    shift=0,sleep=on, not sleep=off: QEMU 10 completes a virtio-blk request
    on a host thread, and with sleep=off a hart that waits for it in wfi
    with no timer armed is never woken (the run hangs; seen every time).
    With sleep=on the wait is host time, which rdcycle counts and
    rdinstret does not: the I/O figures are rdinstret."""
    cmd = fvqemu.qemu_cmd(guest, smp=SMP, mem=MEM, cpu=CPU_SSTC, append="bench=io",
                          icount=True,
                          extra=["-global", "virtio-mmio.force-legacy=false",
                                 "-drive", f"if=none,id=vd0,format=raw,readonly=on,file={disk}",
                                 "-device", "virtio-blk-device,drive=vd0"])
    return [("shift=0,sleep=on" if a == "shift=0,sleep=off" else a) for a in cmd]


def run(cmd, timeout=120):
    """Run QEMU to its end (the guest shuts down); the console text."""
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=timeout)
    return p.stdout.decode("utf-8", "replace").replace("\r", "")


def parse(text):
    """{figure: {"mean", "min", "max", "n", "extra"}}, plus "entry" (the
    guest's first cycle) and "clock" (cycles per tick, aligned) if printed."""
    out = {}
    for m in LINE.finditer(text):
        out[m.group(1)] = {
            "mean": int(m.group(2)) + int(m.group(3)) / 10,
            "min": int(m.group(4)), "max": int(m.group(5)), "n": int(m.group(6)),
            "extra": m.group(7).strip(),
        }
    m = ENTRY.search(text)
    if m:
        out["entry"] = int(m.group(1))
    m = CLOCK.search(text)
    if m:
        out["clock"] = (int(m.group(1)), m.group(2) == "yes")
    return out


def text_end(elf, cross):
    """End of the image's .text (no guest runs its code from there on);
    `cross`: the toolchain prefix of the image's architecture."""
    out = subprocess.run([cross + "objdump", "-h", elf], capture_output=True, text=True,
                         check=True).stdout
    m = re.search(r"\.text\s+([0-9a-f]+)\s+([0-9a-f]+)", out)
    return int(m.group(2), 16) + int(m.group(1), 16)


def millions(v):
    """A boot row's count as make bench prints it: "12.34 M", 0 as "0"."""
    if v is None:
        return "n/a"
    return f"{v / 1e6:.2f} M" if v else "0"


def errors(text):
    """The guest's own error lines."""
    return re.findall(r"bench: error .*", text)


def interference(elf, timeout=600):
    """Boot an interference layout; when the RTOS cell stops, return its
    totals (traps, interrupts, shared-lock waits) and how often the noisy
    neighbour restarted meanwhile (which goes on: the run is cut there).
    The timeout only bounds a hang: beside the noisy neighbour the run
    took up to 160 s of host time on a loaded 2-core machine."""
    with fvqemu.Qemu(guest_cmd(elf), timeout=timeout) as q:
        m = q.expect(TOTALS)
        return tuple(map(int, m.groups())), q.text().count("cell noisy: restarting")
