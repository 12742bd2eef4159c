# SPDX-License-Identifier: GPL-2.0-only
"""A hostile guest of our own (issue 8, 3): cell "hostile"
(tests/guests/hostile) attacks the hypervisor, the firmware, the platform
and cell "victim" one attack at a time, while the victim (the RTOS with
guard=2048) ticks on and checks 2 MiB of its own RAM after every status
line.  Every attack must end in an SBI error, a fault that only restarts
the attacker (reported with cell, vhart, what, address and pc), or no
effect; the victim must tick and keep its guard through the whole run, and
the hypervisor's image must be intact at the end (the monitor's checksum).

It also has a virtio-blk disk and a virtio-net card (on a link with the
victim, whose card nobody drives) and breaks their rings one rule at a
time: a broken ring must set DEVICE_NEEDS_RESET, be reported once by the
hypervisor (`cell hostile: virtio-blk at <gpa>: <why>; the device needs a
reset`) and touch nothing outside the cell; a bad request must fail with
no byte moved; after each attack a reset and one valid request must work.

The attacker keeps its progress in a MEM_KEEP region, so each restart
resumes with the next attack; its lines are

    hostile: attack <n> <name> <addr>[ pc <pc>]     before trying it
    hostile: attack <n> <name> result <what>         if it survived

`pytest -s` shows a table: attack, outcome, whether the victim was intact.
"""
import os
import re

import pytest

import fvqemu
import test_cells as tc
import test_isolation as ti
from conftest import build_layouts

LAYOUT = "tests/layouts/run/hostile.c"
REBOOTS = 100

# The attacker's view of the machine (tests/guests/hostile/hostile.h).
VICTIM_RAM_HPA, VICTIM_RAM_GPA = 0x85000000, 0x80000000
VICTIM_GUARD = 0x85300000
PLATFORM_DTB = 0xbfe00000
HV_IMAGE = 0x80200000
BLK, NET = 0x1f010000, 0x1f011000        # the attacker's virtio-blk and virtio-net
DISK_BACKING = 0x84c00000
VICTIM_NET = 0x10001000
STORM = 10000


def fault(what, addr):
    return ("fault", what, addr)


def load(addr):
    return fault("load outside the cell", addr)


def store(addr):
    return fault("store outside the cell", addr)


def fetch(addr):
    return fault("instruction fetch outside the cell", addr)


def sbi(err):
    return ("result", f"err {err} val 0")


def read(val):
    return ("result", f"read {val:#x}")


def illegal(bits):
    """Back in the guest's own handler: illegal instruction, stval = bits."""
    return ("illegal", bits)


NOT_SUPPORTED, INVALID_PARAM, INVALID_ADDRESS, ALREADY_AVAILABLE = -2, -3, -5, -6
VPLIC_REFUSED = "refused load from an emulated device"

# VirtIO: every attack ends with a reset and one valid request, which must
# work (blk: sector 0 reads back what blk_write_sector0 wrote there).
READ_OK = "; reset: status 0xf read ok"
SENT_OK = "; reset: status 0xf sent ok"
OUTSIDE = "a buffer is outside the cell's memory"
NOT_WRITABLE = "a buffer the device writes is not writable memory of the cell"
AREA_OUTSIDE = "a queue area is outside the cell's memory"
BAD_SIZE = "queue size is not a power of two up to 256"
IOERR = "status 0xf isr 0x1 used 1 len 1 blk 1 data kept"


def blk(result, report=None):
    """A virtio-blk attack: its exact result (then the recovery), and the
    hypervisor's report (gpa, why) if the ring broke."""
    return ("virtio", re.escape(result + READ_OK), report)


def net(result, report=None):
    return ("virtio", re.escape(result + SENT_OK), report)


def broken_ring(why):
    """A chain or ring index breaking the rules once DRIVER_OK is set:
    NEEDS_RESET (0x40) and the configuration-change interrupt (isr bit 1)
    only: nothing used, so no used-buffer interrupt."""
    return ("virtio", r"status 0x4f isr 0x2 used 0" + re.escape(READ_OK), (BLK, why))


