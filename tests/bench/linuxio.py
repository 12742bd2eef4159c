# SPDX-License-Identifier: GPL-2.0-only
"""Linux I/O figures for make bench, in instructions (rdinstret from user
space: fvcount, tests/bench/linux/), each run measuring by itself (the
bench /init, fv.bench=) and powering off:

    dd   the demo disk (1 MiB) read to its end in 64 KiB read()s, and by
         busybox dd (with its process start), natively with QEMU's
         virtio-blk-device (-smp 1 -m 256M) and in a one-vhart cell with
         an emulated virtio-blk (layouts/bench-linux-dd.c)
    nc   linux0 sends fv.mib= MiB to linux1 with busybox nc over the
         hypervisor's virtio-net link (layouts/bench-linux-linux.c): from
         the sender's count before to the receiver's after nc -l ended;
         frames from both cells' /proc/net/dev

Natively QEMU completes virtio-blk requests on a host thread and Linux
waits for them in wfi with its tick armed: under sleep=off QEMU then
jumps to the tick (more tick work the slower the host), under sleep=on
the tick comes in host time.  Either way the count varies a little from
run to run (about 2 % seen), so the native figure is the least of
NATIVE_RUNS runs under sleep=on, and it is not held to --check.
"""
import concurrent.futures
import os
import re

import benchlib

NATIVE_RUNS = 3
READ = re.compile(r"fvbench: read bytes=(\d+) instret=(\d+) cycle=(\d+)")
DD = re.compile(r"fvbench: dd start instret=(\d+) cycle=\d+ end instret=(\d+)")
SEND = re.compile(r"fvbench: nc-send start instret=(\d+) cycle=(\d+) bytes (\d+)")
RECV = re.compile(r"fvbench: nc-recv end instret=(\d+) cycle=(\d+)")
COUNTS = re.compile(r"fvbench: (nc-\w+-(?:before|after)) eth0 rx_packets=(\d+) rx_bytes=\d+ "
                    r"tx_packets=(\d+)")


def native_dd_cmd(image, initrd, disk):
    cmd = benchlib.fvqemu.qemu_cmd(
        image, smp=1, mem="256M", cpu=benchlib.CPU_SSTC, initrd=initrd, icount=True,
        append="console=ttyS0 earlycon=sbi fv.bench=dd",
        extra=["-global", "virtio-mmio.force-legacy=false",
               "-drive", f"if=none,id=vd0,format=raw,readonly=on,file={disk}",
               "-device", "virtio-blk-device,drive=vd0"])
    return [("shift=0,sleep=on" if a == "shift=0,sleep=off" else a) for a in cmd]


def _cell(text, cell):
    """What `cell` printed, its lines joined again: the multiplexer writes
    the focused cell's partial lines as they come, so one line of it may
    arrive in pieces, each tagged, with other lines between.  Each fvbench
    line starts with "fvbench: ", which is where it is cut again.  Text
    with no tag of `cell` (a native run) is returned as it is."""
    text = text.replace("\r", "")
    pieces = re.findall(rf"^\[{re.escape(cell)}\] (.*)$", text, re.M)
    if not pieces:
        return text
    return "\n".join("fvbench: " + p for p in "".join(pieces).split("fvbench: ")[1:])


def _dd(text, what):
    text = _cell(text, "linux")
    r, d = READ.search(text), DD.search(text)
    if not r or not d:
        raise RuntimeError(f"bench: no Linux dd figures ({what}):\n{text[-3000:]}")
    if int(r.group(1)) != 1 << 20:
        raise RuntimeError(f"bench: Linux read {r.group(1)} bytes of the disk, not 1 MiB")
    return int(r.group(2)), int(d.group(2)) - int(d.group(1))


def _nc(text):
    send, recv = _cell(text, "linux0"), _cell(text, "linux1")
    s, r = SEND.search(send), RECV.search(recv)
    counts = {m.group(1): (int(m.group(2)), int(m.group(3)))
              for m in COUNTS.finditer(send + "\n" + recv)}
    if not s or not r or len(counts) != 4:
        raise RuntimeError(f"bench: no nc figures:\n{text[-3000:]}")
    instr = int(r.group(1)) - int(s.group(1))
    ns = int(r.group(2)) - int(s.group(2))
    mib = int(s.group(3)) / (1 << 20)
    # frames through the switch: what each cell sent meanwhile
    frames = sum(counts[f"nc-{side}-after"][1] - counts[f"nc-{side}-before"][1]
                 for side in ("send", "recv"))
    return {"instr_per_mib": instr / mib, "mib_s": mib / (ns / 1e9),
            "instr_per_frame": instr / frames, "frames": frames, "mib": mib}


def measure(image, initrd, disk, dd_elf, nc_elf, check=False):
    """{"read": (native, cell), "dd": (native, cell), "nc": {...},
    "spread": native read (min, max), "cmds": [...]}."""
    ncmd = native_dd_cmd(image, initrd, disk)
    ccmd, netcmd = benchlib.guest_cmd(dd_elf), benchlib.guest_cmd(nc_elf)
    rounds = 2 if check else 1
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        nat = [pool.submit(benchlib.run, ncmd, 300) for _ in range(NATIVE_RUNS)]
        cell = [pool.submit(benchlib.run, ccmd, 300) for _ in range(rounds)]
        net = [pool.submit(benchlib.run, netcmd, 600) for _ in range(rounds)]
        nat = [_dd(f.result(), "native") for f in nat]
        cell = [_dd(f.result(), "cell") for f in cell]
        net = [_nc(f.result()) for f in net]
    if check and (cell[0] != cell[1] or net[0] != net[1]):
        raise RuntimeError("bench: the Linux I/O figures in cells are not deterministic")
    return {"read": (min(n[0] for n in nat), cell[0][0]),
            "dd": (min(n[1] for n in nat), cell[0][1]),
            "spread": (min(n[0] for n in nat), max(n[0] for n in nat)),
            "nc": net[0], "cmds": (ncmd, ccmd, netcmd)}
