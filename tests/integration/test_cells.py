# SPDX-License-Identifier: GPL-2.0-only
"""Cells at run time: two RTOS cells side by side (with and without Sstc),
an SMP cell, SRST shutdown and reboot of one cell, every check of the
virtual SBI (the sbitest guest), and guests that break the rules.

Each layout is built once per session into $O/t-<name> (conftest's
build_layouts), all in parallel.  Every test reads numbers from the console
(ticks, check counts, addresses) and asserts on them.

The console multiplexer writes the focused cell (the first one) through
as it comes and closes its open line when another cell's line must go out,
so one guest line may arrive in pieces: cell_lines() joins them again.  The
layouts put a cell whose lines the test can lose one of first (an RTOS),
so the lines that matter (sbitest's) are collected and written whole;
test_hv_messages_are_whole_lines checks the focused cell's case.
"""
import bisect
import os
import re
import time

import pytest

from conftest import build_layouts
from fvqemu import ROOT, Qemu, qemu_cmd

RUN = "tests/layouts/run"
TWO_RTOS = "cells/qemu-riscv64-virt/two-rtos.c"
RTOS_SMP = "cells/qemu-riscv64-virt/rtos-smp.c"
STOP = f"{RUN}/two-rtos-stop.c"
RESET = f"{RUN}/two-rtos-reset.c"
SBITEST = f"{RUN}/sbitest-rtos.c"
FAULTS_A = f"{RUN}/faults-a.c"
FAULTS_B = f"{RUN}/faults-b.c"
MUX_FOCUS = f"{RUN}/mux-focus.c"
LAYOUTS = [TWO_RTOS, RTOS_SMP, STOP, RESET, FAULTS_A, FAULTS_B, MUX_FOCUS]
# The SBI checks' layout, with the SBI PMU (off by default) so that it is
# checked too.
SBITEST_CONFIG = "CONFIG_PMU=y"

NO_SSTC = "rv64,sstc=false"
TIMEBASE = 10_000_000           # QEMU virt
TICK = TIMEBASE // 1000         # the RTOS's default 1 ms tick, in timebase ticks

STATUS = re.compile(r"rtos: hart (\d+) tick (\d+) time (\d+) jitter min/avg/max "
                    r"(\d+)/(\d+)/(\d+) msgs (\d+) errors (\d+) miss (\d+)$")
BANNER = re.compile(r"rtos: [\d.]+ hart (\d+) timebase (\d+) timer (sstc|sbi) console (\w+)$")


@pytest.fixture(scope="module")
def images():
    return build_layouts(LAYOUTS)


# ---------------------------------------------------------------- console parsing

class Line:
    def __init__(self, pos, text):
        self.pos = pos          # offset of its first piece in the console text
        self.text = text


def cell_lines(text, cell, prefix):
    """The lines cell `cell` printed, each a Line.  Every line of our guests
    starts with `prefix` and has it nowhere else, so the cell's pieces are
    joined and cut again at each `prefix`, wherever the mux split them."""
    joined, starts = "", []          # starts: (offset in joined, console pos)
    for m in re.finditer(rf"^\[{re.escape(cell)}\] ([^\r\n]*)\r*$", text, re.M):
        starts.append((len(joined), m.start()))
        joined += m.group(1)
    cuts = [m.start() for m in re.finditer(re.escape(prefix), joined)]
    out = []
    for i, c in enumerate(cuts):
        pos = starts[bisect.bisect_right(starts, (c, len(text))) - 1][1]
        out.append(Line(pos, joined[c:cuts[i + 1] if i + 1 < len(cuts) else None]))
    return out


class Status:
    def __init__(self, line, m):
        self.pos = line.pos
        self.hart, self.tick, self.time = int(m[1]), int(m[2]), int(m[3])
        self.msgs, self.errors, self.miss = int(m[7]), int(m[8]), int(m[9])

    def __repr__(self):
        return f"<hart {self.hart} tick {self.tick} @{self.pos}>"


def statuses(text, cell, hart=None):
    out = []
    for line in cell_lines(text, cell, "rtos: "):
        m = STATUS.match(line.text)
        if m and (hart is None or int(m[1]) == hart):
            out.append(Status(line, m))
    return out


