# SPDX-License-Identifier: GPL-2.0-only
"""Linux boot time, natively and in a cell, in instructions under -icount.

Each point is the first time any hart executes a given address, read by
stopping QEMU there (gdbstop.first_hit, one QEMU run per point):

    entry   0x80200000: natively the kernel's first instruction (the
            firmware's hand-over); with the hypervisor, its own entry
    kernel  setup_vm, the kernel's first C function, at its physical
            address (above the hypervisor's code, so only Linux runs it);
            the kernel's first instruction in the cell is this minus the
            (identical, trap-free) path natively measured from entry
    ready   n_tty_write: the first write to a tty, the init's
            "ferrovisor-linux: ready" line (nothing writes a tty before)
    prompt  n_tty_poll: the first poll of a tty, the interactive shell
            waiting for input after printing its prompt

The native machine is the cell's: one hart, 256 MiB, the same kernel,
initramfs and bootargs.  Counts are instructions of all harts (the cycle
counter minus the time skipped while every hart sleeps, which QEMU cannot
report at a stop).
"""
import concurrent.futures
import filecmp
import glob
import os
import re

import benchlib
import gdbstop

KERNEL_BASE = 0xffffffff80000000       # link address of _start (6.1, rv64)
LOAD = 0x80200000                      # where firmware and hypervisor load it
SYMBOLS = {"kernel": "setup_vm", "ready": "n_tty_write", "prompt": "n_tty_poll"}


def system_map(image):
    """System.map of the kernel build that made `image` (ci/build-linux.sh
    keeps its builds in FV_CACHE/linux-build/<hash>)."""
    cache = os.environ.get("FV_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "ferrovisor")
    for built in glob.glob(os.path.join(cache, "linux-build", "*", "arch/riscv/boot/Image")):
        smap = os.path.join(os.path.dirname(built), "../../../System.map")
        if os.path.exists(smap) and filecmp.cmp(built, image, shallow=False):
            return os.path.normpath(smap)
    raise FileNotFoundError(f"no kernel build in {cache}/linux-build made {image}")


def addresses(image):
    syms = {}
    with open(system_map(image)) as f:
        for line in f:
            addr, _, name = line.split()[:3]
            syms[name] = int(addr, 16)
    out = {"entry": LOAD}
    for point, sym in SYMBOLS.items():
        out[point] = syms[sym]
    out["kernel"] = LOAD + out["kernel"] - KERNEL_BASE     # runs before the MMU is on
    return out


def bootargs(layout_file):
    with open(os.path.join(benchlib.ROOT, layout_file)) as f:
        m = re.search(r'\.bootargs\s*=\s*"([^"]*)"', f.read())
    return m.group(1) if m else ""


def native_cmd(image, initrd):
    return benchlib.fvqemu.qemu_cmd(image, smp=1, mem="256M", cpu=benchlib.CPU_SSTC,
                                    append=bootargs(benchlib.LINUX_LAYOUT),
                                    initrd=initrd, icount=True)


def measure(image, initrd, hv_elf, hv_text_end):
    """{"native": {point: count}, "cell": {...}, "cmds": (native, cell)}."""
    addr = addresses(image)
    if addr["kernel"] < hv_text_end:
        raise RuntimeError("setup_vm lies inside the hypervisor's code: pick another point")
    cmds = {"native": native_cmd(image, initrd), "cell": benchlib.guest_cmd(hv_elf)}
    jobs = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for side, cmd in cmds.items():
            for point, a in addr.items():
                jobs[(side, point)] = pool.submit(gdbstop.first_hit, cmd, a)
        res = {side: {p: jobs[(side, p)].result() for p in addr} for side in cmds}
    res["cmds"] = (cmds["native"], cmds["cell"])
    return res


def figures(res):
    """Rows (name, native, cell) in instructions; None where not measured."""
    n, c = res["native"], res["cell"]
    if None in n.values() or None in c.values():
        return None
    # the kernel's first instruction in the cell: same path to setup_vm as natively
    first = c["kernel"] - (n["kernel"] - n["entry"])
    return [
        ("linux_start", 0, first - c["entry"]),
        ("linux_ready", n["ready"] - n["entry"], c["ready"] - c["entry"]),
        ("linux_prompt", n["prompt"] - n["entry"], c["prompt"] - c["entry"]),
        ("linux_own_prompt", n["prompt"] - n["entry"], c["prompt"] - first),
    ]