def broken_queue(why):
    """A queue setup the device refuses at QueueReady (before DRIVER_OK,
    so no interrupt): NEEDS_RESET, the queue not ready."""
    return blk("status 0x4b ready 0 isr 0x0", (BLK, why))

# Every attack, in the guest's order (tests/guests/hostile/attacks.c), and
# what it must come to.
EXPECTED = [
    ("load_victim", load(0x85000000)),
    ("store_victim_guard", store(VICTIM_GUARD)),
    ("fetch_victim", fetch(0x85200000)),
    ("load_hv", load(HV_IMAGE)),
    ("store_hv", store(HV_IMAGE + 0x1000)),
    ("fetch_hv", fetch(HV_IMAGE)),
    ("load_fw", load(0x80000000)),
    ("store_fw", store(0x80040000)),
    ("fetch_fw", fetch(0x80000000)),
    ("load_dtb", load(PLATFORM_DTB)),
    ("store_dtb", store(PLATFORM_DTB)),
    ("load_plic", load(0x0c000000)),
    ("store_plic_enable_victim", store(0x0c002280)),
    ("claim_plic_victim", load(0x0c205004)),
    ("load_clint_mtime", load(0x0200bff8)),
    ("store_clint_msip_victim", store(0x02000008)),
    ("store_clint_mtimecmp_victim", store(0x02004010)),
    ("load_uart", load(0x10000000)),
    ("store_uart", store(0x10000000)),
    ("load_below_ram", load(0x83fff000)),
    ("load_past_ram", load(0x84200000)),
    ("store_past_keep", store(0x84410000)),
    ("fetch_keep_nx", fetch(0x84401000)),
    ("load_past_uart", load(0x1f001000)),
    ("load_past_vplic", load(0x24000000)),
    ("load_null", load(0)),
    ("load_ram_end", load(0xc0000000)),
    ("store_ram_end", store(0xc0000000)),
    ("fetch_ram_end", fetch(0xc0000000)),
    ("load_4g", load(0x100000000)),
    ("load_beyond_sv39x4", load(1 << 41)),
    ("load_top", load(0xfffffffffffff000)),

    ("ipi_mask_beyond", sbi(INVALID_PARAM)),
    ("ipi_base_beyond", sbi(INVALID_PARAM)),
    ("ipi_victim_hart", sbi(INVALID_PARAM)),
    ("ipi_mask_ones", sbi(INVALID_PARAM)),
    ("ipi_base_huge", sbi(INVALID_PARAM)),
    ("ipi_base_wrap", sbi(INVALID_PARAM)),
    ("rfence_i_beyond", sbi(INVALID_PARAM)),
    ("rfence_vma_base_huge", sbi(INVALID_PARAM)),
    ("rfence_hfence_gvma_vmid", sbi(NOT_SUPPORTED)),
    ("rfence_hfence_gvma", sbi(NOT_SUPPORTED)),
    ("hsm_start_other", sbi(INVALID_PARAM)),
    ("hsm_start_victim_hart", sbi(INVALID_PARAM)),
    ("hsm_start_huge", sbi(INVALID_PARAM)),
    ("hsm_start_running", sbi(ALREADY_AVAILABLE)),
    ("hsm_start_at_victim", sbi(INVALID_ADDRESS)),
    ("hsm_start_at_hv", sbi(INVALID_ADDRESS)),
    ("hsm_start_at_fw", sbi(INVALID_ADDRESS)),
    ("hsm_start_at_keep_nx", sbi(INVALID_ADDRESS)),
    ("hsm_status_other", sbi(INVALID_PARAM)),
    ("hsm_suspend_reserved", sbi(INVALID_PARAM)),
    ("dbcn_write_victim", sbi(INVALID_PARAM)),
    ("dbcn_write_hv", sbi(INVALID_PARAM)),
    ("dbcn_write_fw", sbi(INVALID_PARAM)),
    ("dbcn_write_dtb", sbi(INVALID_PARAM)),
    ("dbcn_write_plic", sbi(INVALID_PARAM)),
    ("dbcn_write_vplic", sbi(INVALID_PARAM)),
    ("dbcn_write_high", sbi(INVALID_PARAM)),
    ("dbcn_write_wrap", sbi(INVALID_PARAM)),
    ("dbcn_write_len_wrap", sbi(INVALID_PARAM)),
    ("dbcn_write_past_ram", sbi(INVALID_PARAM)),
    ("dbcn_read_victim", sbi(INVALID_PARAM)),
    ("dbcn_read_hv", sbi(INVALID_PARAM)),
    ("dbcn_read_high", sbi(INVALID_PARAM)),
    ("unknown_ext", sbi(NOT_SUPPORTED)),
    ("unknown_base_fid", sbi(NOT_SUPPORTED)),
    ("pmu_ext", sbi(NOT_SUPPORTED)),
    ("unknown_time_fid", sbi(NOT_SUPPORTED)),
    ("legacy_send_ipi", sbi(INVALID_ADDRESS)),      # v0.1: a0 points to the mask
    ("legacy_remote_fence_i", sbi(INVALID_ADDRESS)),
    ("srst_reserved_type", sbi(INVALID_PARAM)),
    ("srst_type_high_bits", sbi(INVALID_PARAM)),
    ("srst_vendor_type", sbi(INVALID_PARAM)),
    ("srst_reserved_reason", sbi(INVALID_PARAM)),
    ("srst_unknown_fid", sbi(NOT_SUPPORTED)),
    ("set_timer_storm", ("result", f"calls {STORM} pending 0")),

    ("vplic_own_prio", read(7)),             # the control: our own IRQ 10
    ("vplic_foreign_prio", read(0)),
    ("vplic_prio_beyond", read(0)),
    ("vplic_own_enable", read(1 << 10)),     # all ones written: only IRQ 10 sticks
    ("vplic_enable_beyond", read(0)),
    ("vplic_ctx1_enable", read(0)),
    ("vplic_ctx1_threshold", read(0)),
    ("vplic_ctx1_claim", read(0)),
    ("vplic_ctx_last_claim", read(0)),
    ("vplic_window_end", read(0)),
    ("vplic_pending", read(0)),
    ("vplic_complete_foreign", read(0)),
    ("vplic_ctx1_complete", read(0)),
    ("vplic_load16", fault(VPLIC_REFUSED, 0x20200004)),
    ("vplic_load64_claim", fault(VPLIC_REFUSED, 0x20200000)),

    ("csrr_hstatus", illegal(0x60002573)),
    ("csrw_hgatp", illegal(0x68001073)),
    ("csrs_hvip", illegal(0x64552073)),
    ("csrw_hedeleg", illegal(0x60201073)),
    ("csrr_vsstatus", illegal(0x20002573)),
    ("csrw_vsatp", illegal(0x28001073)),
    ("csrr_mstatus", illegal(0x30002573)),
    ("csrr_mhartid", illegal(0xf1402573)),
    ("csrw_mtvec", illegal(0x30501073)),
    ("csrw_pmpaddr0", illegal(0x3b051073)),
    ("csrr_dcsr", illegal(0x7b002573)),
    ("csrr_hpmcounter3", illegal(0xc0302573)),
    ("hfence_gvma", illegal(0x62000073)),
    ("hfence_vvma", illegal(0x22000073)),
    ("hlv_d_victim", illegal(0x6c054573)),
    ("hsv_d_victim", illegal(0x6ea54073)),
    ("mret", illegal(0x30200073)),
    ("insn_zero", illegal(0)),

    # VirtIO (tests/guests/hostile/vio_attacks.c): the data path first
    ("blk_write_sector0", blk("status 0xf isr 0x1 used 1 len 1 blk 0")),
    # buffers outside the cell, or that the device would write where it may not
    ("blk_buf_victim_read", broken_ring(OUTSIDE)),
    ("blk_buf_victim_write", broken_ring(NOT_WRITABLE)),
    ("blk_buf_victim_zero_len", broken_ring(OUTSIDE)),
    ("blk_buf_hv_read", broken_ring(OUTSIDE)),
    ("blk_buf_hv_write", broken_ring(NOT_WRITABLE)),
    ("blk_buf_fw_write", broken_ring(NOT_WRITABLE)),
    ("blk_buf_dtb_read", broken_ring(OUTSIDE)),
    ("blk_buf_backing_write", broken_ring(NOT_WRITABLE)),
    ("blk_buf_past_ram", broken_ring(NOT_WRITABLE)),
    ("blk_buf_across_ram_end", broken_ring(NOT_WRITABLE)),
    ("blk_buf_ram_end", broken_ring(NOT_WRITABLE)),
    ("blk_buf_own_mmio", broken_ring(NOT_WRITABLE)),
    ("blk_buf_addr_wrap", broken_ring(NOT_WRITABLE)),
    ("blk_buf_len_huge", broken_ring(NOT_WRITABLE)),
    ("blk_buf_rom_write", broken_ring(NOT_WRITABLE)),
    ("blk_buf_rom_read", blk("status 0xf isr 0x1 used 1 len 1 blk 0")),   # the control
    # chains
    ("blk_chain_loop", broken_ring("a descriptor chain loops")),
    ("blk_chain_self_loop", broken_ring("a descriptor chain loops")),
    ("blk_chain_next_beyond", broken_ring("a descriptor's next index is outside the queue")),
    ("blk_chain_too_long", broken_ring("a descriptor chain is longer than the device takes")),
    ("blk_chain_read_after_write", broken_ring("a readable buffer follows a writable one")),
    ("blk_chain_indirect", broken_ring("an indirect descriptor (not offered)")),
    ("blk_chain_no_status", broken_ring("a request without its header or status byte")),
    # the available ring
    ("blk_avail_ahead", broken_ring("the available index ran more than a queue ahead")),
    ("blk_avail_behind", broken_ring("the available index ran more than a queue ahead")),
    ("blk_head_beyond", broken_ring("an available head is outside the queue")),
    ("blk_head_ffff", broken_ring("an available head is outside the queue")),
    # queue setup
    ("blk_queue_num_3", broken_queue(BAD_SIZE)),
    ("blk_queue_num_0", broken_queue(BAD_SIZE)),
    ("blk_queue_num_512", broken_queue(BAD_SIZE)),
    ("blk_ring_desc_victim", broken_queue(AREA_OUTSIDE)),
    ("blk_ring_avail_hv", broken_queue(AREA_OUTSIDE)),
    ("blk_ring_used_hv", broken_queue(AREA_OUTSIDE)),
    ("blk_ring_used_rom", broken_queue(AREA_OUTSIDE)),
    ("blk_ring_used_across_end", broken_queue(AREA_OUTSIDE)),
    ("blk_ring_desc_wrap", broken_queue(AREA_OUTSIDE)),
    ("blk_ring_desc_misaligned", broken_queue("a queue area is not aligned")),
    # notifies the device cannot take: nothing happens, the request waits
    ("blk_notify_unset", blk("status 0xf isr 0x0 used 0")),
    ("blk_notify_queue_1", blk("status 0xf isr 0x0 used 0")),
    ("blk_notify_queue_huge", blk("status 0xf isr 0x0 used 0")),
    ("blk_queue_sel_beyond", blk("num_max 0 ready 0 status 0xf isr 0x0 used 0")),
    # requests the disk (128 sectors) must fail before any byte moves
    ("blk_read_past_end", blk(IOERR)),
    ("blk_read_across_end", blk(IOERR)),
    ("blk_read_sector_huge", blk(IOERR)),
    ("blk_write_sector_wrap", blk(IOERR)),     # sector * 512 wraps to sector 0
    ("blk_unknown_type", blk("status 0xf isr 0x1 used 1 len 1 blk 2 data kept")),
    ("blk_write_across_end", blk("status 0xf isr 0x1 used 2 len 1 blk 1 sector 127 kept")),
    # the window takes 32-bit accesses only; the disk's backing is not ours
    ("blk_load64_status", fault(VPLIC_REFUSED, BLK + 0x70)),
    ("load_disk_backing", load(DISK_BACKING)),
    # the network card: a frame outside the cell, a queue that does not
    # exist, then storms of frames too short (even for the virtio-net
    # header) and too long, dropped at the sender, and of good ones for
    # the victim's card, which nobody set up
    ("net_buf_victim", net("used 0 status 0x4f isr 0x2", (NET, OUTSIDE))),
    ("net_notify_queue_2", net("used 0 status 0xf isr 0x0")),
    ("net_storm_tiny", net(f"sent {STORM} used {STORM} status 0xf isr 0x1")),
    ("net_storm_header_only", net(f"sent {STORM} used {STORM} status 0xf isr 0x1")),
    ("net_storm_short", net(f"sent {STORM} used {STORM} status 0xf isr 0x1")),
    ("net_storm_long", net(f"sent {STORM} used {STORM} status 0xf isr 0x1")),
    ("net_storm_huge", net(f"sent {STORM} used {STORM} status 0xf isr 0x1")),
    ("net_storm_broadcast", net(f"sent {STORM} used {STORM} status 0xf isr 0x1")),
    ("net_storm_victim_mac", net(f"sent {STORM} used {STORM} status 0xf isr 0x1")),
    # and the data path at the end: what blk_write_sector0 wrote
    ("blk_read_sector0", blk('status 0xf isr 0x1 used 1 len 513 blk 0 "hostile sector 0" ok')),

    ("ipi_storm", ("result", f"sent {STORM} taken {STORM}")),
    ("timer_storm", ("result", f"taken {STORM}")),
    # 100 ms each: a plain busy loop (the control), then nothing but self
    # IPIs, then nothing but timer interrupts, each raised by the last one's
    # handler
    ("spin", ("result", "spun yes")),
    ("ipi_livelock", ("match", r"taken \d{4,}")),
    ("timer_livelock", ("match", r"taken \d{4,}")),
    ("reboot", ("reboots", REBOOTS)),
]

