# SPDX-License-Identifier: GPL-2.0-only
"""The sbitest guest natively on OpenSBI, and the same image in a cell: the
two runs must agree check by check, except where the table below says why
they may not.

Natively the guest runs in S-mode of a 2-hart QEMU virt without the H
extension (`-cpu rv64,h=false`: a board as a cell's guest sees it), on
OpenSBI 1.5.1 (fw_dynamic); in a cell it runs as test_cells.py boots it
(tests/layouts/run/sbitest-rtos.c).  Both under -icount.  The guest tells
the two apart by BASE's implementation ID; natively it skips the checks
that would hand the firmware an address outside RAM (OpenSBI would read
there, or start a hart there, and the machine would fault) and those of
an extension BASE does not report.

In the cell every check passes (test_cells.py asserts that too).  Natively
a check must pass, or give exactly the result NATIVE_DIFFERS gives for it,
or be skipped where NATIVE_SKIPS says so; nothing else.  `pytest -s`
prints the comparison.
"""
import os
import re
import subprocess

import pytest

from conftest import build_layouts
from fvqemu import BUILD, ROOT, Qemu, have_qemu, qemu_cmd
from test_cells import (RUN, SBI_CHECKS, SBITEST, SBITEST_CONFIG, assert_ticking, boot,
                        cell_lines, run_until, statuses)

pytestmark = pytest.mark.skipif(not have_qemu(), reason="QEMU or OpenSBI missing")

GUEST_SRC = os.path.join(ROOT, "cells", "guests", "sbitest")
LEGACY_SHUTDOWN = f"{RUN}/sbitest-legacy.c"
OUT = os.path.join(BUILD, "guests", "sbitest")

LEGACY_MASK_CALLS = ("send_ipi", "remote_fence_i", "remote_sfence_vma",
                     "remote_sfence_vma_asid")

# check -> (what the native run gives, why the spec lets it differ or why
# the native firmware is the one that deviates)
NATIVE_DIFFERS = {
    "base.impl_id": ("FAIL 1 0x4656",
                     "OpenSBI's implementation ID; the cell gives Ferrovisor's (the spec "
                     "leaves it to the implementation)"),
    "probe.susp": ("FAIL 0 1",
                   "OpenSBI on QEMU virt has no system-suspend device, so no SUSP; the cell "
                   "suspends itself (the extension is optional)"),
    "probe.ferrovisor": ("FAIL 0 1", "our own extension: only in a cell"),
    "fv.ring_past_last": ("FAIL -2 -3", "our own extension: only in a cell"),
    "fv.ring_huge": ("FAIL -2 -3", "our own extension: only in a cell"),
    "fv.take_past_last": ("FAIL -2 -3", "our own extension: only in a cell"),
    "fv.take_ring_past_last": ("FAIL -2 -3", "our own extension: only in a cell"),
    "fv.take_ring_back_huge": ("FAIL -2 -3", "our own extension: only in a cell"),
    "ipi.outside_mask": ("FAIL 0 -3",
                         "OpenSBI 1.5.1 skips mask bits of harts that do not exist; the spec "
                         "wants INVALID_PARAM for a hart that is not valid"),
    "ipi.outside_mask_silent": ("FAIL 1 0",
                                "the same call: OpenSBI sent the IPI to the valid hart of the "
                                "mask; the spec's error means nothing is sent"),
    "ipi.outside_high": ("FAIL 0 -3", "as ipi.outside_mask"),
    "rfence.fence_i_outside": ("FAIL 0 -3", "as ipi.outside_mask"),
    "ipi.empty_mask": ("FAIL -3 0",
                       "OpenSBI checks hart_mask_base even for an empty mask; an empty mask "
                       "names no hart, so there is no invalid one"),
    "hsm.suspend_platform": ("FAIL -2 -3",
                             "OpenSBI answers NOT_SUPPORTED for a platform-specific type it "
                             "lacks; the spec says INVALID_PARAM (\"platform-specific and "
                             "unimplemented\")"),
    "hsm.suspend_platform_nonret": ("FAIL -2 -3", "as hsm.suspend_platform"),
    "dbcn.write_hi": ("FAIL -1 -3",
                      "OpenSBI answers FAILED for base_addr_hi != 0; the spec says "
                      "INVALID_PARAM for memory that does not satisfy the requirements"),
    "dbcn.write_hi_1": ("FAIL -1 -3", "as dbcn.write_hi"),
    "dbcn.read_hi": ("FAIL -1 -3", "as dbcn.write_hi"),
    "fwft.locked_set": ("FAIL -4 -14",
                        "OpenSBI 1.5.1 (before SBI 3.0 was final) answers DENIED for a "
                        "locked feature; SBI 3.0 says DENIED_LOCKED"),
    # v0.1 hart masks are pointers: OpenSBI reads them with the guest's
    # translation and gives the guest the load fault of a bad one (at the
    # ecall: the check reports 100 + its cause); the cell answers
    # INVALID_ADDRESS.  v0.1 leaves the error to the implementation.
    **{f"legacy.{c}_bad_ptr": ("FAIL 105 -5",
                               "0x90000000 is no memory: OpenSBI redirects the load access "
                               "fault to the guest; the cell gives INVALID_ADDRESS (v0.1: an "
                               "implementation-specific error)") for c in LEGACY_MASK_CALLS},
    **{f"legacy.{c}_unmapped": ("FAIL 113 -5",
                                "as legacy.*_bad_ptr, with Sv39 and the pointer unmapped: a "
                                "load page fault natively") for c in LEGACY_MASK_CALLS},
    **{f"legacy.{c}_device": ("FAIL 105 -5",
                              "the PLIC takes 32-bit accesses only: OpenSBI's 64-bit read of "
                              "the mask faults and the guest gets the access fault; the cell "
                              "refuses a device as a mask (INVALID_ADDRESS)")
       for c in LEGACY_MASK_CALLS},
    **{f"legacy.{c}_below_ram": ("FAIL 0 -5",
                                 "natively just below RAM is QEMU virt's PCIe MMIO window, "
                                 "which reads as a mask; in the cell it is no memory of "
                                 "its own") for c in LEGACY_MASK_CALLS},
    **{f"fwft.pmlen_{w}": ("FAIL -4 -2",
                           "OpenSBI 1.5.1 predates the pointer-masking feature (5) and calls "
                           "it reserved (DENIED); SBI 3.0 defines it, and without Ssnpm it is "
                           "NOT_SUPPORTED") for w in ("get", "set", "get_set", "clear")},
}

