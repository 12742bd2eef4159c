# SPDX-License-Identifier: GPL-2.0-only
"""Debian's own riscv64 kernel, unmodified, in the Linux cell.

Proof that nothing in the hypervisor depends on our kernel config: the
layout tests/layouts/run/debian-linux.c is the demo's (Linux on harts 1-2,
the RTOS on hart 3) with the kernel of Debian's linux-image-riscv64
(fetched by ci/fetch-debian-kernel.sh from sid, or trixie) and our
initramfs, in 512 MiB.  The Debian Image is ~35 MiB, so the hypervisor is
built with 64 MiB for itself and QEMU gets 2 GiB.

One boot serves every test of this file, in order; the last powers Linux
off.  The download is not optional: without the mirror (and nothing in the
cache) the tests fail, they do not skip.
"""
import os
import re
import subprocess
import time

import pytest

import fvqemu
from fvqemu import Qemu, qemu_cmd
from test_demo import RTOS_STATUS, linux_text, rtos_ticks, shell, wait_shell

LAYOUT = "tests/layouts/run/debian-linux.c"
CONFIG = 'CONFIG_HV_MEM_SIZE=0x4000000\nCONFIG_QEMU_MEM="2G"'
BOOT_TIMEOUT = 180   # ~10 s on an idle 2-core host; TCG on a loaded one is slow


def fetch_and_build(layout=LAYOUT, config=CONFIG):
    """(ferrovisor.elf, the Debian kernel's release), or (None, why not).
    test_perf_stat.py builds its own layout and configuration with it."""
    from conftest import _layout_dir, build_layout
    if not fvqemu.have_qemu():
        return None, "qemu-system-riscv64 or OpenSBI missing: run 'make deps'"
    # Fetched here rather than by make, to know the release and to fail
    # with the script's own words; make then finds the Image up to date.
    image = os.path.join(_layout_dir(layout, config), "guests", "debian", "Image")
    r = subprocess.run([os.path.join(fvqemu.ROOT, "ci", "fetch-debian-kernel.sh"), image],
                       capture_output=True, text=True)
    if r.returncode or not r.stdout.strip():
        errors = [l for l in r.stderr.splitlines() if l.startswith("error:")]
        return None, ("could not fetch Debian's riscv64 kernel (linux-image-riscv64 from "
                      "sid or trixie): is the Debian mirror reachable?\n" +
                      "\n".join(errors) + "\n--- ci/fetch-debian-kernel.sh ---\n" +
                      "\n".join(r.stderr.splitlines()[-20:]))
    try:
        return build_layout(layout, config), r.stdout.split()[-1]
    except pytest.fail.Exception as e:
        return None, str(e)


def boot_layout(layout=LAYOUT, config=CONFIG):
    """Generator for a fixture: QEMU running the layout, Linux's shell up,
    (Qemu, release, seconds to the shell); or, if the download, the build
    or the boot failed, why (a str the tests fail with, never a skip).
    test_perf_stat.py boots its own layout and configuration with it."""
    elf, release = fetch_and_build(layout, config)
    if elf is None:
        yield release
        return
    q = Qemu(qemu_cmd(elf, smp=4, mem="2G"), timeout=BOOT_TIMEOUT)
    start = time.time()
    try:
        try:
            q.expect(r"cell linux: starting on harts 1 2")
            nproc = wait_shell(q, q.pos(), timeout=BOOT_TIMEOUT)
            assert nproc == 2, f"ready (nproc {nproc})"
        except AssertionError as e:
            yield f"Debian {release} did not boot in its cell: {e}"
            return
        boot_s = time.time() - start
        print(f"\nDebian {release} in a cell ({os.path.basename(layout)}): "
              f"shell ready {boot_s:.1f} s after QEMU started")
        yield q, release, boot_s
    finally:
        q.close()


@pytest.fixture(scope="module")
def booted():
    """One boot for every test of this file, in order."""
    yield from boot_layout()


def up(booted):
    if isinstance(booted, str):
        pytest.fail(booted, pytrace=False)
    return booted


def test_it_is_debians_kernel(booted):
    q, release, _ = up(booted)
    # Linux has the focus, so another cell's line may cut its own: joined
    assert re.search(r"\[ *[\d.]+\] Linux version " + re.escape(release) +
                     r" \(debian-kernel@lists\.debian\.org\)", linux_text(q.text())), \
        "no Debian 'Linux version' banner in the boot log"
    uname = shell(q, "uname -r")
    assert uname == release, (uname, release)
    assert not uname.startswith("6.1."), "this is our own kernel, not Debian's"
    assert "Debian" in shell(q, "cat /proc/version")
    # the hypervisor stopped nothing and reported no fault
    assert not re.search(r"^cell \S+: (vhart|stopped|restarting)", q.text(), re.M), \
        q.text()[-3000:]


def test_linux_sees_only_its_cell(booted):
    q, _, _ = up(booted)
    assert shell(q, "nproc") == "2"
    assert re.findall(r"cpu@\d+", shell(q, "ls /proc/device-tree/cpus")) == ["cpu@0", "cpu@1"]
    kb = int(re.search(r"MemTotal:\s+(\d+) kB",
                       shell(q, "grep MemTotal /proc/meminfo")).group(1))
    assert 400 * 1024 < kb <= 512 * 1024, kb
    assert re.findall(r"memory@\S+", shell(q, "ls /proc/device-tree")) == ["memory@80000000"]
    assert shell(q, "ls /proc/device-tree/soc").split() == [
        "#address-cells", "#size-cells", "compatible", "name", "plic@c000000",
        "ranges", "serial@10000000"]


def test_rtos_keeps_ticking(booted):
    q, _, _ = up(booted)
    assert "[rtos] rtos: 0.1 hart 0" in q.text()
    after = q.pos()
    for _ in range(2):
        q.expect(RTOS_STATUS, timeout=30)
    ticks = rtos_ticks(q.text())
    assert len(ticks) >= 2 and ticks == sorted(ticks) and ticks[0] < ticks[-1], ticks
    assert rtos_ticks(q.text()[after:]), "no RTOS status line since Linux came up"
    assert not re.search(r"rtos: .*errors [1-9]", q.text())


def test_poweroff_stops_only_linux(booted):
    q, _, _ = up(booted)
    q.send("poweroff\n")
    q.expect(r"cell linux: stopped \(shutdown by its guest\)", timeout=60)
    after = q.pos()
    for _ in range(2):
        q.expect(RTOS_STATUS, timeout=30)
    ticks = rtos_ticks(q.text()[after:])
    assert len(ticks) >= 2 and ticks[0] < ticks[-1], ticks
    assert "[linux]" not in q.text()[after:]
    assert "all cells stopped" not in q.text()