ATTACK = re.compile(r"hostile: attack (\d+) (\w+) (0x[0-9a-f]+)(?: pc (0x[0-9a-f]+))?$")
RESULT = re.compile(r"hostile: attack (\d+) (\w+) result (.*)$")
FAULT = re.compile(r"cell hostile: vhart 0: ([^\n]*) at (0x[0-9a-f]+), pc (0x[0-9a-f]+)\n")
GUARD_AT = re.compile(r"rtos: guard 2048 KiB at (0x[0-9a-f]+)-(0x[0-9a-f]+)$")
GUARD = re.compile(r"rtos: guard 2048 KiB (ok (\d+)|BAD at \S+)$")
IMAGE = re.compile(r"\[fv\] image: text, rodata, guest images \d+ KiB, checksum "
                   r"(0x[0-9a-f]+) \(at boot (0x[0-9a-f]+)\): (\w+)")
RESTART = "cell hostile: restarting"
BROKEN = re.compile(r"cell (\w+): (virtio-\w+) at (0x[0-9a-f]+): ([^;\r\n]*); "
                    r"the device needs a reset\r?\n")
VIRTIO_ROW = re.compile(r"\[fv\] (\w+) (virtio-\w+) at (0x[0-9a-f]+): status (0x[0-9a-f]+), "
                        r"requests (\d+), errors (\d+), dropped (\d+), broken (\d+)")


