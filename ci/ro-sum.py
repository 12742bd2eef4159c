#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Write the checksum of the image's read-only part into the image.

The monitor shows whether the hypervisor's text, read-only data and
embedded guest images are still what was built (an FNV-1a over
[hv_image_start, hv_ro_end), 8 bytes at a time).  Summing 4 MiB at every
boot cost 2.6 M instructions before the first guest instruction; the sum
is a property of the image, so the build computes it once, here, and
patches it into fv_ro_sum_built (in .data, outside the summed range).

usage: ro-sum.py NM ELF
"""
import struct
import subprocess
import sys

FNV_OFFSET, FNV_PRIME, MASK = 0xcbf29ce484222325, 0x100000001b3, (1 << 64) - 1


def symbols(nm, elf):
    out = {}
    for line in subprocess.run([nm, elf], capture_output=True, text=True,
                               check=True).stdout.splitlines():
        p = line.split()
        if len(p) == 3:
            out[p[2]] = int(p[0], 16)
    return out


def load_segments(data):
    """(paddr, file offset, filesz, memsz) of each PT_LOAD of an ELF64 LE."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        sys.exit("ro-sum: not a little-endian ELF64 file")
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    segs = []
    for i in range(phnum):
        p_type, _, p_off, _, p_paddr, p_filesz, p_memsz = struct.unpack_from(
            "<IIQQQQQ", data, phoff + i * phentsize)
        if p_type == 1:
            segs.append((p_paddr, p_off, p_filesz, p_memsz))
    return segs


def memory(data, segs, start, end):
    """The bytes the loader puts at [start, end): zero where nothing loads."""
    mem = bytearray(end - start)
    for addr, off, filesz, _ in segs:
        lo, hi = max(addr, start), min(addr + filesz, end)
        if lo < hi:
            mem[lo - start:hi - start] = data[off + lo - addr:off + hi - addr]
    return mem


def fnv(mem):
    h = FNV_OFFSET
    for (w,) in struct.iter_unpack("<Q", mem):
        h = ((h ^ w) * FNV_PRIME) & MASK
    return h


def main():
    nm, elf = sys.argv[1:3]
    syms = symbols(nm, elf)
    start, end, slot = syms["hv_image_start"], syms["hv_ro_end"], syms["fv_ro_sum_built"]
    with open(elf, "rb") as f:
        data = bytearray(f.read())
    segs = load_segments(data)
    # the hypervisor reads whole words: up to 7 bytes past hv_ro_end
    h = fnv(memory(data, segs, start, start + (end - start + 7) // 8 * 8))
    for addr, off, filesz, _ in segs:
        if addr <= slot and slot + 8 <= addr + filesz:
            struct.pack_into("<Q", data, off + slot - addr, h)
            break
    else:
        sys.exit("ro-sum: fv_ro_sum_built is not in a loaded part of the file")
    with open(elf, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
