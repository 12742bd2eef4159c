#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""make bench's Linux initramfs: the demo's initramfs (ci/build-initramfs.sh,
untouched) followed by a second gzip'ed newc archive with our /init and
/bin/fvcount.  Linux unpacks the archives in turn and a later file replaces
an earlier one, so the bench runs the demo's busybox with its own /init.

    mkinitramfs.py OUT DEMO.cpio.gz INIT FVCOUNT
"""
import gzip
import os
import sys


def entry(name, mode, data, ino):
    name_b = name.encode() + b"\0"
    hdr = "070701" + "".join(f"{v:08x}" for v in (
        ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(name_b), 0))
    out = hdr.encode() + name_b
    out += b"\0" * (-len(out) % 4)
    out += data + b"\0" * (-len(data) % 4)
    return out


def main():
    out, demo, init, fvcount = sys.argv[1:5]
    files = [("init", 0o100755, open(init, "rb").read()),
             ("bin/fvcount", 0o100755, open(fvcount, "rb").read())]
    cpio = b"".join(entry(n, m, d, i + 1) for i, (n, m, d) in enumerate(files))
    cpio += entry("TRAILER!!!", 0, b"", 0)
    cpio += b"\0" * (-len(cpio) % 512)
    base = open(demo, "rb").read()
    base += b"\0" * (-len(base) % 512)
    with open(out + ".tmp", "wb") as f:
        f.write(base + gzip.compress(cpio, 9, mtime=0))
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()
