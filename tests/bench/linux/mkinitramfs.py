#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""make bench's Linux initramfs: the demo's initramfs (ci/build-initramfs.sh,
untouched) followed by a second gzip'ed newc archive with our /init and
/bin/fvcount.  Linux unpacks the archives in turn and a later file replaces
an earlier one, so the bench runs the demo's busybox with its own /init.
The perf test's initramfs is made the same way, with /bin/perf added.

    mkinitramfs.py OUT DEMO.cpio.gz INIT FVCOUNT
    mkinitramfs.py OUT DEMO.cpio.gz PATH=FILE...   (PATH in the archive)
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
    out, demo, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    if all("=" in a for a in rest):
        pairs = [a.split("=", 1) for a in rest]
    else:
        init, fvcount = rest
        pairs = [("init", init), ("bin/fvcount", fvcount)]
    files = [(name, 0o100755, open(path, "rb").read()) for name, path in pairs]
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