OUTSIDE_RAM = "an address outside RAM: OpenSBI would use it and the machine would fault"
NO_SUSP = "OpenSBI on QEMU virt has no SUSP (see probe.susp)"
NATIVE_SKIPS = {
    **{c: OUTSIDE_RAM for c in """
        hsm.start_bad_addr hsm.start_below_ram hsm.suspend_nonret_bad_addr
        dbcn.write_outside dbcn.write_straddle_end dbcn.write_straddle_start
        dbcn.write_wrap dbcn.write_wrap_top dbcn.write_past_end dbcn.write_huge
        dbcn.read_outside dbcn.read_wrap dbcn.read_huge""".split()},
    **{c: NO_SUSP for c in SBI_CHECKS if c.startswith("susp.")},
}

RESULT = re.compile(r"sbitest: ([\w.]+) (ok|FAIL \S+ \S+|skip)$")
NATIVE_LINE = re.compile(
    r"sbitest: (?:[\w.]+ ok|[\w.]+ FAIL \S+ \S+|[\w.]+ skip|info impl_version 0x[0-9a-f]+|"
    r"start vhart [01] vharts 2 sstc yes timebase 10000000 ram 0x80000000-0x90000000 bad none|"
    r"vhart [01] up|done pass=\d+ fail=\d+|info pmu_counters \d+|"
    r"shutdown with wide arguments returned -3)$")


def results(lines):
    """{check: 'ok' | 'FAIL <got> <expected>' | 'skip'}, each once."""
    out = {}
    for line in lines:
        m = RESULT.match(line)
        if m:
            assert m[1] not in out, f"{m[1]} reported twice"
            out[m[1]] = m[2]
    return out


def done(lines):
    d = [m for m in (re.match(r"sbitest: done pass=(\d+) fail=(\d+)$", l) for l in lines) if m]
    assert len(d) == 1, d
    return int(d[0][1]), int(d[0][2])


@pytest.fixture(scope="module")
def native():
    """The native run's lines (it powers off by itself: SRST)."""
    subprocess.run(["make", "-s", "-C", GUEST_SRC, f"O={OUT}"], check=True)
    cmd = qemu_cmd(os.path.join(OUT, "sbitest.elf"), smp=2, mem="256M",
                   cpu="rv64,h=false", icount=True)
    with Qemu(cmd, timeout=60) as q:
        text = q.wait_exit(timeout=60)
    return [l.rstrip("\r") for l in re.findall(r"^sbitest: [^\n]*", text, re.M)], text


