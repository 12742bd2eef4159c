# SPDX-License-Identifier: GPL-2.0-only
"""Linux's own `perf stat` in a cell, counting through the cell's virtual
SBI PMU (CONFIG_PMU=y); and, to show the test can fail, the same image
without CONFIG_PMU, where Linux finds no SBI PMU (its legacy driver still
counts cycles and instructions, so there the difference is the SBI PMU's
own events).

Why Debian's kernel (test_debian_kernel.py's, in the layout
tests/layouts/run/debian-perf.c, which adds /bin/perf to the demo
initramfs): it has perf events and the SBI PMU driver built in; our demo
kernel has neither.  perf is built from the kernel tree by
ci/build-perf.sh (static, cached in $FV_CACHE; ~4 min the first time).

The workload is a busybox shell loop of known size: every iteration runs
the shell's parser, `[` and an arithmetic expansion, which is far more
than MIN_INSNS_PER_ITER instructions, so a count below that bound means
the counter did not count the loop; ten times the loop must count more.
No timing is asserted (but see MAX_INSNS).
"""
import os
import re
import subprocess

import pytest

import fvqemu
from test_debian_kernel import CONFIG, boot_layout
from test_demo import RTOS_STATUS, rtos_ticks, shell

LAYOUT = "tests/layouts/run/debian-perf.c"
PMU_ON = CONFIG + "\nCONFIG_PMU=y"
PMU_OFF = CONFIG + "\n# CONFIG_PMU is not set"
ITERS = 20000
MIN_INSNS_PER_ITER = 100     # busybox ash runs thousands a turn
# Under TCG without -icount QEMU's cycle and instret tick with the host's
# clock (~2.4e9 a second here; the loop took 0.9 s on an idle host), so the
# upper bound is ~7 minutes of the loop: beyond it a count is garbage, not
# a slow host.
MAX_INSNS = 10 ** 12
# SBI firmware event 6, IPIs sent (the SBI PMU's "firmware" format term)
FW_EVENT = "cpu/firmware=2,event=6/"


def loop(q, iters):
    """The workload's command line.  The loop is a script file because
    perf echoes the command it ran, and shell() takes no '$' in output."""
    assert shell(q, "printf '%s\\n' 'i=0; while [ $i -lt $1 ]; do i=$((i+1)); done'"
                    " > /tmp/loop.sh && echo written") == "written"
    return f"sh /tmp/loop.sh {iters}"


def build_perf(config):
    """Build perf (or find it cached) into the layout's O dir, to fail with
    the script's own words rather than inside make; None, or why not."""
    from conftest import _layout_dir
    out = os.path.join(_layout_dir(LAYOUT, config), "guests", "linux", "perf")
    r = subprocess.run([os.path.join(fvqemu.ROOT, "ci", "build-perf.sh"), out],
                       capture_output=True, text=True)
    if r.returncode:
        return "ci/build-perf.sh failed:\n" + "\n".join(
            (r.stdout + r.stderr).splitlines()[-30:])
    return None


def boot(config):
    """Generator for a class fixture: (Qemu, release, seconds), or why not
    (str): perf built, then the Debian-kernel test's boot of our layout."""
    why = build_perf(config)
    if why:
        yield why
        return
    yield from boot_layout(LAYOUT, config)


def up(booted):
    if isinstance(booted, str):
        pytest.fail(booted, pytrace=False)
    return booted


def counts(out):
    """{event: count} from perf stat's human-readable output; a count that
    perf could not read stays a string ("<not supported>", ...)."""
    found = {}
    for m in re.finditer(r"(<not supported>|<not counted>|[\d,.]+)\s+(cycles|instructions)\b", out):
        v = m.group(1)
        found[m.group(2)] = v if v.startswith("<") else int(v.replace(",", "").replace(".", ""))
    return found