def banners(text, cell):
    return [m for m in (BANNER.match(l.text) for l in cell_lines(text, cell, "rtos: ")) if m]


def hv_message(text, msg):
    """Offsets of a hypervisor message.  Not anchored: a message can land in
    the middle of the focused cell's open line."""
    return [m.start() for m in re.finditer(re.escape(msg), text)]


def run_until(q, cond, timeout, what):
    """Read the console until cond(text) holds; fail with the log if not."""
    end = time.monotonic() + timeout
    while not cond(q.text()):
        left = end - time.monotonic()
        if left <= 0:
            raise AssertionError(f"timed out waiting for {what}\n--- console ---\n"
                                 f"{q.text()[-6000:]}")
        q.expect(r"\n", timeout=left)
    return q.text()


def boot(elf, cpu="rv64"):
    """Under -icount: ticks, periods and which cell prints when are then a
    function of the instructions run, not of how busy the host is."""
    return Qemu(qemu_cmd(elf, smp=4, mem="1G", cpu=cpu, icount=True), timeout=60)


def assert_ticking(st, every, what):
    """Status lines of one hart: the tick advances by about `every` per
    line, at the real period (Δtime/Δtick = 1 ms), with no errors."""
    assert st, f"{what}: no status lines"
    for a, b in zip(st, st[1:]):
        dt = b.tick - a.tick
        assert every // 2 <= dt <= 2 * every, f"{what}: tick {a.tick} -> {b.tick}"
        rate = (b.time - a.time) / dt
        assert 0.8 * TICK <= rate <= 1.25 * TICK, \
            f"{what}: {rate:.0f} timebase ticks per tick between {a} and {b}"
        assert b.msgs > a.msgs, f"{what}: messages stalled at {b}"
    assert all(s.errors == 0 for s in st), f"{what}: errors {[s.errors for s in st]}"


def assert_interleaved(a, b, name_a, name_b):
    """While `b` printed its lines, `a` printed several with advancing
    ticks: the two ran at the same time, not one after the other."""
    inside = [s for s in a if b[1].pos < s.pos < b[-2].pos]
    assert len(inside) >= 2, \
        f"{name_a} printed {len(inside)} lines between {name_b}'s 2nd and next-to-last"
    assert all(x.tick < y.tick for x, y in zip(inside, inside[1:]))


# ---------------------------------------------------------------- two RTOS cells

@pytest.mark.parametrize("cpu,timer", [("rv64", "sstc"), (NO_SSTC, "sbi")],
                         ids=["sstc", "no-sstc"])
def test_two_rtos_run_together(images, cpu, timer):
    with boot(images[TWO_RTOS], cpu) as q:
        text = run_until(q, lambda t: min(len(statuses(t, "rtos0")),
                                          len(statuses(t, "rtos1"))) >= 7,
                         40, "7 status lines from each cell")
    for cell in ("rtos0", "rtos1"):
        b = banners(text, cell)
        assert len(b) == 1, f"{cell}: {len(b)} banners"
        # without Sstc the guest's timer goes through SBI set_timer, emulated
        assert b[0][3] == timer, f"{cell}: timer {b[0][3]}, expected {timer}"
        assert_ticking(statuses(text, cell), 200, cell)
    s0, s1 = statuses(text, "rtos0"), statuses(text, "rtos1")
    assert_interleaved(s0, s1, "rtos0", "rtos1")
    assert_interleaved(s1, s0, "rtos1", "rtos0")
    assert "stopped" not in text and "restarting" not in text


def test_rtos_smp_second_vhart(images):
    with boot(images[RTOS_SMP]) as q:
        text = run_until(q, lambda t: min(len(statuses(t, "rtos", 0)),
                                          len(statuses(t, "rtos", 1))) >= 6,
                         40, "6 status lines from each vhart")
    b = banners(text, "rtos")
    assert len(b) == 1 and b[0][1] == "0"
    assert any(l.text == "rtos: hart 1 online" for l in cell_lines(text, "rtos", "rtos: "))
    assert re.search(r"config .* harts 2/2", text)
    h0, h1 = statuses(text, "rtos", 0), statuses(text, "rtos", 1)
    assert_ticking(h0, 200, "vhart 0")
    assert_ticking(h1, 200, "vhart 1")
    assert_interleaved(h0, h1, "vhart 0", "vhart 1")


