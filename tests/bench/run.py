#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""make bench: what Ferrovisor costs a guest, as ratios to the same guest
running natively on OpenSBI in the same QEMU, under -icount shift=0
(one instruction = one cycle = 1 ns of guest time, so runs repeat exactly).

Builds the bench guest, its cell (tests/bench/layouts/bench.c; bench-aia.c
for the AIA machine's rows), a Linux cell (tests/bench/layouts/bench-linux.c)
and a layout-less image, runs each guest natively and in its cell, and
prints one table, figure | native | in cell | ratio, with the QEMU version
and the commands used; the same goes to $O/bench.md.

    O=build tests/bench/run.py [--check]

--check runs every QEMU command twice and fails unless the figures match.
"""
import argparse
import concurrent.futures
import os
import re
import shlex
import subprocess
import sys

import arm64
import benchlib
import linuxboot
import linuxio
import tracecost
from benchlib import CPU_NO_SSTC, CPU_SSTC, fvqemu

CROSS = os.environ.get("CROSS_COMPILE", "riscv64-unknown-elf-")

# (key, label); key: "<figure>:<stat>" of the bench guest, or a Linux/boot figure
ROWS = [
    ("sbi_call:mean", "SBI call round trip (BASE get_spec_version)"),
    ("timer_cost_sstc:mean", "timer interrupt cost, Sstc (guest writes stimecmp)"),
    ("timer_cost_sbi:mean", "timer interrupt cost, SBI set_timer, Sstc in hardware"),
    ("nosstc.timer_cost_sbi:mean", "timer interrupt cost, SBI set_timer, no Sstc"),
    ("timer_lat_sstc:min", "timer latency, Sstc: deadline to handler"),
    ("timer_lat_sbi:min", "timer latency, SBI set_timer, Sstc in hardware"),
    ("nosstc.timer_lat_sbi:min", "timer latency, SBI set_timer, no Sstc"),
    ("ext_irq_lat:mean", "external interrupt latency (RTC alarm via PLIC)"),
    ("ext_irq_handle:mean", "external interrupt claim + ack + complete"),
    ("mmio_emul:mean", "emulated MMIO read (UART LSR)"),
    ("mmio_vplic:mean", "emulated MMIO read (vPLIC priority)"),
    ("mmio_pass:mean", "passthrough MMIO read (RTC TIME_LOW)"),
    ("ipi_oneway:mean", "IPI, send to the other hart's handler"),
    ("ipi_rtt:mean", "IPI round trip between two harts"),
    ("aia.aia_ext_lat:mean", "AIA: external interrupt latency (RTC alarm, APLIC MSI)"),
    ("aia.aia_ext_handle:mean", "AIA: claim (stopei) + ack"),
    ("aia.aia_ipi_oneway:mean", "AIA: IPI (IMSIC file store) to the other hart's handler"),
    ("aia.aia_ipi_rtt:mean", "AIA: IPI round trip between two harts"),
    ("io.blk_read_4k:mean", "virtio-blk: one 4 KiB read, notify to used (instr.)"),
    ("io.blk_seq_64k:mean", "virtio-blk: 1 MiB sequential, 64 KiB requests (instr.)"),
    ("io.blk_seq_4k:mean", "virtio-blk: 1 MiB sequential, 4 KiB requests (instr.)"),
    ("io.doorbell_rtt:mean", "doorbell round trip, register (native: SBI call)"),
    ("io.doorbell_rtt_sbi:mean", "doorbell round trip, SBI (native: SBI call)"),
    ("io.doorbell_oneway:mean", "doorbell one way, register (native: SBI call)"),
    ("aiadb.doorbell_rtt:mean", "doorbell round trip, AIA, register (native: SBI call)"),
    ("aiadb.doorbell_rtt_sbi:mean", "doorbell round trip, AIA, SBI (native: SBI call)"),
    ("aiadb.doorbell_oneway:mean", "doorbell one way, AIA, register (native: SBI call)"),
    ("entry", "hand-over to bench guest's first instruction"),
    ("linux_start", "Linux: hand-over to kernel's first instruction"),
    ("linux_ready", "Linux: hand-over to init's ready line"),
    ("linux_prompt", "Linux: hand-over to shell prompt"),
    ("linux_own_prompt", "Linux: kernel's first instruction to shell prompt"),
    ("linux_read_mib", "Linux: read 1 MiB of virtio-blk, 64 KiB read()s (instr.)"),
    ("linux_dd_mib", "Linux: dd of the 1 MiB disk, dd's start included (instr.)"),
    ("linux_net_instr_mib", "Linux cells: nc bulk transfer, instructions per MiB"),
    ("linux_net_instr_frame", "Linux cells: nc bulk transfer, instructions per frame"),
    ("linux_net_mib_s", "Linux cells: nc bulk transfer, MiB/s of virtual time"),
]

NOTES = """\
- Cycles under `-icount shift=0,sleep=off`: one instruction of any hart, in
  any mode (guest, hypervisor, OpenSBI), is one cycle and 1 ns; QEMU runs the
  harts in turns, so a figure counts every hart's instructions in between.
  Time = cycles / 100 at the 10 MHz timebase (the guest checks it).
- "hand-over": natively the firmware's jump to the guest, with the hypervisor
  its own entry (the same cycle: OpenSBI does not depend on its payload).
  Boot rows are millions of cycles (ms).
- Costs and handling: mean (all samples are equal under -icount).  Timer
  latency: minimum over the 100 cycle phases of the deadline write; QEMU arms
  its timer (write instant mod 100) cycles late, which adds exactly 49.5 to
  every mean.  Latencies count to the handler's first instruction; 1 is the
  instruction right after the deadline.
- virtio-blk and doorbells (`bench=io`, layout `bench-io`): instructions of
  all harts (rdinstret), one request at a time, the guest waiting in wfi.
  Natively QEMU's virtio-blk-device completes requests on a host thread,
  and under `sleep=off` QEMU 10 never wakes a hart that waits for one in
  wfi with no timer armed, so the native I/O run uses `-icount
  shift=0,sleep=on`: its rdcycle then counts host time, its rdinstret only
  instructions (identical run to run).  In the cell every request is done
  by the hypervisor on the notifying hart, under `sleep=off` as the rest.
  Natively the device's copy costs the guest nothing (QEMU does it on the
  host); in the cell the hypervisor copies the data.
