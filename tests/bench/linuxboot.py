# SPDX-License-Identifier: GPL-2.0-only
"""Linux boot time, natively and in a cell, in instructions under -icount,
on either board (RISCV, ARM64: a Board each).

Each point is the first time any hart executes a given address, read by
stopping QEMU there (gdbstop.first_hit, one QEMU run per point):

    entry   the board's load address (0x80200000, 0x40200000): natively
            the kernel's first instruction (the firmware's or QEMU's
            hand-over); with the hypervisor, its own entry
    kernel  a function of the kernel's early boot at its physical
            address (above the hypervisor's code, so only Linux runs
            it): RISC-V setup_vm, its first C function; ARM64
            primary_entry, where the Image header's branch goes; the
            kernel's first instruction in the cell is this minus the
            (identical, trap-free) path natively measured from entry
    ready   n_tty_write: the first write to a tty, the init's
            "ferrovisor-linux: ready" line (nothing writes a tty before)
    prompt  n_tty_poll: the first poll of a tty, the interactive shell
            waiting for input after printing its prompt

The native machine is the cell's: one hart, 256 MiB, the same kernel,
initramfs and bootargs.  Counts are instructions of all harts (RISC-V:
the cycle counter minus the time skipped while every hart sleeps, which
QEMU cannot report at a stop; ARM64: QEMU's instruction count).
"""
import collections
import concurrent.futures
import filecmp
import glob
import os
import re

import benchlib
import gdbstop

READY = {"ready": "n_tty_write", "prompt": "n_tty_poll"}


class Board(collections.namedtuple("Board", "gdb kbuild base load kernel native cell")):
    """What differs between the boards: gdb's architecture name, the kernel
    build's arch directory, the symbol at the Image's first byte, the load
    address, the early-boot symbol of the "kernel" point, and functions
    returning the native and the in-cell QEMU commands:
    native(image, initrd, layout_file) and cell(hypervisor image)."""


def system_map(image, kbuild="riscv"):
    """System.map of the kernel build that made `image` (ci/build-linux.sh
    keeps its builds in FV_CACHE/linux-build/<hash>)."""
    cache = os.environ.get("FV_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "ferrovisor")
    for built in glob.glob(os.path.join(cache, "linux-build", "*", f"arch/{kbuild}/boot/Image")):
        smap = os.path.join(os.path.dirname(built), "../../../System.map")
        if os.path.exists(smap) and filecmp.cmp(built, image, shallow=False):
            return os.path.normpath(smap)
    raise FileNotFoundError(f"no kernel build in {cache}/linux-build made {image}")


def addresses(image, board):
    syms = {}
    with open(system_map(image, board.kbuild)) as f:
        for line in f:
            addr, _, name = line.split()[:3]
            syms[name] = int(addr, 16)
    out = {"entry": board.load, "kernel": syms[board.kernel]}
    for point, sym in READY.items():
        out[point] = syms[sym]
    # the early point runs before the MMU is on: at its physical address
    out["kernel"] = board.load + out["kernel"] - syms[board.base]
    return out


def bootargs(layout_file):
    with open(os.path.join(benchlib.ROOT, layout_file)) as f:
        m = re.search(r'\.bootargs\s*=\s*"([^"]*)"', f.read())
    return m.group(1) if m else ""


def riscv_native_cmd(image, initrd, layout_file):
    return benchlib.fvqemu.qemu_cmd(image, smp=1, mem="256M", cpu=benchlib.CPU_SSTC,
                                    append=bootargs(layout_file), initrd=initrd, icount=True)


RISCV = Board(gdb="riscv", kbuild="riscv", base="_start", load=0x80200000, kernel="setup_vm",
              native=riscv_native_cmd, cell=benchlib.guest_cmd)


def measure(image, initrd, hv_elf, hv_text_end, board=RISCV, layout=benchlib.LINUX_LAYOUT):
    """{"native": {point: count}, "cell": {...}, "cmds": (native, cell)}.
    `layout`: the cell's layout file, whose bootargs the native run gets."""
    addr = addresses(image, board)
    if addr["kernel"] < hv_text_end:
        raise RuntimeError(f"{board.kernel} lies inside the hypervisor's code: "
                           "pick another point")
    cmds = {"native": board.native(image, initrd, layout), "cell": board.cell(hv_elf)}
    jobs = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for side, cmd in cmds.items():
            for point, a in addr.items():
                jobs[(side, point)] = pool.submit(gdbstop.first_hit, cmd, a, arch=board.gdb)
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
