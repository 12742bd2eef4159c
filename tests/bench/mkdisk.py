#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""The bench guest's virtio-blk disk: 2 MiB whose every 512-byte sector
starts with its own number (64-bit little-endian) and is otherwise a
fixed pattern, so the guest can check each read (tests/bench/guest/arch/riscv/blk.c).
The same file backs QEMU's virtio-blk-device natively and, embedded with
BLK_IMAGE, the cell's EMU_VIRTIO_BLK (tests/bench/layouts/bench-io.c).

    tests/bench/mkdisk.py OUT
"""
import os
import struct
import sys

SIZE = 2 * 1024 * 1024
SECTOR = 512


def main():
    out = sys.argv[1]
    data = bytearray()
    for n in range(SIZE // SECTOR):
        data += struct.pack("<Q", n) + bytes((n + i) & 0xff for i in range(SECTOR - 8))
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out + ".tmp", "wb") as f:
        f.write(data)
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()