# ---------------------------------------------------------------- SRST

def test_srst_shutdown_stops_only_its_cell(images):
    stop0, stop1 = ("cell rtos0: stopped (shutdown by its guest)",
                    "cell rtos1: stopped (shutdown by its guest)")
    with boot(images[STOP]) as q:
        q.expect(re.escape(stop0), timeout=30)
        # rtos1 (stop_after=12) goes on, then stops too: QEMU powers off
        text = q.wait_exit(timeout=30)
    assert len(hv_message(text, stop0)) == 1 and len(hv_message(text, stop1)) == 1
    at0, at1 = hv_message(text, stop0)[0], hv_message(text, stop1)[0]
    off = hv_message(text, "all cells stopped: powering off")
    assert len(off) == 1 and off[0] > at1 > at0

    s0, s1 = statuses(text, "rtos0"), statuses(text, "rtos1")
    assert len(s0) == 3, f"rtos0 (stop_after=3) printed {len(s0)} status lines"
    assert len(s1) == 12, f"rtos1 (stop_after=12) printed {len(s1)} status lines"
    assert_ticking(s0, 100, "rtos0")
    assert_ticking(s1, 100, "rtos1")
    # nothing from rtos0 after its stop; rtos1 ticks on meanwhile
    assert all(l.pos < at0 for l in cell_lines(text, "rtos0", "rtos: "))
    after = [s for s in s1 if at0 < s.pos < at1]
    assert len(after) >= 3, f"rtos1 printed {len(after)} status lines after rtos0 stopped"
    assert after[0].tick > max(s.tick for s in s1 if s.pos < at0)
    assert "restarting" not in text and "fault" not in text


def test_srst_reboot_restarts_only_its_cell(images):
    restart = "cell rtos0: restarting"
    with boot(images[RESET]) as q:
        # reset_after=2: it reboots every 2 status lines; watch two reboots
        # and the lines after them
        text = run_until(q, lambda t: len(hv_message(t, restart)) >= 2 and
                         any(s.pos > hv_message(t, restart)[1] for s in statuses(t, "rtos0"))
                         and any(s.pos > hv_message(t, restart)[1]
                                 for s in statuses(t, "rtos1")),
                         40, "two restarts of rtos0")
    # the first two restarts: the console may already hold a third, whose
    # lines after it have not all come yet
    r = hv_message(text, restart)
    end = r[2] if len(r) > 2 else len(text)
    r = r[:2]
    s0, s1 = statuses(text, "rtos0"), statuses(text, "rtos1")
    s0 = [s for s in s0 if s.pos < end]

    # rtos0 booted again after each restart: banner and a tick from scratch
    booted = [l for l in cell_lines(text, "rtos0", "rtos: ") if BANNER.match(l.text)]
    assert len([l for l in booted if l.pos < end]) == len(r) + 1
    for i, at in enumerate(r):
        before = [s for s in s0 if s.pos < at and (i == 0 or s.pos > r[i - 1])]
        after = [s for s in s0 if s.pos > at]
        assert len(before) == 2, \
            f"rtos0 printed {len(before)} status lines before restart {i + 1}"
        assert after[0].tick <= 150 < before[-1].tick, \
            f"rtos0's tick after restart {i + 1}: {after[0].tick} (before: {before[-1].tick})"
        assert_ticking(before, 100, f"rtos0 before restart {i + 1}")

    # rtos1 never noticed: one banner, its tick grows straight through
    assert len(banners(text, "rtos1")) == 1
    assert_ticking(s1, 100, "rtos1")
    assert any(s.pos > r[-1] for s in s1) and any(s.pos < r[0] for s in s1)
    assert s1[-1].tick > max(s.tick for s in s0)
    assert "stopped" not in text


# ---------------------------------------------------------------- the virtual SBI