- Doorbell round trip: the bench cell rings (register or SBI), the echo
  cell (hart 3) takes the interrupt, takes the rings and rings back the
  same way (registers: DOORBELL_STATUS read, DOORBELL_ACK write, a ring;
  SBI: one take-ring call, fid 2); to the first instruction of the bench
  cell's handler, which takes its ring (SBI: the take call, fid 1).  There is no
  doorbell natively: the native column is the native SBI call.
- AIA doorbell rows (`bench=doorbell`, layout `bench-io-aia`, the AIA
  machine): the same two cells with guest interrupt files and a virtual
  APLIC; the doorbell's source (12) is aimed at the cell's own file as
  identity 12, the ringing hart itself raises the peer's vAPLIC source and
  stores that identity into the peer vhart's guest file, the handler
  claims it by vstopei (no trap) and completes nothing; taking the rings
  is two emulated accesses or one SBI call (the echo's with its ring
  back), as above.  The
  SBI call they are compared with is the PLIC board's (the same path).
- Linux I/O (`tests/bench/linux/`: make bench's /init and fvcount, which
  reads rdinstret from user space): the demo disk (1 MiB ext2) read whole,
  cold, in 64 KiB read()s (dd's inner loop), and by busybox dd between two
  fvcount runs; natively `-smp 1 -m 256M` with QEMU's virtio-blk-device,
  in a one-vhart cell (`bench-linux-dd`) with the hypervisor's.  Natively
  QEMU completes requests on a host thread while Linux waits with its tick
  armed, so the count varies a little run to run: the least of 3 runs under
  `sleep=on` is given, and --check does not hold it to identity.
- nc: the cells of `linux-linux` (`bench-linux-linux`: harts 1 and 2),
  linux0 sends 4 MiB of zeros with busybox nc to linux1's `nc -l`:
  instructions of all harts (both cells, the hypervisor) from the sender's
  count before to the receiver's after nc -l ended, per MiB and per frame
  (both ways); MiB/s is of virtual time (rdcycle, which also counts the
  time QEMU skips while every hart waits), not of any real machine.  No
  native figure: that would take two QEMUs and a host network.
- AIA rows (`bench=aia`): QEMU virt with `aia=aplic-imsic,aia-guests=7`,
  the same 4 harts and 1 GiB.  Natively the guest uses its harts' S-level
  IMSIC files and the S-level APLIC domain (MSI mode) OpenSBI delegates;
  in its cell (`bench-aia`, harts 1 and 2, image built for that machine)
  each vhart's guest interrupt file and the cell's virtual APLIC.  The
  RTC's alarm (a real device's wire, source 11) is aimed at the boot
  hart's file, identity 11; the handler claims it by stopei (vstopei in
  the cell: no trap) and acknowledges the RTC, and an IMSIC needs no
  complete.  IPIs: a store of identity 1 into the other hart's file
  (`seteipnum_le`), whose handler claims it and stores one back.