@pytest.fixture(scope="module")
def in_cell():
    """The cell's run: its lines until it shut itself down (and the RTOS
    beside it printed 3 lines more: the sbi cell's last lines are out)."""
    elf = build_layouts([SBITEST], SBITEST_CONFIG)[SBITEST]
    stopped = "cell sbi: stopped (shutdown by its guest)"
    with boot(elf) as q:
        q.expect(re.escape(stopped), timeout=40)
        at = q.text().index(stopped)
        text = run_until(q, lambda t: len([s for s in statuses(t, "rtos") if s.pos > at]) >= 3,
                         20, "3 RTOS status lines after the sbi cell stopped")
    return [l.text for l in cell_lines(text, "sbi", "sbitest: ")], text


def test_native_run_is_whole(native):
    lines, text = native
    odd = [l for l in lines if not NATIVE_LINE.match(l)]
    assert not odd, f"unexpected native lines: {odd}\n{text[-4000:]}"
    got = results(lines)
    assert sorted(got) == sorted(SBI_CHECKS), \
        f"missing {sorted(set(SBI_CHECKS) - set(got))}, unknown {sorted(set(got) - set(SBI_CHECKS))}"
    passed, failed = done(lines)
    ran = [c for c, r in got.items() if r != "skip"]
    assert passed + failed == len(ran)
    assert failed == len([r for r in got.values() if r.startswith("FAIL")])
    # OpenSBI 1.5.1 refuses SRST arguments with bits above 31 set (the spec
    # types them uint32_t: the cell shuts down on that call), then the
    # plain shutdown powers the machine off
    assert lines[-1] == "sbitest: shutdown with wide arguments returned -3"


def test_native_and_cell_agree(native, in_cell):
    nat, cell = results(native[0]), results(in_cell[0])
    rows, bad = [], []
    for c in SBI_CHECKS:
        if c in NATIVE_SKIPS:
            want = "skip"
        else:
            want = NATIVE_DIFFERS.get(c, ("ok", ""))[0]
        if cell.get(c) != "ok":
            bad.append(f"{c}: in the cell {cell.get(c)}")
        if nat.get(c) != want:
            bad.append(f"{c}: natively {nat.get(c)}, expected {want}")
        if nat.get(c) != "ok":
            why = NATIVE_SKIPS.get(c) or NATIVE_DIFFERS.get(c, ("", "?"))[1]
            rows.append(f"  {c:34} native {nat.get(c):16} cell {cell.get(c)}: {why}")
    n_pass, n_fail = done(native[0])
    c_pass, c_fail = done(in_cell[0])
    print(f"\nsbitest: native {n_pass} passed, {n_fail} failed, "
          f"{len(NATIVE_SKIPS)} skipped; in a cell {c_pass} passed, {c_fail} failed")
    print("differences (allowed):\n" + "\n".join(rows))
    assert not bad, "\n".join(bad)
    assert c_fail == 0 and c_pass == len(SBI_CHECKS) >= n_pass + n_fail
    # the cell's PMU is the hart's: as many counters as natively
    info = [[l for l in run[0] if l.startswith("sbitest: info pmu_counters")]
            for run in (native, in_cell)]
    assert len(info[0]) == 1 and info[0] == info[1], info
    # every allowed difference still is one: a fixed one leaves the table
    assert all(nat.get(c) == NATIVE_DIFFERS[c][0] for c in NATIVE_DIFFERS)


def test_legacy_shutdown():
    """SBI v0.1 shutdown (0x08): natively OpenSBI powers the board off; in
    a cell it stops that cell only, and the RTOS beside it ticks on."""
    subprocess.run(["make", "-s", "-C", GUEST_SRC, f"O={OUT}"], check=True)
    cmd = qemu_cmd(os.path.join(OUT, "sbitest.elf"), smp=2, mem="256M",
                   cpu="rv64,h=false", append="checks=0 shutdown=legacy", icount=True)
    with Qemu(cmd, timeout=30) as q:
        text = q.wait_exit(timeout=30)
    assert "sbitest: start vhart" in text and "shutdown returned" not in text, text[-2000:]

    stopped = "cell sbi: stopped (shutdown by its guest)"
    with boot(build_layouts([LEGACY_SHUTDOWN])[LEGACY_SHUTDOWN]) as q:
        q.expect(re.escape(stopped), timeout=40)
        at = q.text().index(stopped)
        text = run_until(q, lambda t: len([s for s in statuses(t, "rtos") if s.pos > at]) >= 3,
                         20, "3 RTOS status lines after the sbi cell stopped")
    lines = [l.text for l in cell_lines(text, "sbi", "sbitest: ")]
    assert not [l for l in lines if "shutdown returned" in l], lines
    events = re.findall(r"cell (\w+): (?!starting|totals)([^\r\n]*)", text)
    assert events == [("sbi", "stopped (shutdown by its guest)")], events
    st = statuses(text, "rtos")
    assert_ticking(st, 100, "rtos")
    assert st[-1].tick > max(s.tick for s in st if s.pos < at)