@pytest.fixture(scope="module")
def image():
    return build_layouts([LAYOUT])[LAYOUT]


def hostile_lines(text):
    return tc.cell_lines(text, "hostile", "hostile: ")


def done(text):
    """The attacker said done, and the victim printed 3 status lines since."""
    end = [l.pos for l in hostile_lines(text) if l.text == f"hostile: done {len(EXPECTED)}"]
    return end and len([s for s in tc.statuses(text, "victim") if s.pos > end[0]]) >= 3


def ask_monitor(q):
    """The monitor's rows ({cell: {column: value}}), its VirtIO lines
    ({(cell, device): {column: value}}) and its image line."""
    start = len(q.text())
    rows = ti.monitor(q, ["victim", "hostile"])
    text = tc.run_until(q, lambda t: IMAGE.search(t[start:]), 30, "the monitor's image line")
    devs = {(m[1], m[2]): dict(gpa=int(m[3], 16), status=int(m[4], 16), requests=int(m[5]),
                               errors=int(m[6]), dropped=int(m[7]), broken=int(m[8]))
            for m in VIRTIO_ROW.finditer(text[start:])}
    return rows, devs, IMAGE.search(text[start:])


class Attack:
    """One attack as the console tells it: its lines, and what came of it."""

    def __init__(self, n, tries, result, faults, restarts, broken):
        self.n, self.tries, self.result = n, tries, result
        self.faults, self.restarts, self.broken = faults, restarts, broken

    def outcome(self):
        if self.faults:
            what, addr, pc = self.faults[0]
            return f"fault: {what} at {addr:#x}, pc {pc:#x}"
        if self.result is not None:
            return f"result {self.result}"
        return "nothing"