- Bench guest: natively on harts 0 and 1 of a 4-hart, 1 GiB machine; in its
  cell on harts 1 and 2 of the same machine (2 vharts, 64 MiB, RTC passed
  through, UART emulated).  No Sstc: `-cpu rv64,sstc=false`.
- Linux: one hart, 256 MiB, same kernel, initramfs and bootargs; natively
  `-smp 1 -m 256M`, in a cell of one vhart on the 4-hart machine.  Counts are
  instructions of all harts up to the first execution of: the kernel entry,
  `n_tty_write` (init's ready line), `n_tty_poll` (shell waits at its prompt).
"""

INTERFERENCE_NOTES = """\
- The RTOS cell (hart 3, Sstc timer, emulated UART, a status line every 100
  ticks) runs 2000 ticks and shuts down; the hypervisor then prints its
  totals.  Beside it, a noisy cell on harts 1-2 (`tests/bench/noisy`) floods
  its console through SBI DBCN, makes 20 SBI calls and an IPI to both its
  vharts per round, and reboots every 100 rounds.  Goal: the same traps and
  interrupts as alone, and no wait on a lock another cell takes.
- Traps are the RTOS's own console writes (UART register accesses); its
  timer (Sstc) never traps.  Counts, not cycles: under -icount the cycle
  counter advances with every hart's instructions, so the neighbour's work
  would show in any cycle figure of the RTOS.
"""


def qemu_version():
    out = subprocess.run([fvqemu.QEMU, "--version"], capture_output=True, text=True)
    return out.stdout.splitlines()[0] if out.stdout else "?"


def build():
    """{layout file: image}; bench-aia's is built for the AIA machine."""
    from conftest import build_layouts
    try:
        elfs = build_layouts([benchlib.BENCH_LAYOUT, benchlib.IO_LAYOUT, benchlib.LINUX_LAYOUT,
                              benchlib.LINUX_DD_LAYOUT, benchlib.LINUX_NET_LAYOUT,
                              benchlib.NONE_LAYOUT, benchlib.ALONE_LAYOUT,
                              benchlib.NOISY_LAYOUT])
        elfs.update(build_layouts([benchlib.AIA_LAYOUT, benchlib.IO_AIA_LAYOUT],
                                  benchlib.AIA_CONFIG))
        return elfs
    except BaseException as e:          # pytest.fail() outside pytest
        sys.exit(f"bench: build failed: {e}")


def size(elf):
    out = subprocess.run([CROSS + "size", elf], capture_output=True, text=True,
                         check=True).stdout.splitlines()[1].split()
    return int(out[0]), int(out[1]), int(out[2])


def _same(figs, tag):
    """What must repeat exactly.  Of the I/O run, its figures without the
    rdcycle mean: natively (sleep=on) rdcycle counts host time, and so does
    the entry cycle."""
    if tag != "io.":
        return figs
    return {k: {s: v for s, v in f.items() if s != "extra"} for k, f in figs.items()
            if k in benchlib.BLK_FIGURES + benchlib.DOORBELL_FIGURES}


def run_guests(elfs, check):
    """Run the bench guest natively and in its cell, with and without Sstc."""
    o = os.path.dirname(elfs[benchlib.BENCH_LAYOUT])
    guest = os.path.join(o, "guests", "bench", "bench.bin")
    cmds = {}
    for cpu, tag in ((CPU_SSTC, ""), (CPU_NO_SSTC, "nosstc.")):
        cmds[("native", tag)] = benchlib.guest_cmd(guest, cpu)
        cmds[("cell", tag)] = benchlib.guest_cmd(elfs[benchlib.BENCH_LAYOUT], cpu)
    io_o = os.path.dirname(elfs[benchlib.IO_LAYOUT])
    cmds[("native", "io.")] = benchlib.io_native_cmd(
        guest, os.path.join(io_o, "guests", "bench", "disk.img"))
    cmds[("cell", "io.")] = benchlib.guest_cmd(elfs[benchlib.IO_LAYOUT])
    cmds[("native", "aia.")] = benchlib.aia_cmd(guest, native=True)
    cmds[("cell", "aia.")] = benchlib.aia_cmd(elfs[benchlib.AIA_LAYOUT], native=False)
    # no doorbell natively: the AIA doorbell rows compare with the SBI call
    cmds[("cell", "aiadb.")] = benchlib.aia_cmd(elfs[benchlib.IO_AIA_LAYOUT], native=False)
    rounds = 2 if check else 1
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        jobs = {(k, r): pool.submit(benchlib.run, c) for k, c in cmds.items()
                for r in range(rounds)}
        texts = {k: [jobs[(k, r)].result() for r in range(rounds)] for k in cmds}
    res, logs = {}, {}
    for (side, tag), outs in texts.items():
        figs = benchlib.parse(outs[0])
        errs = benchlib.errors(outs[0])
        if errs or "bench: done" not in outs[0]:
            sys.exit(f"bench: the {side} run ({tag or 'sstc'}) failed: {errs}\n"
                     f"{outs[0][-3000:]}")
        if check and _same(benchlib.parse(outs[1]), tag) != _same(figs, tag):
            sys.exit(f"bench: the {side} run ({tag or 'sstc'}) is not deterministic")
        for name, f in figs.items():
            res.setdefault(side, {})[tag + name] = f
        logs[(side, tag)] = outs[0]
    return res, logs, cmds


def value(res, key):
    name, _, stat = key.partition(":")
    f = res.get(name)
    if f is None:
        return None
    return f[stat] if stat else f


def fmt(v, millions=False):
    if v is None:
        return "n/a"
    if millions:
        return benchlib.millions(v)
    if isinstance(v, float) and v != int(v) and v < 100:
        return f"{v:.2f}"
    return f"{v:.1f}" if isinstance(v, float) and v != int(v) else f"{int(v)}"


def table(res, linux):
    rows = [("figure (cycles)", "native", "in cell", "ratio"), None]
    for key, label in ROWS:
        big = key.startswith(("linux", "entry")) and key not in (
            "linux_net_mib_s", "linux_net_instr_frame")
        if key.startswith("linux"):
            n, c = linux.get(key, (None, None))
        elif key == "entry":
            # the hypervisor starts at the instant the guest does natively
            n, c = 0, res["cell"]["entry"] - res["native"]["entry"]
        elif key.startswith(("io.doorbell", "aiadb.doorbell")):
            n, c = value(res["native"], "sbi_call:mean"), value(res["cell"], key)
        else:
            n, c = value(res["native"], key), value(res["cell"], key)
        ratio = f"{c / n:.2f}" if n and c is not None else "-"
        rows.append((label, fmt(n, big), fmt(c, big), ratio))
    return rows


def goals(res, linux):
    """Issue 9's goals, as rows (goal, measured, limit, met)."""
    rows = [("goal (issue 9)", "measured", "limit", "met"), None]

    def add(label, num, den, limit):
        if num is None or not den:
            rows.append((label, "n/a", f"<= {limit}", "-"))
            return
        r = num / den
        rows.append((label, f"{r:.2f}x", f"<= {limit}x", "yes" if r <= limit else "no"))

    n, c = res["native"], res["cell"]
    for key, what in (("blk_seq_64k", "64 KiB"), ("blk_seq_4k", "4 KiB")):
        add(f"bare-metal 1 MiB sequential read ({what}), cell / native",
            value(c, f"io.{key}:mean"), value(n, f"io.{key}:mean"), 1.5)
    dd = linux.get("linux_dd_mib")
    rd = linux.get("linux_read_mib")
    add("Linux 1 MiB sequential read (64 KiB read()s), cell / native", rd and rd[1],
        rd and rd[0], 1.5)
    add("Linux dd of 1 MiB (dd's start included), cell / native", dd and dd[1],
        dd and dd[0], 1.5)
    for tag, board in (("io.", ""), ("aiadb.", ", AIA")):
        for key, what in (("doorbell_rtt", "register"), ("doorbell_rtt_sbi", "SBI")):
            add(f"doorbell round trip ({what}{board}) / SBI call in a cell",
                value(c, f"{tag}{key}:mean"), value(c, "sbi_call:mean"), 2)
            add(f"doorbell round trip ({what}{board}) / native SBI call",
                value(c, f"{tag}{key}:mean"), value(n, "sbi_call:mean"), 2)
    return rows


# Issue 10's goals: cycles in a cell (the hand-over: in millions).
GOALS_10 = [
    ("sbi_call:mean", "SBI call round trip", 80),
    ("mmio_emul:mean", "emulated MMIO read (UART LSR)", 150),
    ("mmio_vplic:mean", "emulated MMIO read (vPLIC register)", 150),
    ("ext_irq_lat:mean", "external interrupt latency, PLIC", 200),
    ("ext_irq_handle:mean", "external interrupt claim + ack + complete, PLIC", 400),
    ("nosstc.timer_cost_sbi:mean", "timer interrupt cost, SBI set_timer, no Sstc", 760),
    ("nosstc.timer_lat_sbi:min", "timer latency, SBI set_timer, no Sstc", 300),
    ("linux_start", "hand-over to the first guest instruction, Linux (M)", 2),
]
# Issue 10's AIA goals: in a cell at most this many times native.
GOALS_10_RATIO = [
    ("aia.aia_ext_lat:mean", "external interrupt latency, AIA", 1.1),
    ("aia.aia_ext_handle:mean", "claim + complete, AIA", 1.1),
    ("aia.aia_ipi_oneway:mean", "IPI send to the other vhart's handler, AIA", 1.1),
]


def goals10(res, linux):
    """Issue 10's goals, as rows (goal, measured, limit, met)."""
    rows = [("goal (issue 10), cycles in a cell", "measured", "limit", "met"), None]
    for key, label, limit in GOALS_10:
        if key.startswith("linux"):
            v = linux.get(key, (None, None))[1]
            v = v / 1e6 if v is not None else None
        else:
            v = value(res["cell"], key)
        if v is None:
            rows.append((label, "n/a", f"<= {limit}", "-"))
            continue
        rows.append((label, f"{v:.2f}" if key.startswith("linux") else fmt(v),
                     f"<= {limit}", "yes" if v <= limit else "no"))
    for key, label, limit in GOALS_10_RATIO:
        n, c = value(res["native"], key), value(res["cell"], key)
        if not n or c is None:
            rows.append((label, "n/a", f"<= {limit}x native", "-"))
            continue
        rows.append((label, f"{fmt(c)} ({c / n:.2f}x)", f"<= {limit}x native",
                     "yes" if c / n <= limit else "no"))
    return rows


def render(rows, markdown):
    w = [max(len(r[i]) for r in rows if r) for i in range(4)]
    out = []
    for r in rows:
        if r is None:
            out.append("| " + " | ".join(["-" * w[0]] + ["-" * (x - 1) + ":" for x in w[1:]])
                       + " |" if markdown else "  ".join("-" * x for x in w))
            continue
        cells = [r[0].ljust(w[0])] + [c.rjust(x) for c, x in zip(r[1:], w[1:])]
        out.append("| " + " | ".join(cells) + " |" if markdown else "  ".join(cells))
    return "\n".join(out)


def footprint(elfs, logs):
    t, d, b = size(elfs[benchlib.NONE_LAYOUT])
    log = logs[("cell", "")]
    img = re.search(r"memory: hypervisor \S+, image (\d+) KiB", log)
    used = re.search(r"memory: (\d+) KiB in use: (.*)", log)
    lines = [f"- image without guests (`none` layout): text {t}, data {d}, bss {b} bytes "
             f"({(t + d + b) / 1024:.0f} KiB)"]
    if used:
        lines.append(f"- hypervisor RAM in use after the bench cell started: {used.group(1)} KiB "
                     f"({used.group(2)})")
    else:
        lines.append("- hypervisor RAM in use after boot: image "
                     f"{img.group(1) if img else '?'} KiB (with the bench guest) + page pool "
                     "pages in use: n/a, the hypervisor does not print them yet")
    return lines


def interference(elfs, check):
    """The RTOS cell's totals per 1000 of its ticks, alone and beside the
    noisy neighbour: rows of (figure, alone, beside, ratio)."""
    got = {}
    for key, layout in (("alone", benchlib.ALONE_LAYOUT), ("noisy", benchlib.NOISY_LAYOUT)):
        got[key] = benchlib.interference(elfs[layout])
        if check and benchlib.interference(elfs[layout]) != got[key]:
            sys.exit(f"bench: the interference run ({key}) is not deterministic")
    per = 1000 / benchlib.RTOS_TICKS
    rows = [("RTOS cell, per 1000 of its ticks", "alone", "beside noisy", "ratio"), None]
    for i, label in enumerate(("traps", "of which interrupts", "waits on locks other cells take")):
        a, n = got["alone"][0][i] * per, got["noisy"][0][i] * per
        rows.append((label, fmt(a), fmt(n), f"{n / a:.2f}" if a else "-"))
    rows.append(("neighbour's restarts meanwhile", fmt(got["alone"][1]), fmt(got["noisy"][1]),
                 "-"))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="run everything twice, compare")
    args = ap.parse_args()

    print("bench: building (O=%s)" % fvqemu.BUILD, flush=True)
    elfs = build()
    print("bench: running the bench guest natively and in its cell", flush=True)
    res, logs, cmds = run_guests(elfs, args.check)

    print("bench: the trace's cost: compiled in but off, and on", flush=True)
    trace = tracecost.measure({k: e for k, e in tracecost.build().items() if k != "out"},
                              args.check)
    trace["out"] = {key: value(res["cell"], key) for key, _ in tracecost.FIGURES}
    trows = tracecost.rows(trace)

    print("bench: booting Linux natively and in a cell", flush=True)
    lo = os.path.dirname(elfs[benchlib.LINUX_LAYOUT])
    image = os.path.join(lo, "guests", "linux", "Image")
    initrd = os.path.join(lo, "guests", "linux", "initramfs.cpio.gz")
    hv_linux = elfs[benchlib.LINUX_LAYOUT]
    hv_end = benchlib.text_end(hv_linux, CROSS)
    lres = linuxboot.measure(image, initrd, hv_linux, hv_end)
    if args.check and linuxboot.measure(image, initrd, hv_linux, hv_end) != lres:
        sys.exit("bench: the Linux boot figures are not deterministic")
    linux = {name: (n, c) for name, n, c in linuxboot.figures(lres) or []}

    print("bench: Linux reading virtio-blk natively and in a cell, nc between two cells",
          flush=True)
    do = os.path.join(os.path.dirname(elfs[benchlib.LINUX_DD_LAYOUT]), "guests")
    try:
        io = linuxio.measure(os.path.join(do, "linux", "Image"),
                             os.path.join(do, "linux", "bench-initramfs.cpio.gz"),
                             os.path.join(do, "disk", "disk.img"),
                             elfs[benchlib.LINUX_DD_LAYOUT], elfs[benchlib.LINUX_NET_LAYOUT],
                             args.check)
    except RuntimeError as e:
        sys.exit(str(e))
    linux["linux_read_mib"] = io["read"]
    linux["linux_dd_mib"] = io["dd"]
    nc = io["nc"]
    linux["linux_net_instr_mib"] = (None, nc["instr_per_mib"])
    linux["linux_net_instr_frame"] = (None, nc["instr_per_frame"])
    linux["linux_net_mib_s"] = (None, nc["mib_s"])
    spread = io["spread"]
    io_notes = (f"- Linux native read of 1 MiB: least of {linuxio.NATIVE_RUNS} runs, "
                f"{spread[0]} to {spread[1]} instructions this time "
                f"({(spread[1] - spread[0]) * 100 / spread[0]:.1f} % apart; see below).\n"
                f"- nc: {nc['mib']:.0f} MiB in {nc['frames']} frames (both ways, both "
                "cells' /proc/net/dev).\n")

    rows = table(res, linux)
    grows = goals(res, linux)
    g10rows = goals10(res, linux)
    print("bench: the RTOS cell alone and beside a noisy neighbour", flush=True)
    irows = interference(elfs, args.check)
    print("bench: ARM64: the bench guest and Linux, natively and in a cell", flush=True)
    arm64_text, arm64_md = arm64.section(args.check)
    loc = subprocess.run([os.path.join(benchlib.HERE, "cloc.sh"), "-m"], capture_output=True,
                         text=True, check=True).stdout
    loc_total = loc.strip().splitlines()[-1]
    version = qemu_version()
    cmdlines = [("bench guest, native", cmds[("native", "")]),
                ("bench guest, in its cell", cmds[("cell", "")]),
                ("bench guest I/O, native", cmds[("native", "io.")]),
                ("bench guest I/O, in its cell", cmds[("cell", "io.")]),
                ("bench guest AIA, native", cmds[("native", "aia.")]),
                ("bench guest AIA, in its cell", cmds[("cell", "aia.")]),
                ("bench guest AIA doorbell, in its cells", cmds[("cell", "aiadb.")]),
                ("Linux, native", lres["cmds"][0]),
                ("Linux, in a cell", lres["cmds"][1]),
                ("Linux dd, native", io["cmds"][0]),
                ("Linux dd, in a cell", io["cmds"][1]),
                ("Linux nc between two cells", io["cmds"][2])]

    print()
    print(render(rows, False))
    print()
    print(render(grows, False))
    print()
    print(render(g10rows, False))
    print()
    print(render(irows, False))
    print()
    print(render(trows, False))
    print()
    print(arm64_text)
    print()
    for line in footprint(elfs, logs):
        print(line)
    print("- lines of C/asm, hypervisor: " + " ".join(loc_total.strip("| ").split(" | ")[1:]) +
          " (files, C, asm, total; tests/bench/cloc.sh)")
    print()
    print(version)
    for what, c in cmdlines:
        print(f"{what}: {shlex.join(c)}")
    print("no Sstc: the same with -cpu " + CPU_NO_SSTC)

    path = os.path.join(fvqemu.BUILD, "bench.md")
    with open(path, "w") as f:
        f.write("# Ferrovisor benchmarks\n\n")
        f.write(render(rows, True) + "\n\n")
        f.write(NOTES + io_notes + "\n")
        f.write("## Goals\n\n" + render(grows, True) + "\n\n" + render(g10rows, True) + "\n\n")
        f.write("## Interference\n\n" + render(irows, True) + "\n\n" + INTERFERENCE_NOTES + "\n")
        f.write("## Trace cost\n\n" + render(trows, True) + "\n\n" + tracecost.NOTES + "\n")
        f.write(arm64_md + "\n")
        f.write("## Footprint\n\n" + "\n".join(footprint(elfs, logs)) + "\n\n")
        f.write("Lines of C and assembly (non-blank, non-comment; `tests/bench/cloc.sh`):\n\n")
        f.write(loc + "\n")
        f.write(f"## How\n\n{version}\n\n")
        for what, c in cmdlines:
            f.write(f"- {what}: `{shlex.join(c)}`\n")
        f.write(f"- no Sstc: the same with `-cpu {CPU_NO_SSTC}`\n")
    print(f"\nbench: table written to {path}")


if __name__ == "__main__":
    main()