# Every check sbitest makes (cells/guests/sbitest/checks.c), each once.
SBI_CHECKS = """
base.spec_version base.impl_id base.impl_version base.mvendorid base.marchid
base.mimpid base.unknown_fid
probe.base probe.time probe.ipi probe.rfence probe.hsm probe.srst probe.dbcn
probe.legacy_set_timer probe.legacy_putchar probe.legacy_getchar
probe.legacy_clear_ipi probe.legacy_send_ipi probe.legacy_remote_fence_i
probe.legacy_remote_sfence_vma probe.legacy_remote_sfence_vma_asid
probe.legacy_shutdown probe.legacy_09 probe.susp probe.pmu probe.cppc
probe.unknown probe.ferrovisor probe.fwft probe.dbtr
ext.unknown fv.ring_past_last fv.ring_huge fv.take_past_last fv.take_ring_past_last
fv.take_ring_back_huge fv.unknown_fid
ext.legacy_reserved ext.legacy_09 ext.legacy_09_a1
hsm.vharts hsm.status_self hsm.status_v1_stopped hsm.status_outside
hsm.status_huge hsm.start_outside hsm.start_bad_addr hsm.start_below_ram
hsm.start_self hsm.status_v1_still_stopped hsm.start_v1 hsm.v1_up hsm.v1_a0
hsm.v1_a1 hsm.start_running hsm.status_v1_started rfence.fence_i_v1
rfence.sfence_vma_v1 ipi.to_v1 ipi.v1_received hsm.v1_stopped hsm.restart_v1
hsm.v1_up_again hsm.v1_stopped_again
ipi.self ipi.self_arrives ipi.all ipi.all_arrives ipi.stopped_v1
ipi.stopped_v1_not_here ipi.outside_mask ipi.outside_mask_silent
ipi.outside_base ipi.outside_base_silent ipi.outside_high ipi.empty_mask
ipi.empty_mask_silent ipi.unknown_fid
rfence.fence_i_all rfence.sfence_vma_all rfence.sfence_vma_asid_all
rfence.fence_i_self rfence.fence_i_outside rfence.sfence_vma_outside
rfence.hfence_gvma_vmid rfence.hfence_gvma rfence.hfence_vvma_asid
rfence.hfence_vvma
time.set_timer time.set_timer_irq time.set_timer_not_early legacy.set_timer
legacy.set_timer_irq legacy.set_timer_not_early time.cancel time.unknown_fid
hsm.suspend_retentive hsm.suspend_woken_by_timer hsm.suspend_wide_type
hsm.suspend_wide_type_woken hsm.suspend_reserved_1 hsm.suspend_reserved_top
hsm.suspend_reserved_nonret hsm.suspend_reserved_nonret_top
hsm.suspend_wide_reserved hsm.suspend_platform hsm.suspend_platform_nonret
hsm.suspend_nonret_bad_addr
hsm.suspend_nonret hsm.suspend_nonret_a0 hsm.suspend_nonret_a1
hsm.suspend_nonret_satp hsm.suspend_nonret_sie hsm.suspend_nonret_wide
hsm.v1_suspend_start hsm.v1_suspend_suspended hsm.v1_suspend_stays_suspended
susp.denied hsm.v1_suspend_wake hsm.v1_suspend_resumed hsm.v1_suspend_ret
hsm.v1_suspend_stopped
hsm.v1_nonret_start hsm.v1_nonret_suspended hsm.v1_nonret_stays_suspended
hsm.v1_nonret_wake hsm.v1_nonret_resumed hsm.v1_nonret_ret hsm.v1_nonret_a0
hsm.v1_nonret_a1 hsm.v1_nonret_satp hsm.v1_nonret_sie hsm.v1_nonret_stopped
susp.reserved_type susp.platform_type susp.wide_reserved_type susp.unknown_fid
susp.bad_addr susp.suspend_to_ram susp.suspend_to_ram_a0 susp.suspend_to_ram_a1
susp.suspend_to_ram_satp susp.suspend_to_ram_sie
fwft.misaligned_get fwft.misaligned_off_no_trap fwft.misaligned_off_value
fwft.misaligned_set fwft.misaligned_get_set fwft.wide_feature fwft.bad_value
fwft.bad_flags fwft.lock fwft.locked_set fwft.locked_get fwft.locked_no_trap
fwft.lp_get fwft.lp_set fwft.lp_get_set fwft.lp_clear
fwft.ss_get fwft.ss_set fwft.ss_get_set fwft.ss_clear
fwft.dt_get fwft.dt_set fwft.dt_get_set fwft.dt_clear
fwft.ad_get fwft.ad_set fwft.ad_get_set fwft.ad_clear
fwft.pmlen_get fwft.pmlen_set fwft.pmlen_get_set fwft.pmlen_clear
fwft.reserved fwft.platform fwft.global fwft.set_reserved fwft.unknown_fid
pmu.num_counters pmu.info_cycle pmu.info_outside pmu.match_cycles
pmu.cycles_count pmu.start_started pmu.stop pmu.stop_stopped pmu.match_instret
pmu.stop_reset pmu.match_unknown_event pmu.start_outside pmu.fw_match
pmu.fw_read pmu.fw_read_hi pmu.fw_stop pmu.snapshot pmu.snapshot_shmem
pmu.start_from_snapshot pmu.stop_take_snapshot pmu.unknown_fid
dbtr.num_triggers dbtr.num_mcontrol6 dbtr.install_no_shmem
dbtr.shmem_misaligned dbtr.shmem_hi dbtr.setup_shmem dbtr.install_m_mode
dbtr.install dbtr.breakpoint_fires dbtr.breakpoint_epc dbtr.update
dbtr.updated_quiet dbtr.update_back dbtr.updated_fires dbtr.disable
dbtr.disabled_quiet dbtr.enable dbtr.enabled_fires dbtr.uninstall
dbtr.uninstalled_quiet dbtr.uninstall_again dbtr.shmem_off dbtr.unknown_fid
dbcn.write dbcn.write_outside dbcn.write_straddle_end dbcn.write_straddle_start
dbcn.write_hi dbcn.write_hi_1 dbcn.write_wrap dbcn.write_wrap_top
dbcn.write_past_end dbcn.write_huge dbcn.read_outside dbcn.read_wrap
dbcn.read_huge dbcn.read_hi dbcn.read dbcn.unknown_fid dbcn.write_byte
srst.bad_type srst.bad_reason srst.wide_bad_type srst.wide_bad_reason
srst.impl_reason srst.vendor_reason srst.unknown_fid
legacy.getchar legacy.putchar legacy.keeps_a1
legacy.clear_ipi_pending legacy.clear_ipi legacy.clear_ipi_cleared
legacy.send_ipi legacy.send_ipi_arrives legacy.send_ipi_null
legacy.send_ipi_null_arrives legacy.send_ipi_outside legacy.send_ipi_outside_arrives
legacy.send_ipi_empty legacy.send_ipi_empty_arrives legacy.send_ipi_misaligned
legacy.send_ipi_misaligned_arrives
legacy.remote_fence_i legacy.remote_fence_i_null legacy.remote_fence_i_outside
legacy.remote_sfence_vma legacy.remote_sfence_vma_null legacy.remote_sfence_vma_outside
legacy.remote_sfence_vma_asid legacy.remote_sfence_vma_asid_null
legacy.remote_sfence_vma_asid_outside
legacy.send_ipi_bad_ptr legacy.remote_fence_i_bad_ptr legacy.remote_sfence_vma_bad_ptr
legacy.remote_sfence_vma_asid_bad_ptr legacy.send_ipi_below_ram
legacy.remote_fence_i_below_ram legacy.remote_sfence_vma_below_ram
legacy.remote_sfence_vma_asid_below_ram legacy.send_ipi_device legacy.remote_fence_i_device
legacy.remote_sfence_vma_device legacy.remote_sfence_vma_asid_device
legacy.send_ipi_va legacy.send_ipi_va_arrives legacy.remote_sfence_vma_va
legacy.send_ipi_unmapped legacy.remote_fence_i_unmapped legacy.remote_sfence_vma_unmapped
legacy.remote_sfence_vma_asid_unmapped
legacy.v1_start legacy.v1_up legacy.remote_fence_i_v1 legacy.remote_sfence_vma_v1
legacy.remote_sfence_vma_asid_v1 legacy.send_ipi_v1 legacy.v1_received legacy.v1_stopped
exc.vs_csrr_hstatus exc.vu_csrr_hstatus exc.vs_csrw_hgatp exc.vu_csrw_hgatp
exc.vs_hfence_vvma exc.vu_hfence_vvma exc.vs_csrr_hpmcounter31
exc.vu_csrr_hpmcounter31 exc.vs_sie_saved
mmio.lsr_idle mmio.sb_s3_lbu_a0 mmio.lb_a0_signed mmio.lb_s1_signed mmio.lbu_s2
mmio.sb_a1_lb_a0 mmio.sb_a1_lb_s1 mmio.scr_cleared
""".split()

