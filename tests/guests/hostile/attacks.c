// SPDX-License-Identifier: GPL-2.0-only
/*
 * The attacks, in the order they are tried.  Each must end in an SBI
 * error, a fault that stops (restarts) only this cell, or nothing at
 * all; test_hostile.py holds the expected outcome of each, by name.
 */
#include <fv/fmt.h>
#include "csr.h"
#include "hostile.h"
#include "vio.h"

#define STORM		10000
#define REBOOTS		100
#define LIVELOCK_MS	100
#define ALL		~0UL		/* hart_mask_base: every hart */

typedef void run_t(const struct attack *a, char *res, size_t n);
typedef unsigned long load_t(unsigned long addr);
typedef void store_t(unsigned long addr, unsigned long val);
typedef unsigned long insn_t(unsigned long a0);

void ins_csrr_hstatus(void), ins_csrw_hgatp(void), ins_csrs_hvip(void),
	ins_csrw_hedeleg(void), ins_csrr_vsstatus(void), ins_csrw_vsatp(void),
	ins_csrr_mstatus(void), ins_csrr_mhartid(void), ins_csrw_mtvec(void),
	ins_csrw_pmpaddr0(void), ins_csrr_dcsr(void), ins_csrr_hpmcounter3(void),
	ins_hfence_gvma(void), ins_hfence_vvma(void), ins_hlv_d(void), ins_hsv_d(void),
	ins_mret(void), ins_zero(void);

/* A buffer of our own for the SBI calls that take one. */
static const char own_buf[16] = "hostile buffer\n";

/* ---------------------------------------------------------------- memory */

static void do_load(const struct attack *a, char *res, size_t n)
{
	unsigned long v = ((load_t *)(void (*)(void))a->probe)(a->addr);

	fmt_snprintf(res, n, "read %#lx", v);
}

static void do_store(const struct attack *a, char *res, size_t n)
{
	((store_t *)(void (*)(void))a->probe)(a->addr, a->arg[0]);
	fmt_snprintf(res, n, "stored");
}

static void do_fetch(const struct attack *a, char *res, size_t n)
{
	((void (*)(void))a->addr)();
	fmt_snprintf(res, n, "returned");
}

/* vPLIC: write arg[0] (if arg[1]), then read the register back. */
static void do_mmio_wr_rd(const struct attack *a, char *res, size_t n)
{
	volatile uint32_t *r = (volatile uint32_t *)a->addr;

	if (a->arg[1])
		*r = (uint32_t)a->arg[0];
	fmt_snprintf(res, n, "read %#x", *r);
}

/* vPLIC: complete IDs arg[0..2] (0 ends) on a claim register, then claim. */
static void do_complete(const struct attack *a, char *res, size_t n)
{
	volatile uint32_t *r = (volatile uint32_t *)a->addr;

	for (unsigned i = 0; i < 3 && a->arg[i]; i++)
		*r = (uint32_t)a->arg[i];
	fmt_snprintf(res, n, "read %#x", *r);
}

/* ---------------------------------------------------------------- SBI */

static void do_sbi(const struct attack *a, char *res, size_t n)
{
	struct sbiret r = ecall(a->arg[0], a->arg[1], a->arg[2], a->arg[3], a->arg[4],
				a->arg[5]);

	fmt_snprintf(res, n, "err %ld val %ld", r.error, r.value);
}

/* set_timer at once, far, never, in the past: no interrupt is taken
 * (sstatus.SIE is clear), and the last call cancels it. */
static void do_set_timer_storm(const struct attack *a, char *res, size_t n)
{
	static const unsigned long when[] = { 0, 1, ~0UL - 1, 0x8000000000000000UL };
	unsigned i;

	for (i = 0; i < a->addr; i++)
		ecall(EXT_TIME, 0, when[i % 4] ^ (i & 0xff), 0, 0, 0);
	ecall(EXT_TIME, 0, ~0UL, 0, 0, 0);
	fmt_snprintf(res, n, "calls %u pending %lu", i, (csr_read(sip) & SIP_STIP) >> 5);
}