def collect(text, n_attacks):
    """Per attack: its attack lines (pos, name, addr, pc), its result, the
    hypervisor's fault reports, restarts and VirtIO reports ((cell, gpa,
    why)) between its first line and the next attack's."""
    tries, results = {}, {}
    for l in hostile_lines(text):
        m = ATTACK.match(l.text)
        if m:
            tries.setdefault(int(m[1]), []).append(
                (l.pos, m[2], int(m[3], 16), int(m[4], 16) if m[4] else None))
        m = RESULT.match(l.text)
        if m:
            assert int(m[1]) not in results, f"two results for attack {m[1]}"
            results[int(m[1])] = m[3]
    faults = [(m.start(), m[1], int(m[2], 16), int(m[3], 16)) for m in FAULT.finditer(text)]
    restarts = tc.hv_message(text, RESTART)
    broken = [(m.start(), m[1], int(m[3], 16), m[4]) for m in BROKEN.finditer(text)]
    out = []
    for n in range(n_attacks):
        assert n in tries, f"attack {n} ({EXPECTED[n][0]}) was never tried"
        start = tries[n][0][0]
        end = tries[n + 1][0][0] if n + 1 in tries else len(text)
        out.append(Attack(n, tries[n], results.get(n),
                          [f[1:] for f in faults if start < f[0] < end],
                          [r for r in restarts if start < r < end],
                          [b[1:] for b in broken if start < b[0] < end]))
    return out