# Every line sbitest may print in a good run.
SBI_LINE = re.compile(r"sbitest: (?:[\w.]+ ok|[\w.]+ FAIL \S+ \S+|info impl_version 0x[0-9a-f]+|"
                      r"info pmu_counters \d+|"
                      r"start vhart 0 vharts \d+ sstc (?:yes|no) timebase \d+ ram \S+ bad none|"
                      r"vhart 1 up|done pass=\d+ fail=\d+)$")


def version_code():
    with open(os.path.join(ROOT, "Makefile")) as f:
        major, minor, patch = re.search(r"^VERSION := (\d+)\.(\d+)\.(\d+)$", f.read(),
                                        re.M).groups()
    return (int(major) << 16) | (int(minor) << 8) | int(patch)


@pytest.mark.parametrize("cpu,sstc", [("rv64", "yes"), (NO_SSTC, "no")],
                         ids=["sstc", "no-sstc"])
def test_sbitest_every_check_passes(cpu, sstc):
    stopped = "cell sbi: stopped (shutdown by its guest)"
    with boot(build_layouts([SBITEST], SBITEST_CONFIG)[SBITEST], cpu) as q:
        q.expect(re.escape(stopped), timeout=40)
        at = q.text().index(stopped)
        text = run_until(q, lambda t: len([s for s in statuses(t, "rtos") if s.pos > at]) >= 3,
                         20, "3 RTOS status lines after the sbi cell stopped")
    lines = [l.text for l in cell_lines(text, "sbi", "sbitest: ")]
    odd = [l for l in lines if not SBI_LINE.match(l)]
    assert not odd, f"unexpected lines from the sbi cell (a leak?): {odd}\n{text[-6000:]}"
    fails = [l for l in lines if " FAIL " in l]
    assert not fails, "failed checks:\n" + "\n".join(fails)

    ok = [l.split()[1] for l in lines if l.endswith(" ok")]
    dup = sorted({c for c in ok if ok.count(c) > 1})
    assert not dup, f"checks reported twice: {dup}"
    missing = sorted(set(SBI_CHECKS) - set(ok))
    extra = sorted(set(ok) - set(SBI_CHECKS))
    assert not missing and not extra, \
        f"missing {missing}, unknown {extra}\n--- console ---\n{text[-6000:]}"
    done = [re.match(r"sbitest: done pass=(\d+) fail=(\d+)$", l) for l in lines]
    done = [m for m in done if m]
    assert len(done) == 1
    assert (int(done[0][1]), int(done[0][2])) == (len(SBI_CHECKS), 0)

    start = [l for l in lines if l.startswith("sbitest: start")]
    assert len(start) == 1 and f" vharts 2 sstc {sstc} " in start[0], start
    assert "ram 0x80000000-0x81000000" in start[0]
    assert lines.count("sbitest: vhart 1 up") == 1
    impl = [int(l.split()[-1], 16) for l in lines if l.startswith("sbitest: info impl_version")]
    assert impl == [version_code()], f"impl_version {impl}, Makefile VERSION {version_code():#x}"

    # only the sbi cell stopped, the RTOS ticks on
    events = re.findall(r"cell (\w+): (?!starting|totals)([^\r\n]*)", text)
    assert events == [("sbi", "stopped (shutdown by its guest)")], events
    st = statuses(text, "rtos")
    assert_ticking(st, 100, "rtos")
    assert st[-1].tick > max(s.tick for s in st if s.pos < at)