static void do_ipi_storm(const struct attack *a, char *res, size_t n)
{
	unsigned long sent = 0;

	ipis = 0;
	csr_set(sie, SIE_SSIE);
	irq_on();
	for (unsigned i = 0; i < a->addr; i++)
		sent += !ecall(EXT_IPI, 0, 1, i & 1 ? ALL : 0, 0, 0).error;
	irq_off();
	csr_clear(sie, SIE_SSIE);
	fmt_snprintf(res, n, "sent %lu taken %lu", sent, ipis);
}

/* Every timer interrupt re-arms at once (deadline 0) until `addr` came:
 * the handler stops the storm itself, as nothing else runs meanwhile. */
static void do_timer_storm(const struct attack *a, char *res, size_t n)
{
	uint64_t end = now() + 10000000;	/* 1 s at most */

	timer_irqs = 0;
	timer_storm = a->addr;
	ecall(EXT_TIME, 0, 0, 0, 0, 0);
	csr_set(sie, SIE_STIE);
	irq_on();
	while (timer_irqs < a->addr && now() < end)
		;
	irq_off();
	timer_storm = 0;
	csr_clear(sie, SIE_STIE);
	ecall(EXT_TIME, 0, ~0UL, 0, 0, 0);
	fmt_snprintf(res, n, "taken %lu", timer_irqs);
}

/* SRST cold reboot until `addr` are done (the count is kept). */
static void do_reboot(const struct attack *a, char *res, size_t n)
{
	if (kept->reboots < a->addr) {
		struct sbiret r;

		kept->reboots++;
		__asm__ volatile("fence" ::: "memory");
		r = ecall(EXT_SRST, 0, 1, 0, 0, 0);
		fmt_snprintf(res, n, "err %ld", r.error);
		return;
	}
	fmt_snprintf(res, n, "rebooted %u", kept->reboots);
}

/* `addr` ms of nothing but interrupts: the handler raises each next one
 * itself (arg[0]: 1 for self IPIs, 0 for timer interrupts at deadline 0). */
static void do_livelock(const struct attack *a, char *res, size_t n)
{
	unsigned long *count = a->arg[0] ? (unsigned long *)&ipis : (unsigned long *)&timer_irqs;
	unsigned long bit = a->arg[0] ? SIE_SSIE : SIE_STIE;

	*(volatile unsigned long *)count = 0;
	livelock_ipi = a->arg[0];
	livelock_end = now() + a->addr * 10000;
	if (a->arg[0])
		ecall(EXT_IPI, 0, 1, 0, 0, 0);
	else
		ecall(EXT_TIME, 0, 0, 0, 0, 0);
	csr_set(sie, bit);
	irq_on();
	while (now() < livelock_end)
		;
	irq_off();
	csr_clear(sie, bit);
	livelock_end = 0;
	ecall(EXT_TIME, 0, ~0UL, 0, 0, 0);
	fmt_snprintf(res, n, "taken %lu", *(volatile unsigned long *)count);
}

/* The control for the livelocks: `addr` ms of a busy loop, no traps. */
static void do_spin(const struct attack *a, char *res, size_t n)
{
	uint64_t end = now() + a->addr * 10000;
	unsigned long loops = 0;

	while (now() < end)
		loops++;
	fmt_snprintf(res, n, "spun %s", loops ? "yes" : "no");
}

bool reboot_pending(const struct attack *a)
{
	return a->run == do_reboot && kept->reboots < a->addr;
}

/* ---------------------------------------------------------------- instructions */

/* A hypervisor-only (or M-mode) instruction: our own handler must get it
 * as an illegal instruction; a0 = arg[0] goes in. */
static void do_insn(const struct attack *a, char *res, size_t n)
{
	unsigned long v;

	seen_cause = ~0UL;
	armed = true;
	v = ((insn_t *)a->probe)(a->arg[0]);
	if (armed) {
		armed = false;
		fmt_snprintf(res, n, "no trap a0 %#lx", v);
		return;
	}
	fmt_snprintf(res, n, "scause %#lx stval %#lx epc %#lx", seen_cause, seen_tval, seen_epc);
}

unsigned long attack_pc(const struct attack *a)
{
	if (a->run == do_fetch)
		return a->addr;
	return a->probe ? (unsigned long)a->probe : 0;
}