def check(a, name, expect):
    """Assert attack `a` came to `expect`; returns the table's outcome."""
    pos, got_name, addr, pc = a.tries[0]
    assert got_name == name, f"attack {a.n} is {got_name}, expected {name}"
    kind = expect[0]
    if kind == "reboots":
        # one try per reboot, and one more that finds them done
        assert len(a.tries) == expect[1] + 1, f"{name}: {len(a.tries)} tries"
        assert len(a.restarts) == expect[1] and not a.faults, (a.restarts, a.faults)
        assert a.result == f"rebooted {expect[1]}", a.result
        return f"{expect[1]} restarts, then result {a.result}"
    assert len(a.tries) == 1, f"{name} tried {len(a.tries)} times"
    want_broken = [("hostile",) + expect[2]] if kind == "virtio" and expect[2] else []
    assert a.broken == want_broken, f"{name}: VirtIO reports {a.broken}, expected {want_broken}"
    if kind == "virtio":
        assert not a.faults and not a.restarts, f"{name}: {a.faults} {a.restarts}"
        assert a.result and re.fullmatch(expect[1], a.result), f"{name}: {a.result!r}"
        return a.outcome() + (f"; hv: {a.broken[0][2]}" if a.broken else "")
    if kind == "fault":
        _, what, want_addr = expect
        assert a.result is None, f"{name} survived: {a.result}"
        assert len(a.faults) == 1 and len(a.restarts) == 1, (name, a.faults, a.restarts)
        assert a.faults[0] == (what, want_addr, pc), \
            f"{name}: {a.faults[0]}, expected {(what, hex(want_addr), hex(pc))}"
        assert addr == want_addr
    else:
        assert not a.faults and not a.restarts, f"{name}: {a.faults} {a.restarts}"
        if kind == "illegal":
            want = f"scause 0x2 stval {expect[1]:#x} epc {pc:#x}"
        elif kind == "match":
            assert a.result and re.fullmatch(expect[1], a.result), f"{name}: {a.result!r}"
            return a.outcome()
        else:
            want = expect[1]
        assert a.result == want, f"{name}: {a.result!r}, expected {want!r}"
    return a.outcome()