class TestPerfStatWithPmu:
    @pytest.fixture(scope="class")
    def booted(self):
        yield from boot(PMU_ON)

    def test_linux_found_the_sbi_pmu(self, booted):
        q, _, _ = up(booted)
        dmesg = shell(q, "dmesg | grep riscv-pmu-sbi")
        assert "SBI PMU extension is available" in dmesg, dmesg
        m = re.search(r"riscv-pmu-sbi: (\d+) firmware and (\d+) hardware counters", dmesg)
        assert m and int(m.group(2)) >= 2, dmesg

    def test_perf_stat_counts_a_loop(self, booted):
        q, _, _ = up(booted)
        out = shell(q, f"perf stat -e cycles,instructions -- {loop(q, ITERS)}", timeout=180)
        print(f"\nperf stat: {out}")
        c = counts(out)
        assert set(c) == {"cycles", "instructions"}, out
        for ev, v in c.items():
            assert isinstance(v, int), f"{ev}: {v}\n{out}"
        assert ITERS * MIN_INSNS_PER_ITER < c["instructions"] < MAX_INSNS, out
        assert c["cycles"] > 0, out

    def test_perf_stat_csv_grows_with_the_loop(self, booted):
        q, _, _ = up(booted)
        n = {}
        for iters in (ITERS // 10, ITERS):
            out = shell(q, f"perf stat -x, -e instructions -- {loop(q, iters)}", timeout=180)
            print(f"\nperf stat -x, ({iters} turns): {out}")
            m = re.search(r"(?:^|\s)(\d+),[^,\s]*,instructions\b", out)
            assert m, f"no count in perf's CSV output: {out}"
            n[iters] = int(m.group(1))
            assert iters * MIN_INSNS_PER_ITER < n[iters] < MAX_INSNS, out
        # ten times the turns, more instructions.  Not "about ten times":
        # under TCG without -icount, QEMU's cycle and instret tick with
        # the host's clock, so the counts are partly time (README, PMU).
        assert n[ITERS] > n[ITERS // 10], n

    def test_perf_stat_counts_a_firmware_event(self, booted):
        """An event only the SBI PMU has: a firmware counter, read with
        the virtual SBI's counter_fw_read (IPIs sent, counted by the
        firmware on the cell's harts)."""
        q, _, _ = up(booted)
        out = shell(q, f"perf stat -x, -e {FW_EVENT} -a -- sleep 1", timeout=180)
        print(f"\nperf stat -x, -e {FW_EVENT}: {out}")
        m = re.search(r"(?:^|\s)(\d+),[^,\s]*," + re.escape(FW_EVENT), out)
        assert m, f"no count in perf's CSV output: {out}"

    def test_rtos_keeps_ticking(self, booted):
        q, _, _ = up(booted)
        after = q.pos()
        for _ in range(2):
            q.expect(RTOS_STATUS, timeout=30)
        ticks = rtos_ticks(q.text()[after:])
        assert len(ticks) >= 2 and ticks[0] < ticks[-1], ticks
        assert not re.search(r"rtos: .*errors [1-9]", q.text())
        assert not re.search(r"^cell \S+: (vhart|stopped|restarting)", q.text(), re.M), \
            q.text()[-3000:]


class TestPerfStatWithoutPmu:
    """The same layout without CONFIG_PMU: the cell's SBI has no PMU, so
    Linux's SBI PMU driver does not come up.  Linux falls back to its
    legacy driver, which reads the cycle and instret CSRs directly (always
    readable by guests), so `perf stat -e cycles,instructions` still
    counts there; what goes is everything of the SBI PMU: its event
    format (firmware events) and its counters."""

    @pytest.fixture(scope="class")
    def booted(self):
        yield from boot(PMU_OFF)

    def test_linux_finds_no_sbi_pmu(self, booted):
        q, _, _ = up(booted)
        dmesg = shell(q, "dmesg | grep -i pmu")
        print(f"\ndmesg: {dmesg}")
        assert "SBI PMU extension is available" not in dmesg, dmesg
        assert not re.search(r"firmware and \d+ hardware counters", dmesg), dmesg
        assert "Legacy PMU implementation is available" in dmesg, dmesg

    def test_perf_has_no_sbi_events(self, booted):
        q, _, _ = up(booted)
        out = shell(q, f"perf stat -x, -e {FW_EVENT} -a -- sleep 1", timeout=180)
        print(f"\nperf stat -x, -e {FW_EVENT}: {out}")
        assert "unknown term 'firmware'" in out, out