/* ---------------------------------------------------------------- the list */

#define LOAD(nm, ad)	{ nm, do_load, ad, { 0 }, (void (*)(void))probe_ld }
#define LOAD32(nm, ad)	{ nm, do_load, ad, { 0 }, (void (*)(void))probe_lw }
#define LOAD16(nm, ad)	{ nm, do_load, ad, { 0 }, (void (*)(void))probe_lh }
#define STORE(nm, ad)	{ nm, do_store, ad, { 0x686f7374696c6521UL }, (void (*)(void))probe_sd }
#define STORE32(nm, ad, v) { nm, do_store, ad, { v }, (void (*)(void))probe_sw }
#define FETCH(nm, ad)	{ nm, do_fetch, ad, { 0 }, NULL }
#define SBI(nm, ad, ext, fid, a0, a1, a2, a3) \
	{ nm, do_sbi, ad, { ext, fid, a0, a1, a2, a3 }, NULL }
#define VPLIC_WR(nm, off, v) { nm, do_mmio_wr_rd, VPLIC + (off), { v, 1 }, NULL }
#define VPLIC_RD(nm, off) { nm, do_mmio_wr_rd, VPLIC + (off), { 0, 0 }, NULL }
#define INSN(nm, fn, a0) { nm, do_insn, a0, { a0 }, fn }

#define BLK_BUF(nm, ad, type, len) { nm, do_blk_buffer, ad, { type, len }, NULL }
#define BLK_CHAIN(nm, kind, ad)	{ nm, do_blk_chain, ad, { kind }, NULL }
#define BLK_RING(nm, kind, ad)	{ nm, do_blk_ring, ad, { kind }, NULL }
#define BLK_QUEUE(nm, kind, ad)	{ nm, do_blk_queue, ad, { kind }, NULL }
#define BLK_NOTIFY(nm, kind, q)	{ nm, do_blk_notify, q, { kind }, NULL }
#define BLK_REQ(nm, type, sector, len) { nm, do_blk_req, sector, { type, len }, NULL }
#define NET_STORM(nm, len, at, to_victim) \
	{ nm, do_net_storm, STORM, { VIRTIO_NET_HDR + (len), at, to_victim }, NULL }

#define CTX(c)		(0x200000 + 0x1000 * (c))
#define OWN_END		(OWN_RAM + OWN_RAM_SIZE)
#define BUF		((unsigned long)own_buf)