def guard_lines(text):
    return [(l.pos, GUARD.match(l.text)) for l in tc.cell_lines(text, "victim", "rtos: ")
            if GUARD.match(l.text)]


def print_table(attacks, outcomes, guards):
    w = max(map(len, outcomes))
    print(f"\n{'#':>3}  {'attack':<28} {'outcome':<{w}} victim intact")
    for a, outcome in zip(attacks, outcomes):
        after = [m for pos, m in guards if pos > a.tries[-1][0]]
        intact = ("yes (guard ok %s)" % after[0][2]) if after and after[0][2] else \
            ("BAD" if after else "yes (ticks; no guard check after)")
        print(f"{a.n:>3}  {EXPECTED[a.n][0]:<28} {outcome:<{w}} {intact}")


def assert_victim_ticking(st):
    """The victim prints every 50 ticks.  Under -icount QEMU runs the harts
    in turn, and a busy attacker hart (the plain busy loop of "spin" as
    much as the livelocks) delays the victim's timer interrupt by up to
    ~25 ms, so one status line may come late and the next on time: a gap
    between two lines is anywhere in 1..2 periods (plus the delay), and
    the rate is judged over the whole run, where one late line does not
    weigh.  Its tick count, period and messages must not suffer."""
    assert len(st) >= 3, f"victim: {len(st)} status lines"
    for a, b in zip(st, st[1:]):
        assert 0 < b.tick - a.tick <= 2 * 50 + 25, f"victim: tick {a.tick} -> {b.tick}"
        assert b.msgs > a.msgs, f"victim: messages stalled at {b}"
    rate = (st[-1].time - st[0].time) / (st[-1].tick - st[0].tick)
    assert 0.95 * tc.TICK <= rate <= 1.05 * tc.TICK, \
        f"victim: {rate:.0f} timebase ticks per tick over ticks {st[0].tick}..{st[-1].tick}"
    assert all(s.errors == 0 for s in st), f"victim: errors {[s.errors for s in st]}"