# ---------------------------------------------------------------- guests that break the rules

FAULT_WHAT = {
    "store": "store outside the cell",
    "load": "load outside the cell",
    "exec": "instruction fetch outside the cell",
    "mmio": "refused load from an emulated device",
}
BAD_LINE = re.compile(r"sbitest: vhart (\d+) bad (\w+) addr (0x[0-9a-f]+) pc (0x[0-9a-f]+)$")


# (layout, {cell: (bad mode, vhart that does it)})
@pytest.mark.parametrize("layout,cells", [
    (FAULTS_A, {"store": ("store", 1), "load": ("load", 0)}),
    (FAULTS_B, {"exec": ("exec", 0), "mmio": ("mmio", 0)}),
], ids=["store-load", "exec-mmio"])
def test_bad_access_stops_the_cell(images, layout, cells):
    def stop_msg(c):
        return f"cell {c}: stopped by its fault policy"

    def done(t):
        stops = [hv_message(t, stop_msg(c)) for c in cells]
        if not all(stops):
            return False
        last = max(s[0] for s in stops)
        return len([s for s in statuses(t, "rtos") if s.pos > last]) >= 3

    with boot(images[layout]) as q:
        text = run_until(q, done, 40, "both cells stopped and 3 RTOS lines after")

    first_fault = len(text)
    for cell, (what, vhart) in cells.items():
        lines = [l.text for l in cell_lines(text, cell, "sbitest: ")]
        bad = [m for m in map(BAD_LINE.match, lines) if m]
        assert len(bad) == 1, f"{cell}: {lines}"
        assert (int(bad[0][1]), bad[0][2]) == (vhart, what)
        addr, pc = bad[0][3], bad[0][4]
        if what == "exec":
            assert addr == pc == "0x90000000"
        elif what != "mmio":
            assert addr == "0x90000000"
        fault = f"cell {cell}: vhart {vhart}: {FAULT_WHAT[what]} at {addr}, pc {pc}"
        at = hv_message(text, fault)
        assert len(at) == 1, f"no {fault!r} in the console:\n{text[-4000:]}"
        stop = hv_message(text, stop_msg(cell))
        assert len(stop) == 1 and stop[0] > at[0]
        first_fault = min(first_fault, at[0])
        # the cell is gone: nothing after the fault, and no survivor report
        assert not any("survived" in l or "still running" in l for l in lines)
        assert all(l.pos < at[0] for l in cell_lines(text, cell, "sbitest: "))
        assert len(hv_message(text, f"cell {cell}: ")) == 4   # start, fault, stop, totals

    st = statuses(text, "rtos")
    assert_ticking(st, 100, "rtos")
    assert any(s.pos < first_fault for s in st), "the RTOS did not tick before the faults"
    assert "restarting" not in text


