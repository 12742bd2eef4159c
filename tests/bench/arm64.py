#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""make bench's ARM64 section: the ARM64 bench guest (tests/bench/guest,
GUEST_ARCH=arm64)
natively at EL1 on qemu-system-aarch64 and unchanged in a Ferrovisor cell
(tests/bench/layouts/arm64-bench.c) on the same QEMU machine, and the
ARM64 demo's Linux booted natively and in a cell
(tests/bench/layouts/arm64-bench-linux.c; linuxboot.py's points), under
-icount shift=0,sleep=off, as figure | native | in cell | ratio, and the
issue's ARM64 goals met or not; then the same bench guest rows again on
the GICv2 board (`-M virt,gic-version=2`: the guest built with
BENCH_GIC=2, natively and in the same layout's cell of the GICv2 image,
configs/qemu-aarch64-virt-gicv2_defconfig) as a second table.  Kept apart from run.py (the RISC-V
board's) so that each board's bench changes alone; run.py calls
section() once.  Alone:

    O=build tests/bench/arm64.py [--check] [--gicv2-only] [--no-linux]

(--gicv2-only: the GICv2 table alone, to $O/bench-arm64-gicv2.md;
--no-linux: the bench guest's rows only, without the Linux boots.)
"""
import argparse
import concurrent.futures
import os
import re
import shlex
import sys

import benchlib
import linuxboot
from benchlib import fvqemu

sys.path.insert(0, os.path.join(benchlib.ROOT, "tests", "integration"))
import arm64qemu  # noqa: E402

LAYOUT = "tests/bench/layouts/arm64-bench.c"
# The PL031 on the virtual clock, so its alarm is a count of instructions.
ICOUNT = ["-icount", "shift=0,sleep=off", "-rtc", "base=2024-01-01T00:00:00,clock=vm"]
# Natively: the same machine without EL2 (QEMU enters the guest at EL1 and
# its PSCI conduit is then HVC, which QEMU answers itself).
NATIVE_MACHINE = {"virt": False}

# (figure:stat, label); every one the guest prints, figure or n/a
ROWS = [
    ("psci_call:mean", "HVC round trip (PSCI_VERSION; native: QEMU's PSCI)"),
    ("mmio_emul:mean", "emulated MMIO read (PL011 UARTFR)"),
    ("vtimer_lat:min", "virtual timer latency (CNTV, PPI 27): deadline to handler"),
    ("vtimer_cost:mean", "virtual timer interrupt cost (every 10 us)"),
    ("spi_lat:min", "passthrough SPI latency (PL031 alarm, SPI 2)"),
    ("spi_handle:mean", "passthrough SPI ack + EOI"),
    ("sgi_oneway:mean", "SGI to the other vCPU's handler"),
    ("sgi_rtt:mean", "SGI round trip between two vCPUs"),
]
FIGURES = [k.partition(":")[0] for k, _ in ROWS]
# The goals: (figure:stat, label, limit as a multiple of native)
GOALS = [
    ("spi_lat:min", "passthrough SPI latency", 2.0),
    ("vtimer_lat:min", "virtual timer latency", 1.0),
]
# Linux boot: the ARM64 demo's Linux alone in a cell of one vCPU (why one:
# the layout's comment).
LINUX_LAYOUT = "tests/bench/layouts/arm64-bench-linux.c"
# (key, label) of the Linux boot rows, in millions of instructions
LINUX_ROWS = [
    ("linux_start", "Linux: hand-over to kernel's first instruction (M instr.)"),
    ("linux_ready", "Linux: hand-over to init's ready line (M instr.)"),
    ("linux_prompt", "Linux: hand-over to shell prompt (M instr.)"),
    ("linux_own_prompt", "Linux: kernel's first instruction to shell prompt (M instr.)"),
]
NA = re.compile(r"bench: (\w+) n/a \(([^)]*)\)")

NOTES = """\
- ARM64: cycles are PMCCNTR_EL0, which QEMU derives from its virtual clock
  at 1 GHz: under -icount shift=0 one per instruction of every CPU at any
  EL (the guest sets PMCCFILTR_EL0.NSH, so the hypervisor's EL2 counts).
  Native: the same image at EL1 on `-M virt,virtualization=off` (no EL2;
  QEMU's PSCI is then reached by HVC and answered inside QEMU: one
  instruction).  In cell: `virtualization=on`, the guest at EL1 in its cell.
- Latencies: ns of virtual time from the deadline (CNTV's compare value,
  the PL031 alarm's instant) to the IRQ vector's first instruction
  (1 = the instruction right after it), the least of the rounds (64 timer,
  8 alarms); in a cell the mean also holds the first timer interrupt,
  which costs more (see README, "Performance").
- Linux rows: the ARM64 demo's Linux (kernel, initramfs, bootargs, 256
  MiB) alone in a one-vCPU cell (`arm64-bench-linux`), and natively at EL1
  on `-M virt,virtualization=off -smp 1 -m 256M` with QEMU's own device
  tree; `dtb-randomness=off` in both runs.  Millions of instructions of
  all CPUs (QEMU's count, read over QMP at a gdb breakpoint) from the
  hand-over (0x40200000: natively the Image's first instruction, in the
  cell the hypervisor's entry) to the kernel's first instruction
  (`primary_entry` minus its native path), `n_tty_write` (init's ready
  line) and `n_tty_poll` (the shell at its prompt).
- n/a: a distributor without SPI lines, or one CPU in the tree (the
  cell has the PL031's SPI and two vCPUs, so none there).
"""
GICV2_NOTES = """\
- GICv2 table: the same guest built with BENCH_GIC=2 (its
  `guest/arch/arm64/gicv2/`: all GIC registers are MMIO, an SGI is a
  GICD_SGIR store) on `-M virt,gic-version=2`, natively at EL1 and in the
  same layout's cell of the GICv2 image (its distributor emulated, its CPU
  interface the board's GICV page mapped at the tree's GICC address).
  No Linux rows there.
"""


def build(gic=3):
    """The hypervisor image with the bench cell (the GICv2 image's with
    gic=2), and the guest binary it embeds (the very file the native run
    boots: built for that GIC)."""
    try:
        hv = arm64qemu.build(f'CONFIG_LAYOUT_A64_CUSTOM=y\nCONFIG_LAYOUT_FILE="{LAYOUT}"',
                             name="arm64-bench" if gic == 3 else "arm64-bench-gicv2", gic=gic)
    except BaseException as e:          # pytest.fail() outside pytest
        sys.exit(f"bench: ARM64 build failed: {e}")
    return hv, os.path.join(os.path.dirname(hv), "guests", "bench-arm64", "bench.bin")


def commands(hv, guest, gic=3):
    return {"native": arm64qemu.qemu_cmd(guest, extra=ICOUNT, gic=gic, **NATIVE_MACHINE),
            "cell": arm64qemu.qemu_cmd(hv, extra=ICOUNT, gic=gic)}


def _no_seed(cmd):
    """QEMU's virt writes fresh random bytes (rng-seed, kaslr-seed) into the
    tree it hands over, other ones every run, which Linux mixes into its
    pool; the hypervisor's guest tree has none.  Off in both Linux runs, so
    that the kernel starts alike natively and in the cell, and repeats."""
    i = cmd.index("-M") + 1
    return cmd[:i] + [cmd[i] + ",dtb-randomness=off"] + cmd[i + 1:]


def linux_native_cmd(image, initrd, layout_file):
    """The cell's Linux natively at EL1: one CPU, 256 MiB, its bootargs."""
    extra = ICOUNT + ["-initrd", initrd, "-append", linuxboot.bootargs(layout_file)]
    return _no_seed(arm64qemu.qemu_cmd(image, smp=1, mem="256M", extra=extra,
                                       **NATIVE_MACHINE))


def linux_cell_cmd(hv):
    return _no_seed(arm64qemu.qemu_cmd(hv, extra=ICOUNT))


LINUX_BOARD = linuxboot.Board(gdb="aarch64", kbuild="arm64", base="_text", load=0x40200000,
                              kernel="primary_entry", native=linux_native_cmd,
                              cell=linux_cell_cmd)


def build_linux():
    """The hypervisor image with the Linux cell: (its ELF, the Image and the
    initramfs it embeds, its ferrovisor.bin)."""
    try:
        hv = arm64qemu.build(f'CONFIG_LAYOUT_A64_CUSTOM=y\nCONFIG_LAYOUT_FILE="{LINUX_LAYOUT}"',
                             name="arm64-bench-linux")
    except BaseException as e:          # pytest.fail() outside pytest
        sys.exit(f"bench: ARM64 Linux build failed: {e}")
    o = os.path.dirname(hv)
    return (os.path.join(o, "ferrovisor.elf"), os.path.join(o, "guests", "linux", "Image"),
            os.path.join(o, "guests", "linux", "initramfs.cpio.gz"), hv)


def cross(o):
    """The toolchain prefix an O directory was built with."""
    with open(os.path.join(o, ".config")) as f:
        return re.search(r'^CONFIG_CROSS_COMPILE="([^"]*)"', f.read(), re.M).group(1)


def linux_points():
    """Build the Linux cell's image; linuxboot.measure() of it."""
    elf, image, initrd, hv = build_linux()
    end = benchlib.text_end(elf, cross(os.path.dirname(elf)))
    return linuxboot.measure(image, initrd, hv, end, LINUX_BOARD, LINUX_LAYOUT)


def linux_boot(check=False):
    """{row key: (native, cell)} of the Linux boot rows, and the two
    commands (native, cell)."""
    res = linux_points()
    if check and linux_points() != res:
        sys.exit("bench: the ARM64 Linux boot figures are not deterministic")
    rows = linuxboot.figures(res)
    if rows is None:
        sys.exit(f"bench: an ARM64 Linux boot point was not reached: {res}")
    return {name: (n, c) for name, n, c in rows}, res["cmds"]


def parse(text):
    """{figure: stats, or the reason it is n/a}"""
    figs = dict(benchlib.parse(text))
    figs.update({m.group(1): m.group(2) for m in NA.finditer(text)})
    return figs


def run(cmds, check=False):
    """{side: parse()}; exits unless both sides ran to 'bench: done' (and,
    with check, printed the same twice)."""
    rounds = 2 if check else 1
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        jobs = {(s, r): pool.submit(benchlib.run, c) for s, c in cmds.items()
                for r in range(rounds)}
        texts = {s: [jobs[(s, r)].result() for r in range(rounds)] for s in cmds}
    res = {}
    for side, outs in texts.items():
        errs = benchlib.errors(outs[0])
        if errs or "bench: done" not in outs[0]:
            sys.exit(f"bench: the ARM64 {side} run failed: {errs}\n{outs[0][-3000:]}")
        if check and parse(outs[1]) != parse(outs[0]):
            sys.exit(f"bench: the ARM64 {side} run is not deterministic")
        res[side] = parse(outs[0])
    return res


def value(figs, key):
    """A number, a string (why n/a) or None (not printed)."""
    name, _, stat = key.partition(":")
    f = figs.get(name)
    return f[stat] if isinstance(f, dict) else f


def fmt(v):
    if v is None:
        return "missing"
    if isinstance(v, str):
        return f"n/a ({v})"
    return f"{v:.1f}" if v != int(v) else str(int(v))


def ratio(n, c):
    return f"{c / n:.2f}" if isinstance(n, (int, float)) and isinstance(c, (int, float)) \
        and n else "-"


def table(res, linux, title="ARM64"):
    """The bench guest's rows, then the Linux boot rows ({key: (n, c)},
    or None: none)."""
    rows = [(f"figure (cycles), {title}", "native", "in cell", "ratio"), None]
    for key, label in ROWS:
        n, c = value(res["native"], key), value(res["cell"], key)
        rows.append((label, fmt(n), fmt(c), ratio(n, c)))
    for key, label in LINUX_ROWS if linux is not None else ():
        n, c = linux[key]
        rows.append((label, benchlib.millions(n), benchlib.millions(c), ratio(n, c)))
    return rows


def goals(res, title="ARM64"):
    rows = [(f"{title} goal", "native", "in cell", "limit", "met"), None]
    for key, label, mult in GOALS:
        n, c = value(res["native"], key), value(res["cell"], key)
        if isinstance(n, (int, float)) and isinstance(c, (int, float)):
            limit = f"{mult:g}x native ({mult * n:g})"
            met = "yes" if c <= mult * n else f"no ({ratio(n, c)}x)"
        else:
            limit, met = f"{mult:g}x native", "n/a (not measured)"
        rows.append((label, fmt(n), fmt(c), limit, met))
    return rows


def render(rows, markdown):
    w = [max(len(r[i]) for r in rows if r) for i in range(len(rows[0]))]
    out = []
    for r in rows:
        if r is None:
            out.append("| " + " | ".join(["-" * w[0]] + ["-" * (x - 1) + ":" for x in w[1:]])
                       + " |" if markdown else "  ".join("-" * x for x in w))
            continue
        cells = [r[0].ljust(w[0])] + [c.rjust(x) for c, x in zip(r[1:], w[1:])]
        out.append("| " + " | ".join(cells) + " |" if markdown else "  ".join(cells))
    return "\n".join(out)


def section(check=False, linux_rows=True):
    """Build, run, and return (text for the terminal, markdown for bench.md);
    without linux_rows, the bench guest's rows only."""
    hv, guest = build()
    cmds = commands(hv, guest)
    res = run(cmds, check)
    linux, lcmds = linux_boot(check) if linux_rows else (None, ())
    rows, grows = table(res, linux), goals(res)
    how = [f"ARM64 bench guest, {side}: {shlex.join(c)}" for side, c in cmds.items()]
    how += [f"ARM64 Linux, {side}: {shlex.join(c)}" for side, c in zip(("native", "in a cell"),
                                                                        lcmds)]
    v2_text, v2_md, v2_how = gicv2_section(check)
    text = "\n\n".join([render(rows, False), render(grows, False), v2_text,
                         "\n".join(how + v2_how)])
    md = ("## ARM64\n\n" + render(rows, True) + "\n\n" + render(grows, True) + "\n\n" +
          v2_md + NOTES + GICV2_NOTES + "\n" +
          "\n".join(f"- `{h.split(': ', 1)[1]}` ({h.split(': ')[0]})"
                    for h in how + v2_how) + "\n")
    return text, md


def gicv2_section(check=False):
    """The bench guest on the GICv2 board, natively and in the GICv2
    image's cell: (text, markdown, the commands as "label: command")."""
    hv, guest = build(gic=2)
    cmds = commands(hv, guest, gic=2)
    res = run(cmds, check)
    rows, grows = table(res, None, "ARM64 GICv2"), goals(res, "ARM64 GICv2")
    how = [f"ARM64 GICv2 bench guest, {side}: {shlex.join(c)}" for side, c in cmds.items()]
    text = render(rows, False) + "\n\n" + render(grows, False)
    md = "### ARM64, GICv2\n\n" + render(rows, True) + "\n\n" + render(grows, True) + "\n\n"
    return text, md, how


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="run twice, compare")
    ap.add_argument("--gicv2-only", action="store_true", help="only the GICv2 table")
    ap.add_argument("--no-linux", action="store_true",
                    help="the bench guest's rows only, no Linux boot")
    args = ap.parse_args()
    print(f"bench: ARM64 (O={fvqemu.BUILD})", flush=True)
    if args.gicv2_only:
        text, md, how = gicv2_section(args.check)
        text += "\n\n" + "\n".join(how)
        md = "## ARM64\n\n" + md + GICV2_NOTES
    else:
        text, md = section(args.check, not args.no_linux)
    print(text)
    path = os.path.join(fvqemu.BUILD, "bench-arm64-gicv2.md" if args.gicv2_only
                        else "bench-arm64.md")
    with open(path, "w") as f:
        f.write(md)
    print(f"\nbench: ARM64 table written to {path}")


if __name__ == "__main__":
    main()