const struct attack attacks[] = {
	/* the victim cell's memory (hpa): read it, write its guard, run it */
	LOAD("load_victim", VICTIM_RAM),
	STORE("store_victim_guard", VICTIM_GUARD),
	FETCH("fetch_victim", VICTIM_ENTRY),
	/* the hypervisor's image and the firmware */
	LOAD("load_hv", HV_IMAGE),
	STORE("store_hv", HV_IMAGE + 0x1000),
	FETCH("fetch_hv", HV_IMAGE),
	LOAD("load_fw", FIRMWARE),
	STORE("store_fw", FIRMWARE + 0x40000),
	FETCH("fetch_fw", FIRMWARE),
	/* the platform's device tree, where OpenSBI left it */
	LOAD("load_dtb", PLATFORM_DTB),
	STORE("store_dtb", PLATFORM_DTB),
	/* MMIO nobody gave us: the real PLIC, CLINT and UART */
	LOAD32("load_plic", PLIC),
	STORE32("store_plic_enable_victim", PLIC + 0x2000 + 0x80 * (2 * VICTIM_HART + 1), ~0U),
	LOAD32("claim_plic_victim", PLIC + CTX(2 * VICTIM_HART + 1) + 4),
	LOAD("load_clint_mtime", CLINT + 0xbff8),
	STORE32("store_clint_msip_victim", CLINT + 4 * VICTIM_HART, 1),
	STORE("store_clint_mtimecmp_victim", CLINT + 0x4000 + 8 * VICTIM_HART),
	LOAD32("load_uart", UART0),
	STORE32("store_uart", UART0, 'X'),
	/* G-stage holes around what we have, and past the end of RAM */
	LOAD("load_below_ram", OWN_RAM - 0x1000),
	LOAD("load_past_ram", OWN_END),
	STORE("store_past_keep", KEEP_BASE + KEEP_SIZE),
	FETCH("fetch_keep_nx", KEEP_BASE + 0x1000),
	LOAD("load_past_uart", OWN_UART + 0x1000),
	LOAD32("load_past_vplic", VPLIC + VPLIC_SIZE),
	LOAD("load_null", 0),
	LOAD("load_ram_end", RAM_END),
	STORE("store_ram_end", RAM_END),
	FETCH("fetch_ram_end", RAM_END),
	LOAD("load_4g", 0x100000000UL),
	LOAD("load_beyond_sv39x4", 1UL << 41),
	LOAD("load_top", 0xfffffffffffff000UL),

	/* SBI: harts that are not ours */
	SBI("ipi_mask_beyond", 0x2, EXT_IPI, 0, 0x2, 0, 0, 0),
	SBI("ipi_base_beyond", 1, EXT_IPI, 0, 1, 1, 0, 0),
	SBI("ipi_victim_hart", 1UL << VICTIM_HART, EXT_IPI, 0, 1UL << VICTIM_HART, 0, 0, 0),
	SBI("ipi_mask_ones", ~0UL, EXT_IPI, 0, ~0UL, 0, 0, 0),
	SBI("ipi_base_huge", 1UL << 63, EXT_IPI, 0, 1, 1UL << 63, 0, 0),
	SBI("ipi_base_wrap", ~0UL - 1, EXT_IPI, 0, 3, ~0UL - 1, 0, 0),
	SBI("rfence_i_beyond", 0x2, EXT_RFENCE, 0, 0x2, 0, 0, 0),
	SBI("rfence_vma_base_huge", 1UL << 63, EXT_RFENCE, 1, 1, 1UL << 63, 0, ~0UL),
	SBI("rfence_hfence_gvma_vmid", 3, EXT_RFENCE, 3, 1, 0, 0, ~0UL),
	SBI("rfence_hfence_gvma", 4, EXT_RFENCE, 4, 1, 0, 0, ~0UL),
	SBI("hsm_start_other", 1, EXT_HSM, 0, 1, OWN_RAM, 0, 0),
	SBI("hsm_start_victim_hart", VICTIM_HART, EXT_HSM, 0, VICTIM_HART, OWN_RAM, 0, 0),
	SBI("hsm_start_huge", ~0UL, EXT_HSM, 0, ~0UL, OWN_RAM, 0, 0),
	SBI("hsm_start_running", 0, EXT_HSM, 0, 0, OWN_RAM, 0, 0),
	SBI("hsm_start_at_victim", VICTIM_ENTRY, EXT_HSM, 0, 0, VICTIM_ENTRY, 0, 0),
	SBI("hsm_start_at_hv", HV_IMAGE, EXT_HSM, 0, 0, HV_IMAGE, 0, 0),
	SBI("hsm_start_at_fw", FIRMWARE, EXT_HSM, 0, 0, FIRMWARE, 0, 0),
	SBI("hsm_start_at_keep_nx", KEEP_BASE, EXT_HSM, 0, 0, KEEP_BASE, 0, 0),
	SBI("hsm_status_other", 1, EXT_HSM, 2, 1, 0, 0, 0),
	SBI("hsm_suspend_reserved", 2, EXT_HSM, 3, 2, 0, 0, 0),
	/* SBI: buffers that are not ours */
	SBI("dbcn_write_victim", VICTIM_GUARD, EXT_DBCN, 0, 16, VICTIM_GUARD, 0, 0),
	SBI("dbcn_write_hv", HV_IMAGE, EXT_DBCN, 0, 16, HV_IMAGE, 0, 0),
	SBI("dbcn_write_fw", FIRMWARE, EXT_DBCN, 0, 16, FIRMWARE, 0, 0),
	SBI("dbcn_write_dtb", PLATFORM_DTB, EXT_DBCN, 0, 16, PLATFORM_DTB, 0, 0),
	SBI("dbcn_write_plic", PLIC, EXT_DBCN, 0, 4, PLIC, 0, 0),
	SBI("dbcn_write_vplic", VPLIC, EXT_DBCN, 0, 4, VPLIC, 0, 0),
	SBI("dbcn_write_high", BUF, EXT_DBCN, 0, 16, BUF, 1, 0),
	SBI("dbcn_write_wrap", ~0UL - 7, EXT_DBCN, 0, 16, ~0UL - 7, 0, 0),
	SBI("dbcn_write_len_wrap", BUF, EXT_DBCN, 0, ~0UL, BUF, 0, 0),
	SBI("dbcn_write_past_ram", OWN_END - 8, EXT_DBCN, 0, 16, OWN_END - 8, 0, 0),
	SBI("dbcn_read_victim", VICTIM_GUARD, EXT_DBCN, 1, 16, VICTIM_GUARD, 0, 0),
	SBI("dbcn_read_hv", HV_IMAGE, EXT_DBCN, 1, 16, HV_IMAGE, 0, 0),
	SBI("dbcn_read_high", KEEP_BASE + 0x1000, EXT_DBCN, 1, 16, KEEP_BASE + 0x1000, 1, 0),
	/* SBI: what does not exist */
	SBI("unknown_ext", 0x0a1b2c3d, 0x0a1b2c3d, 0, 0, 0, 0, 0),
	SBI("unknown_base_fid", 99, EXT_BASE, 99, 0, 0, 0, 0),
	SBI("pmu_ext", EXT_PMU, EXT_PMU, 0, 0, 0, 0, 0),
	SBI("unknown_time_fid", 1, EXT_TIME, 1, 0, 0, 0, 0),
	SBI("legacy_send_ipi", VICTIM_GUARD, EXT_LEGACY_SEND_IPI, 0, VICTIM_GUARD, 0, 0, 0),
	SBI("legacy_remote_fence_i", VICTIM_GUARD, EXT_LEGACY_REMOTE_FENCE_I, 0,
	    VICTIM_GUARD, 0, 0, 0),
	SBI("srst_reserved_type", 3, EXT_SRST, 0, 3, 0, 0, 0),
	/* bits 32-63 do not count (a uint32_t): this is reserved type 3 */
	SBI("srst_type_high_bits", 0x100000003UL, EXT_SRST, 0, 0x100000003UL, 0, 0, 0),
	SBI("srst_vendor_type", 0xf0000000UL, EXT_SRST, 0, 0xf0000000UL, 0, 0, 0),
	SBI("srst_reserved_reason", 2, EXT_SRST, 0, 0, 2, 0, 0),
	SBI("srst_unknown_fid", 1, EXT_SRST, 1, 1, 0, 0, 0),
	{ "set_timer_storm", do_set_timer_storm, STORM, { 0 }, NULL },

	/* our own vPLIC: other contexts, IDs we do not own */
	VPLIC_WR("vplic_own_prio", 4 * OWN_UART_IRQ, 7),
	VPLIC_WR("vplic_foreign_prio", 4 * 11, 7),
	VPLIC_WR("vplic_prio_beyond", 4 * 200, 7),
	VPLIC_WR("vplic_own_enable", 0x2000, ~0U),
	VPLIC_WR("vplic_enable_beyond", 0x2000 + 4 * 4, ~0U),
	VPLIC_WR("vplic_ctx1_enable", 0x2000 + 0x80, ~0U),
	VPLIC_WR("vplic_ctx1_threshold", CTX(1), 7),
	VPLIC_RD("vplic_ctx1_claim", CTX(1) + 4),
	VPLIC_RD("vplic_ctx_last_claim", CTX(15) + 4),
	VPLIC_RD("vplic_window_end", VPLIC_SIZE - 4),
	VPLIC_RD("vplic_pending", 0x1000),
	{ "vplic_complete_foreign", do_complete, VPLIC + CTX(0) + 4, { 11, OWN_UART_IRQ, ~0U },
	  NULL },
	{ "vplic_ctx1_complete", do_complete, VPLIC + CTX(1) + 4, { OWN_UART_IRQ, 11 }, NULL },
	LOAD16("vplic_load16", VPLIC + CTX(0) + 4),
	LOAD("vplic_load64_claim", VPLIC + CTX(0)),

	/* hypervisor-only and M-mode instructions */
	INSN("csrr_hstatus", ins_csrr_hstatus, 0),
	INSN("csrw_hgatp", ins_csrw_hgatp, 0),
	INSN("csrs_hvip", ins_csrs_hvip, 1UL << 10),
	INSN("csrw_hedeleg", ins_csrw_hedeleg, 0),
	INSN("csrr_vsstatus", ins_csrr_vsstatus, 0),
	INSN("csrw_vsatp", ins_csrw_vsatp, 0),
	INSN("csrr_mstatus", ins_csrr_mstatus, 0),
	INSN("csrr_mhartid", ins_csrr_mhartid, 0),
	INSN("csrw_mtvec", ins_csrw_mtvec, 0),
	INSN("csrw_pmpaddr0", ins_csrw_pmpaddr0, ~0UL),
	INSN("csrr_dcsr", ins_csrr_dcsr, 0),
	INSN("csrr_hpmcounter3", ins_csrr_hpmcounter3, 0),
	INSN("hfence_gvma", ins_hfence_gvma, 0),
	INSN("hfence_vvma", ins_hfence_vvma, 0),
	INSN("hlv_d_victim", ins_hlv_d, VICTIM_GUARD),
	INSN("hsv_d_victim", ins_hsv_d, VICTIM_GUARD),
	INSN("mret", ins_mret, 0),
	INSN("insn_zero", ins_zero, 0),

	/* VirtIO: our own disk (64 KiB) and network card.  First the data
	 * path (every attack's recovery reads sector 0 back), then buffers
	 * outside the cell or of the wrong kind, bad chains, ring indices,
	 * queue setups and notifies, requests the disk must fail, the MMIO
	 * window, and the card's transmit queue */
	{ "blk_write_sector0", do_blk_rw, 0, { BLK_T_OUT }, NULL },
	BLK_BUF("blk_buf_victim_read", VICTIM_GUARD, BLK_T_OUT, SECTOR),
	BLK_BUF("blk_buf_victim_write", VICTIM_GUARD, BLK_T_IN, SECTOR),
	BLK_BUF("blk_buf_victim_zero_len", VICTIM_GUARD, BLK_T_OUT, 0),
	BLK_BUF("blk_buf_hv_read", HV_IMAGE, BLK_T_OUT, SECTOR),
	BLK_BUF("blk_buf_hv_write", HV_IMAGE + 0x1000, BLK_T_IN, SECTOR),
	BLK_BUF("blk_buf_fw_write", FIRMWARE + 0x40000, BLK_T_IN, SECTOR),
	BLK_BUF("blk_buf_dtb_read", PLATFORM_DTB, BLK_T_OUT, SECTOR),
	BLK_BUF("blk_buf_backing_write", DISK_BACKING, BLK_T_IN, SECTOR),
	BLK_BUF("blk_buf_past_ram", OWN_END, BLK_T_IN, SECTOR),
	BLK_BUF("blk_buf_across_ram_end", OWN_END - 256, BLK_T_IN, SECTOR),
	BLK_BUF("blk_buf_ram_end", RAM_END, BLK_T_IN, SECTOR),
	BLK_BUF("blk_buf_own_mmio", BLK_MMIO, BLK_T_IN, SECTOR),
	BLK_BUF("blk_buf_addr_wrap", ~0UL - 0xff, BLK_T_IN, SECTOR),
	BLK_BUF("blk_buf_len_huge", OWN_RAM + 0x100000, BLK_T_IN, ~0U),
	BLK_BUF("blk_buf_rom_write", OWN_ROM, BLK_T_IN, SECTOR),
	BLK_BUF("blk_buf_rom_read", OWN_ROM, BLK_T_OUT, SECTOR),	/* allowed */
	BLK_CHAIN("blk_chain_loop", CH_LOOP, 1),
	BLK_CHAIN("blk_chain_self_loop", CH_SELF_LOOP, 2),
	BLK_CHAIN("blk_chain_next_beyond", CH_NEXT_BEYOND, 16),
	BLK_CHAIN("blk_chain_too_long", CH_TOO_LONG, 70),
	BLK_CHAIN("blk_chain_read_after_write", CH_READ_AFTER_WRITE, 2),
	BLK_CHAIN("blk_chain_indirect", CH_INDIRECT, VICTIM_GUARD),
	BLK_CHAIN("blk_chain_no_status", CH_NO_STATUS, 0),
	BLK_RING("blk_avail_ahead", RI_AVAIL_IDX, 17),
	BLK_RING("blk_avail_behind", RI_AVAIL_IDX, 0xffff),
	BLK_RING("blk_head_beyond", RI_HEAD, 16),
	BLK_RING("blk_head_ffff", RI_HEAD, 0xffff),
	BLK_QUEUE("blk_queue_num_3", QA_NUM, 3),
	BLK_QUEUE("blk_queue_num_0", QA_NUM, 0),
	BLK_QUEUE("blk_queue_num_512", QA_NUM, 512),
	BLK_QUEUE("blk_ring_desc_victim", QA_DESC, VICTIM_GUARD),
	BLK_QUEUE("blk_ring_avail_hv", QA_AVAIL, HV_IMAGE),
	BLK_QUEUE("blk_ring_used_hv", QA_USED, HV_IMAGE + 0x1000),
	BLK_QUEUE("blk_ring_used_rom", QA_USED, OWN_ROM),
	BLK_QUEUE("blk_ring_used_across_end", QA_USED, OWN_END - 64),
	BLK_QUEUE("blk_ring_desc_wrap", QA_DESC, ~0UL - 0x7f),
	BLK_QUEUE("blk_ring_desc_misaligned", QA_DESC, OWN_RAM + 0x100008),
	BLK_NOTIFY("blk_notify_unset", NT_UNSET, 0),
	BLK_NOTIFY("blk_notify_queue_1", NT_INDEX, 1),
	BLK_NOTIFY("blk_notify_queue_huge", NT_INDEX, 0xffffffffUL),
	BLK_NOTIFY("blk_queue_sel_beyond", NT_SEL, 1),
	BLK_REQ("blk_read_past_end", BLK_T_IN, DISK_SECTORS, SECTOR),
	BLK_REQ("blk_read_across_end", BLK_T_IN, DISK_SECTORS - 1, 2 * SECTOR),
	BLK_REQ("blk_read_sector_huge", BLK_T_IN, ~0UL, SECTOR),
	BLK_REQ("blk_write_sector_wrap", BLK_T_OUT, 1UL << 55, SECTOR),
	BLK_REQ("blk_unknown_type", BLK_T_BAD, 0, SECTOR),
	{ "blk_write_across_end", do_blk_write_end, DISK_SECTORS - 1, { 0 }, NULL },
	LOAD("blk_load64_status", BLK_MMIO + VIO_STATUS),
	LOAD("load_disk_backing", DISK_BACKING),
	{ "net_buf_victim", do_net_buffer, VICTIM_GUARD, { VIRTIO_NET_HDR + 60 }, NULL },
	{ "net_notify_queue_2", do_net_notify, 2, { 0 }, NULL },
	NET_STORM("net_storm_tiny", 4 - VIRTIO_NET_HDR, 0, 0),
	NET_STORM("net_storm_header_only", 0, 0, 0),
	NET_STORM("net_storm_short", 13, 0, 0),
	NET_STORM("net_storm_long", 1515, 0, 0),
	NET_STORM("net_storm_huge", 0x10000, OWN_RAM, 0),
	NET_STORM("net_storm_broadcast", 60, 0, 0),
	NET_STORM("net_storm_victim_mac", 60, 0, 1),
	{ "blk_read_sector0", do_blk_rw, 0, { BLK_T_IN }, NULL },

	/* storms and reboots */
	{ "ipi_storm", do_ipi_storm, STORM, { 0 }, NULL },
	{ "timer_storm", do_timer_storm, STORM, { 0 }, NULL },
	{ "spin", do_spin, LIVELOCK_MS, { 0 }, NULL },
	{ "ipi_livelock", do_livelock, LIVELOCK_MS, { 1 }, NULL },
	{ "timer_livelock", do_livelock, LIVELOCK_MS, { 0 }, NULL },
	{ "reboot", do_reboot, REBOOTS, { 0 }, NULL },
};

const unsigned nr_attacks = ARRAY_SIZE(attacks);