def test_hostile_guest_is_contained(image):
    with ti.boot(image) as q:
        text = tc.run_until(q, done, 150, "the hostile guest's last attack")
        rows, devs, img = ask_monitor(q)
        text = q.text()

    # the addresses it attacks are the machine's
    m = re.search(r"Domain0 Next Arg1\s*: (0x[0-9a-f]+)", text)
    assert m and int(m[1], 16) == PLATFORM_DTB, "the platform DTB moved: update hostile.h"
    m = re.search(r"memory: hypervisor (0x[0-9a-f]+)-(0x[0-9a-f]+)", text)
    assert m and int(m[1], 16) <= HV_IMAGE + 0x1000 < int(m[2], 16)
    at = [GUARD_AT.match(l.text) for l in tc.cell_lines(text, "victim", "rtos: ")]
    at = [x for x in at if x]
    assert len(at) == 1, "the victim's guard was not set up once"
    target = VICTIM_GUARD - VICTIM_RAM_HPA + VICTIM_RAM_GPA
    assert int(at[0][1], 16) <= target < int(at[0][2], 16), "the attack misses the guard"
    with open(os.path.join(fvqemu.ROOT, LAYOUT)) as f:
        assert f".hpa = {DISK_BACKING:#x}, .size = 64 * KiB" in f.read(), \
            "the disk's backing moved: update hostile.h"

    attacks = collect(text, len(EXPECTED))
    outcomes = [check(a, name, expect) for a, (name, expect) in zip(attacks, EXPECTED)]
    guards = guard_lines(text)
    print_table(attacks, outcomes, guards)
    assert len(outcomes) == len(EXPECTED)
    lines = [l.text for l in hostile_lines(text)]
    odd = [l for l in lines if not (ATTACK.match(l) or RESULT.match(l) or
                                    re.match(r"hostile: (boot \d+ next \d+ reboots \d+|"
                                             r"done \d+)$", l))]
    assert not odd, f"unexpected lines from the attacker: {odd}"

    # only the attacker restarted, once per fault and per reboot
    nfaults = sum(e[0] == "fault" for _, e in EXPECTED)
    assert len(FAULT.findall(text)) == nfaults
    assert len(tc.hv_message(text, RESTART)) == nfaults + REBOOTS
    events = re.findall(r"cell (\w+): (?!starting|vhart 0: |virtio-\w+ at )([^\r\n]*)", text)
    assert set(events) == {("hostile", "restarting")}, set(events)
    # each broken ring reported once, by the attacker's devices only
    reports = [e[2] for _, e in EXPECTED if e[0] == "virtio" and e[2]]
    assert len(BROKEN.findall(text)) == len(reports)
    assert rows["hostile"]["starts"] == 1 + nfaults + REBOOTS, rows
    assert rows["victim"]["starts"] == 1 and rows["victim"]["state"] == "running", rows
    assert rows["hostile"]["dropped"] == 0 and rows["victim"]["dropped"] == 0, rows

    # the victim ticked through it all and kept its guard
    st = tc.statuses(text, "victim")
    first, last = attacks[0].tries[0][0], attacks[-1].tries[-1][0]
    assert any(s.pos < first for s in st) and len([s for s in st if s.pos > last]) >= 3
    assert len([s for s in st if first < s.pos < last]) >= 3, "the victim stalled"
    assert_victim_ticking(st)
    assert all(m[2] for _, m in guards), [m[0] for _, m in guards if not m[2]]
    assert [int(m[2]) for _, m in guards] == list(range(1, len(guards) + 1))
    assert len(guards) >= len(st) - 1
    print(f"victim: {len(st)} status lines, ticks {st[0].tick}..{st[-1].tick}, "
          f"{len(guards)} guard checks ok; jitter max {max_jitter(text)} timebase ticks")

    check_virtio_counts(devs)

    # and nothing wrote the hypervisor's image
    assert img[3] == "intact" and img[1] == img[2], img[0]
    print(img[0])


def check_virtio_counts(devs):
    """The monitor's VirtIO lines: each broken ring counted, each failed
    request, each malformed frame dropped at the sender, and every good
    frame dropped at the victim's card, which nobody set up."""
    def count(pred):
        return sum(1 for name, e in EXPECTED if pred(name, e))

    assert set(devs) == {("hostile", "virtio-blk"), ("hostile", "virtio-net"),
                         ("victim", "virtio-net")}, devs
    hblk, hnet = devs["hostile", "virtio-blk"], devs["hostile", "virtio-net"]
    vnet = devs["victim", "virtio-net"]
    assert (hblk["gpa"], hnet["gpa"], vnet["gpa"]) == (BLK, NET, VICTIM_NET)
    assert hblk["broken"] == count(lambda n, e: e[0] == "virtio" and e[2] and e[2][0] == BLK)
    assert hnet["broken"] == count(lambda n, e: e[0] == "virtio" and e[2] and e[2][0] == NET)
    # blk: the IOERRs, the write across the end and the unknown type
    assert hblk["errors"] == count(lambda n, e: e[0] == "virtio" and re.search(
        r"blk [12]", e[1].replace("\\", ""))), hblk
    malformed = count(lambda n, e: n in ("net_storm_tiny", "net_storm_header_only",
                                         "net_storm_short", "net_storm_long",
                                         "net_storm_huge"))
    good = count(lambda n, e: n in ("net_storm_broadcast", "net_storm_victim_mac"))
    recoveries = count(lambda n, e: n.startswith("net_"))    # one good frame each
    assert hnet["dropped"] == malformed * STORM and hnet["errors"] == 0, hnet
    assert hnet["requests"] == (malformed + good) * STORM + recoveries, hnet
    assert vnet == dict(gpa=VICTIM_NET, status=0, requests=0, errors=0,
                        dropped=good * STORM + recoveries, broken=0), vnet
    print(f"virtio: {devs}")


def max_jitter(text):
    ms = [tc.STATUS.match(l.text) for l in tc.cell_lines(text, "victim", "rtos: ")]
    return max(int(m[6]) for m in ms if m)