def test_hv_messages_are_whole_lines(images):
    """A cell's fault or stop is reported on a line of its own, even when
    the focused cell (written through, here a chatty RTOS) is mid-line,
    and that cell's line goes on under its tag."""
    msgs = ["cell exec: vhart 0: instruction fetch outside the cell at 0x90000000, "
            "pc 0x90000000", "cell exec: stopped by its fault policy",
            "cell load: stopped by its fault policy",
            "cell sbi: stopped (shutdown by its guest)"]
    with boot(images[MUX_FOCUS]) as q:
        text = run_until(q, lambda t: all(hv_message(t, m) for m in msgs) and
                         len([s for s in statuses(t, "rtos")
                              if s.pos > hv_message(t, msgs[-1])[0]]) >= 3,
                         40, "the faults, the shutdown and 3 RTOS lines after")
    # the load's pc is the guest's: take it from the guest's own line
    bad = [m for m in map(BAD_LINE.match, (l.text for l in cell_lines(text, "load", "sbitest: ")))
           if m]
    assert len(bad) == 1
    msgs.append(f"cell load: vhart 0: load outside the cell at 0x90000000, pc {bad[0][4]}")
    body = text[text.index("cell rtos: starting"):].replace("\r", "").split("\n")
    for m in msgs:
        if m not in body:
            pytest.fail(f"{m!r} is not a line of its own:\n" +
                        "\n".join(repr(l) for l in body if m in l))
    # every console line is a cell's (tagged) or the hypervisor's
    stray = [l for l in body[:-1]
             if l and not re.match(r"\[\w+\] |cell \w+: |memory: \d+ KiB in use", l)]
    assert not stray, f"untagged lines: {stray[:5]}"
    st = statuses(text, "rtos")
    assert len(st) >= 20 and all(s.errors == 0 for s in st)
    assert all(a.tick < b.tick for a, b in zip(st, st[1:]))
