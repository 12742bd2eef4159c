// SPDX-License-Identifier: GPL-2.0-only
/*
 * The checks of the virtual SBI, run on vhart 0.  Each prints
 * "sbitest: <name> ok" or "sbitest: <name> FAIL <got> <expected>".
 * Expected values are the SBI 2.0 spec's, with the cell as the machine:
 * anything naming a hart or an address outside the cell is an error.
 */
#include <fv/fmt.h>
#include <fv/string.h>
#include "sbitest.h"

static unsigned passed, failed;

unsigned checks_passed(void)
{
	return passed;
}

unsigned checks_failed(void)
{
	return failed;
}

/* Small numbers (SBI errors, states) in decimal, the rest in hex. */
static const char *num(char *buf, long v)
{
	fmt_snprintf(buf, 24, v >= -4096 && v <= 4096 ? "%ld" : "%#lx", v);
	return buf;
}

void check(const char *name, long got, long expected)
{
	if (got == expected) {
		passed++;
		out("sbitest: %s ok\n", name);
	} else {
		failed++;
		char g[24], e[24];

		out("sbitest: %s FAIL %s %s\n", name, num(g, got), num(e, expected));
	}
}

void skip(const char *name)
{
	out("sbitest: %s skip\n", name);
}

/* Checks that touch what only a cell refuses (addresses outside the
 * cell's memory): natively the firmware would take them and the machine
 * would fault, so they run only in a cell. */
static bool cell_only(const char *name)
{
	if (cfg.native)
		skip(name);
	return !cfg.native;
}

static struct sbiret ecall(unsigned long ext, unsigned long fid, unsigned long a0,
			   unsigned long a1, unsigned long a2)
{
	return sbi_call(ext, fid, a0, a1, a2, 0, 0);
}

/* Legacy calls return only a0. */
static long legacy(unsigned long ext, unsigned long a0)
{
	return sbi_call(ext, 0, a0, 0, 0, 0, 0).error;
}

static void base_checks(void)
{
	static const struct {
		const char *name;
		unsigned long ext;
		long expected;
	} probes[] = {
		{ "probe.base", SBI_EXT_BASE, 1 },
		{ "probe.time", SBI_EXT_TIME, 1 },
		{ "probe.ipi", SBI_EXT_IPI, 1 },
		{ "probe.rfence", SBI_EXT_RFENCE, 1 },
		{ "probe.hsm", SBI_EXT_HSM, 1 },
		{ "probe.srst", SBI_EXT_SRST, 1 },
		{ "probe.dbcn", SBI_EXT_DBCN, 1 },
		{ "probe.legacy_set_timer", SBI_EXT_LEGACY_SET_TIMER, 1 },
		{ "probe.legacy_putchar", SBI_EXT_LEGACY_PUTCHAR, 1 },
		{ "probe.legacy_getchar", SBI_EXT_LEGACY_GETCHAR, 1 },
		{ "probe.legacy_clear_ipi", SBI_EXT_LEGACY_CLEAR_IPI, 1 },
		{ "probe.legacy_send_ipi", SBI_EXT_LEGACY_SEND_IPI, 1 },
		{ "probe.legacy_remote_fence_i", SBI_EXT_LEGACY_FENCE_I, 1 },
		{ "probe.legacy_remote_sfence_vma", SBI_EXT_LEGACY_SFENCE_VMA, 1 },
		{ "probe.legacy_remote_sfence_vma_asid", SBI_EXT_LEGACY_SFENCE_VMA_ASID, 1 },
		{ "probe.legacy_shutdown", SBI_EXT_LEGACY_SHUTDOWN, 1 },
		{ "probe.legacy_09", 0x09, 0 },
		{ "probe.susp", SBI_EXT_SUSP, 1 },
		{ "probe.pmu", SBI_EXT_PMU, 1 },
		{ "probe.cppc", SBI_EXT_CPPC, 0 },
		{ "probe.fwft", SBI_EXT_FWFT, 1 },
		{ "probe.dbtr", SBI_EXT_DBTR, 1 },
		{ "probe.unknown", 0x0A5A5A5A, 0 },
		{ "probe.ferrovisor", SBI_EXT_FERROVISOR, 1 },
	};
	struct sbiret r;

	r = ecall(SBI_EXT_BASE, 0, 0, 0, 0);
	check("base.spec_version", r.error ? r.error : r.value, 0x2000000);
	r = ecall(SBI_EXT_BASE, 1, 0, 0, 0);
	check("base.impl_id", r.error ? r.error : r.value, 0x4656);
	r = ecall(SBI_EXT_BASE, 2, 0, 0, 0);
	check("base.impl_version", r.error, 0);
	out("sbitest: info impl_version %#lx\n", r.value);
	r = ecall(SBI_EXT_BASE, 4, 0, 0, 0);
	check("base.mvendorid", r.error, 0);
	r = ecall(SBI_EXT_BASE, 5, 0, 0, 0);
	check("base.marchid", r.error, 0);
	r = ecall(SBI_EXT_BASE, 6, 0, 0, 0);
	check("base.mimpid", r.error, 0);
	r = ecall(SBI_EXT_BASE, 100, 0, 0, 0);
	check("base.unknown_fid", r.error, SBI_ERR_NOT_SUPPORTED);

	for (unsigned i = 0; i < ARRAY_SIZE(probes); i++) {
		r = ecall(SBI_EXT_BASE, 3, probes[i].ext, 0, 0);
		check(probes[i].name, r.error ? r.error : r.value, probes[i].expected);
	}
	r = ecall(0x0A5A5A5A, 0, 0, 0, 0);
	check("ext.unknown", r.error, SBI_ERR_NOT_SUPPORTED);
	/* ours: a doorbell the cell does not have, a function there is not */
	r = ecall(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_RING, cfg.nr_doorbells, 0, 0);
	check("fv.ring_past_last", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_RING, ~0UL, 0, 0);
	check("fv.ring_huge", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_TAKE, cfg.nr_doorbells, 0, 0);
	check("fv.take_past_last", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_TAKE_RING, cfg.nr_doorbells, 0, 0);
	check("fv.take_ring_past_last", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_TAKE_RING, 0, ~0UL, 0);
	check("fv.take_ring_back_huge", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_FERROVISOR, SBI_FV_DOORBELL_TAKE_RING + 1, 0, 0, 0);
	check("fv.unknown_fid", r.error, SBI_ERR_NOT_SUPPORTED);
	check("ext.legacy_reserved", legacy(0x0F, 0), SBI_ERR_NOT_SUPPORTED);
	/* no extension 0x09-0x0f: a1 is 0, as for any unknown one */
	r = sbi_call(0x09, 0, 0, 0x5a5a, 0, 0, 0);
	check("ext.legacy_09", r.error, SBI_ERR_NOT_SUPPORTED);
	check("ext.legacy_09_a1", r.value, 0);
}

static long hsm_status(unsigned long vhart)
{
	struct sbiret r = ecall(SBI_EXT_HSM, 2, vhart, 0, 0);

	return r.error ? r.error : r.value;
}

static long hsm_start(unsigned long vhart, unsigned long pc, unsigned long opaque)
{
	return ecall(SBI_EXT_HSM, 0, vhart, pc, opaque).error;
}

/* Wait up to `ms` for vhart's status to become `want`; the last status. */
static long wait_status(unsigned long vhart, long want, unsigned ms)
{
	uint64_t end = now() + ms_to_ticks(ms);
	long s;

	while ((s = hsm_status(vhart)) != want && now() < end)
		;
	return s;
}

static void hsm_checks(void)
{
	unsigned long entry = (unsigned long)secondary_entry;
	unsigned long n = cfg.nr_vharts, o = cfg.other;

	check("hsm.vharts", n, 2);
	check("hsm.status_self", hsm_status(cfg.self), HSM_STARTED);
	check("hsm.status_v1_stopped", hsm_status(o), HSM_STOPPED);
	check("hsm.status_outside", hsm_status(n), SBI_ERR_INVALID_PARAM);
	check("hsm.status_huge", hsm_status(~0UL), SBI_ERR_INVALID_PARAM);
	check("hsm.start_outside", hsm_start(n, entry, V1_HELLO), SBI_ERR_INVALID_PARAM);
	if (cell_only("hsm.start_bad_addr"))
		check("hsm.start_bad_addr", hsm_start(o, OUTSIDE, V1_HELLO),
		      SBI_ERR_INVALID_ADDRESS);
	if (cell_only("hsm.start_below_ram"))
		check("hsm.start_below_ram", hsm_start(o, cfg.ram_base - 2, V1_HELLO),
		      SBI_ERR_INVALID_ADDRESS);
	check("hsm.start_self", hsm_start(cfg.self, entry, V1_HELLO), SBI_ERR_ALREADY_AVAILABLE);
	check("hsm.status_v1_still_stopped", hsm_status(o), HSM_STOPPED);

	/* vhart 1 comes up, waits for our IPI, then stops itself */
	check("hsm.start_v1", hsm_start(o, entry, V1_HELLO), 0);
	check("hsm.v1_up", wait_change(&v1.up, 0, 2000), 1);
	check("hsm.v1_a0", v1.a0, o);
	check("hsm.v1_a1", v1.a1, V1_HELLO);
	check("hsm.start_running", hsm_start(o, entry, V1_HELLO), SBI_ERR_ALREADY_AVAILABLE);
	check("hsm.status_v1_started", hsm_status(o), HSM_STARTED);
	/* a remote fence waits for a running target: it must come back */
	check("rfence.fence_i_v1", ecall(SBI_EXT_RFENCE, 0, 1UL << o, 0, 0).error, 0);
	check("rfence.sfence_vma_v1", sbi_call(SBI_EXT_RFENCE, 1, 1UL << o, 0, 0, ~0UL, 0).error,
	      0);
	check("ipi.to_v1", ecall(SBI_EXT_IPI, 0, 1UL << o, 0, 0).error, 0);
	check("ipi.v1_received", wait_change(&v1.got_ipi, 0, 2000), 1);
	check("hsm.v1_stopped", wait_status(o, HSM_STOPPED, 2000), HSM_STOPPED);

	/* a stopped vhart can be started again */
	check("hsm.restart_v1", hsm_start(o, entry, V1_STOP), 0);
	check("hsm.v1_up_again", wait_change(&v1.up_again, 0, 2000), 1);
	check("hsm.v1_stopped_again", wait_status(o, HSM_STOPPED, 2000), HSM_STOPPED);
}

/* Send an IPI and report whether one reached this vhart within `ms`. */
static bool ipi_arrives(unsigned long mask, unsigned long base, long *err, unsigned ms)
{
	unsigned long n = ipis[cfg.self];

	*err = ecall(SBI_EXT_IPI, 0, mask, base, 0).error;
	return wait_change(&ipis[cfg.self], n, ms);
}

static void ipi_checks(void)
{
	long err;
	bool got;

	csr_set(sie, SIE_SSIE);
	csr_set(sstatus, SSTATUS_SIE);

	unsigned long me = 1UL << cfg.self;

	got = ipi_arrives(me, 0, &err, 1000);
	check("ipi.self", err, 0);
	check("ipi.self_arrives", got, 1);
	got = ipi_arrives(0, ~0UL, &err, 1000);
	check("ipi.all", err, 0);
	check("ipi.all_arrives", got, 1);
	got = ipi_arrives(1, cfg.other, &err, 10);	/* vhart 1 is stopped: fine */
	check("ipi.stopped_v1", err, 0);
	check("ipi.stopped_v1_not_here", got, 0);
	/* a mask naming a vhart the cell lacks: nothing is sent at all */
	got = ipi_arrives(me | (1UL << cfg.nr_vharts), 0, &err, 10);
	check("ipi.outside_mask", err, SBI_ERR_INVALID_PARAM);
	check("ipi.outside_mask_silent", got, 0);
	got = ipi_arrives(1, cfg.nr_vharts, &err, 10);
	check("ipi.outside_base", err, SBI_ERR_INVALID_PARAM);
	check("ipi.outside_base_silent", got, 0);
	got = ipi_arrives(1UL << 63, 0, &err, 10);
	check("ipi.outside_high", err, SBI_ERR_INVALID_PARAM);
	/* an empty mask names nobody: success, and no IPI */
	got = ipi_arrives(0, 1000, &err, 10);
	check("ipi.empty_mask", err, 0);
	check("ipi.empty_mask_silent", got, 0);
	check("ipi.unknown_fid", ecall(SBI_EXT_IPI, 1, me, 0, 0).error, SBI_ERR_NOT_SUPPORTED);

	csr_clear(sstatus, SSTATUS_SIE);
	csr_clear(sie, SIE_SSIE);
}

static void rfence_checks(void)
{
	static const char *const hfence[] = {
		"rfence.hfence_gvma_vmid", "rfence.hfence_gvma",
		"rfence.hfence_vvma_asid", "rfence.hfence_vvma",
	};
	unsigned long outside = 1UL << cfg.nr_vharts;

	check("rfence.fence_i_all", ecall(SBI_EXT_RFENCE, 0, 0, ~0UL, 0).error, 0);
	check("rfence.sfence_vma_all",
	      sbi_call(SBI_EXT_RFENCE, 1, 0, ~0UL, 0, ~0UL, 0).error, 0);
	check("rfence.sfence_vma_asid_all",
	      sbi_call(SBI_EXT_RFENCE, 2, 0, ~0UL, 0, ~0UL, 1).error, 0);
	check("rfence.fence_i_self", ecall(SBI_EXT_RFENCE, 0, 1UL << cfg.self, 0, 0).error, 0);
	check("rfence.fence_i_outside",
	      ecall(SBI_EXT_RFENCE, 0, outside, 0, 0).error, SBI_ERR_INVALID_PARAM);
	check("rfence.sfence_vma_outside",
	      sbi_call(SBI_EXT_RFENCE, 1, 1, cfg.nr_vharts, 0, ~0UL, 0).error,
	      SBI_ERR_INVALID_PARAM);
	for (unsigned i = 0; i < ARRAY_SIZE(hfence); i++)
		check(hfence[i], sbi_call(SBI_EXT_RFENCE, 3 + i, 0, ~0UL, 0, ~0UL, 0).error,
		      SBI_ERR_NOT_SUPPORTED);
}

/* Arm the timer 10 ms ahead (SBI TIME or legacy); it must fire, not early. */
static void timer_check(const char *name, bool legacy_call)
{
	char buf[48];
	unsigned long n = timer_irqs[cfg.self];
	uint64_t deadline = now() + ms_to_ticks(10);
	long err;
	bool got;

	if (legacy_call)
		err = legacy(SBI_EXT_LEGACY_SET_TIMER, deadline);
	else
		err = ecall(SBI_EXT_TIME, 0, deadline, 0, 0).error;
	got = wait_change(&timer_irqs[cfg.self], n, 1000);
	check(name, err, 0);
	fmt_snprintf(buf, sizeof(buf), "%s_irq", name);
	check(buf, got, 1);
	fmt_snprintf(buf, sizeof(buf), "%s_not_early", name);
	check(buf, got && timer_at[cfg.self] >= deadline, 1);
}

static void time_checks(void)
{
	unsigned long n;
	bool got;

	csr_set(sie, SIE_STIE);
	csr_set(sstatus, SSTATUS_SIE);
	timer_check("time.set_timer", false);
	timer_check("legacy.set_timer", true);
	/* a later set_timer replaces the deadline: ~0 cancels it */
	n = timer_irqs[cfg.self];
	ecall(SBI_EXT_TIME, 0, now() + ms_to_ticks(5), 0, 0);
	ecall(SBI_EXT_TIME, 0, ~0UL, 0, 0);
	got = wait_change(&timer_irqs[cfg.self], n, 30);
	check("time.cancel", got, 0);
	check("time.unknown_fid", ecall(SBI_EXT_TIME, 1, 0, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
	csr_clear(sstatus, SSTATUS_SIE);
	csr_clear(sie, SIE_STIE);
}

static bool has_susp(void)
{
	struct sbiret r = ecall(SBI_EXT_BASE, 3, SBI_EXT_SUSP, 0, 0);

	return !r.error && r.value;
}

/* Arm the timer `ms` ahead, with only its interrupt enabled in sie. */
static uint64_t timer_wake(unsigned ms)
{
	uint64_t deadline = now() + ms_to_ticks(ms);

	csr_set(sie, SIE_STIE);
	ecall(SBI_EXT_TIME, 0, deadline, 0, 0);
	return deadline;
}

static void timer_off(void)
{
	ecall(SBI_EXT_TIME, 0, ~0UL, 0, 0);
	csr_clear(sie, SIE_STIE);
}

/* A suspend of this hart the timer wakes: 1 if it woke with the timer's
 * interrupt pending, not before the deadline. */
static long timer_suspend(unsigned long type, long *err)
{
	uint64_t deadline = timer_wake(5);
	long woke;

	*err = ecall(SBI_EXT_HSM, 3, type, 0, 0).error;
	woke = (csr_read(sip) & SIP_STIP) && now() >= deadline;
	timer_off();
	return woke;
}

/* Retentive suspend: the call returns once an enabled interrupt is
 * pending (sstatus.SIE clear: it wakes, nothing traps).  suspend_type is
 * a uint32_t: bits above 31 do not count. */
static void suspend_checks(void)
{
	static const struct {
		const char *name;
		unsigned long type;
	} invalid[] = {
		{ "hsm.suspend_reserved_1", 1 },
		{ "hsm.suspend_reserved_top", 0x0fffffff },
		{ "hsm.suspend_reserved_nonret", 0x80000001 },
		{ "hsm.suspend_reserved_nonret_top", 0x8fffffff },
		{ "hsm.suspend_wide_reserved", (1UL << 32) | 1 },
	};
	long err, woke;

	csr_clear(sstatus, SSTATUS_SIE);
	woke = timer_suspend(HSM_SUSP_RET, &err);
	check("hsm.suspend_retentive", err, 0);
	check("hsm.suspend_woken_by_timer", woke, 1);
	woke = timer_suspend(1UL << 63, &err);
	check("hsm.suspend_wide_type", err, 0);
	check("hsm.suspend_wide_type_woken", woke, 1);
	for (unsigned i = 0; i < ARRAY_SIZE(invalid); i++)
		check(invalid[i].name, ecall(SBI_EXT_HSM, 3, invalid[i].type, 0, 0).error,
		      SBI_ERR_INVALID_PARAM);
	/* platform-specific types: none are implemented */
	check("hsm.suspend_platform", ecall(SBI_EXT_HSM, 3, 0x10000000, 0, 0).error,
	      SBI_ERR_INVALID_PARAM);
	check("hsm.suspend_platform_nonret",
	      ecall(SBI_EXT_HSM, 3, 0x90000000, (unsigned long)suspend_resume, 0).error,
	      SBI_ERR_INVALID_PARAM);
	if (cell_only("hsm.suspend_nonret_bad_addr"))
		check("hsm.suspend_nonret_bad_addr",
		      ecall(SBI_EXT_HSM, 3, HSM_SUSP_NON_RET, OUTSIDE, 0).error,
		      SBI_ERR_INVALID_ADDRESS);
}

/* What a non-retentive resume found: a0 the hart id, a1 the opaque
 * argument, satp 0 and sstatus.SIE 0 (set before the suspend). */
static void resume_checks(const char *what, const struct resume_ctx *ctx,
			  unsigned long hart)
{
	char buf[48];

	fmt_snprintf(buf, sizeof(buf), "%s_a0", what);
	check(buf, ctx->a0, hart);
	fmt_snprintf(buf, sizeof(buf), "%s_a1", what);
	check(buf, ctx->a1, (long)ctx);
	fmt_snprintf(buf, sizeof(buf), "%s_satp", what);
	check(buf, ctx->satp, 0);
	fmt_snprintf(buf, sizeof(buf), "%s_sie", what);
	check(buf, ctx->sstatus & SSTATUS_SIE, 0);
}

/* Suspend this hart non-retentively (or the system, SUSP) with sstatus.SIE
 * and the MMU on, woken by the timer; 1 if it came back at the resume
 * address, else the call's error. */
static long nonret_suspend(unsigned long ext, unsigned long fid, unsigned long type,
			   struct resume_ctx *ctx)
{
	long r;

	memset(ctx, 0, sizeof(*ctx));
	timer_wake(5);
	mmu_on();
	csr_set(sstatus, SSTATUS_SIE);
	r = suspend_call(ext, fid, type, ctx);
	csr_clear(sstatus, SSTATUS_SIE);
	csr_write(satp, 0);
	__asm__ volatile("sfence.vma" ::: "memory");
	timer_off();
	return r;
}

static void nonret_checks(void)
{
	static struct resume_ctx ctx;

	long r = nonret_suspend(SBI_EXT_HSM, 3, HSM_SUSP_NON_RET, &ctx);

	check("hsm.suspend_nonret", r, 1);
	if (r == 1)
		resume_checks("hsm.suspend_nonret", &ctx, cfg.self);
	/* bits above 31 do not count here either */
	check("hsm.suspend_nonret_wide",
	      nonret_suspend(SBI_EXT_HSM, 3, (0xffUL << 32) | HSM_SUSP_NON_RET, &ctx), 1);
}

/* Start vhart 1 to suspend itself (`job`); it must read SUSPENDED to us
 * until our IPI wakes it, then STOPPED. */
static void v1_suspend_checks(const char *what, unsigned long job)
{
	unsigned long o = cfg.other;
	char buf[48];

	memset(&v1, 0, sizeof(v1));
	fmt_snprintf(buf, sizeof(buf), "%s_start", what);
	check(buf, hsm_start(o, (unsigned long)secondary_entry, job), 0);
	fmt_snprintf(buf, sizeof(buf), "%s_suspended", what);
	check(buf, wait_status(o, HSM_SUSPENDED, 2000), HSM_SUSPENDED);
	sleep_ms(2);
	fmt_snprintf(buf, sizeof(buf), "%s_stays_suspended", what);
	check(buf, hsm_status(o), HSM_SUSPENDED);
	if (job == V1_SUSPEND && !has_susp()) {
		skip("susp.denied");
	} else if (job == V1_SUSPEND) {
		/* SUSP wants every other hart stopped: a suspended one is not */
		check("susp.denied", ecall(SBI_EXT_SUSP, 0, 0,
					   (unsigned long)suspend_resume, 0).error,
		      SBI_ERR_DENIED);
	}
	fmt_snprintf(buf, sizeof(buf), "%s_wake", what);
	check(buf, ecall(SBI_EXT_IPI, 0, 1UL << o, 0, 0).error, 0);
	fmt_snprintf(buf, sizeof(buf), "%s_resumed", what);
	check(buf, wait_change(&v1.resumed, 0, 2000), 1);
	fmt_snprintf(buf, sizeof(buf), "%s_ret", what);
	check(buf, v1.susp_ret, job == V1_NONRET);
	if (job == V1_NONRET && v1.susp_ret == 1)
		resume_checks(what, &v1.ctx, o);
	fmt_snprintf(buf, sizeof(buf), "%s_stopped", what);
	check(buf, wait_status(o, HSM_STOPPED, 2000), HSM_STOPPED);
}

/* SUSP: suspend to RAM of the whole cell (its other vhart stopped).
 * Checked as a guest would: only if BASE reports it. */
static void susp_checks(void)
{
	static const char *const names[] = {
		"susp.reserved_type", "susp.platform_type", "susp.wide_reserved_type",
		"susp.unknown_fid", "susp.bad_addr", "susp.suspend_to_ram",
		"susp.suspend_to_ram_a0", "susp.suspend_to_ram_a1",
		"susp.suspend_to_ram_satp", "susp.suspend_to_ram_sie",
	};
	static struct resume_ctx ctx;
	unsigned long resume = (unsigned long)suspend_resume;
	long r;

	if (!has_susp()) {
		for (unsigned i = 0; i < ARRAY_SIZE(names); i++)
			skip(names[i]);
		return;
	}

	check("susp.reserved_type", ecall(SBI_EXT_SUSP, 0, 1, resume, 0).error,
	      SBI_ERR_INVALID_PARAM);
	check("susp.platform_type", ecall(SBI_EXT_SUSP, 0, 0x80000000, resume, 0).error,
	      SBI_ERR_INVALID_PARAM);
	check("susp.wide_reserved_type", ecall(SBI_EXT_SUSP, 0, (1UL << 32) | 1, resume, 0).error,
	      SBI_ERR_INVALID_PARAM);
	check("susp.unknown_fid", ecall(SBI_EXT_SUSP, 1, 0, resume, 0).error,
	      SBI_ERR_NOT_SUPPORTED);
	if (cell_only("susp.bad_addr"))
		check("susp.bad_addr", ecall(SBI_EXT_SUSP, 0, 0, OUTSIDE, 0).error,
		      SBI_ERR_INVALID_ADDRESS);
	/* sleep_type is a uint32_t: this is 0, suspend to RAM */
	r = nonret_suspend(SBI_EXT_SUSP, 0, 1UL << 32, &ctx);
	check("susp.suspend_to_ram", r, 1);
	if (r == 1)
		resume_checks("susp.suspend_to_ram", &ctx, cfg.self);
}

/* A DBCN buffer outside the cell's memory: refused.  Natively the
 * firmware would read it and fault, so only in a cell. */
static void dbcn_refused(const char *name, unsigned long fid, unsigned long n,
			 unsigned long base)
{
	if (cell_only(name))
		check(name, ecall(SBI_EXT_DBCN, fid, n, base, 0).error, SBI_ERR_INVALID_PARAM);
}

/* counter_get_info: bit 63 = firmware counter; hardware: CSR in 11:0 */
#define PMU_INFO_FW		(1UL << 63)
#define PMU_EVENT_HW_CYCLES	0x00001
#define PMU_EVENT_HW_INSTRUCTIONS 0x00002
#define PMU_EVENT_FW(code)	(0xf0000 | (code))

/* A snapshot shared memory, as the spec wants it: 4 KiB, aligned. */
static uint64_t pmu_snapshot[512] __aligned(4096);

static struct sbiret pmu(unsigned long fid, unsigned long a0, unsigned long a1,
			 unsigned long a2, unsigned long a3, unsigned long a4)
{
	return sbi_call(SBI_EXT_PMU, fid, a0, a1, a2, a3, a4);
}

static long value_or_error(struct sbiret r)
{
	return r.error ? r.error : r.value;
}

/* The first counter `want_fw` (a firmware one or not) at or after 3. */
static long pmu_counter(unsigned long n, bool want_fw)
{
	for (unsigned long i = 3; i < n; i++) {
		struct sbiret r = pmu(1, i, 0, 0, 0, 0);

		if (!r.error && !!(r.value & PMU_INFO_FW) == want_fw)
			return (long)i;
	}
	return -1;
}

/* PMU: the counters, matching cycles and instructions to their fixed
 * counters, start, stop and their errors, a firmware counter. */
static void pmu_checks(void)
{
	static const char *const names[] = {
		"pmu.num_counters", "pmu.info_cycle", "pmu.info_outside",
		"pmu.match_cycles", "pmu.cycles_count", "pmu.start_started",
		"pmu.stop", "pmu.stop_stopped", "pmu.match_instret", "pmu.stop_reset",
		"pmu.match_unknown_event", "pmu.start_outside", "pmu.fw_match",
		"pmu.fw_read", "pmu.fw_read_hi", "pmu.fw_stop", "pmu.snapshot",
		"pmu.snapshot_shmem", "pmu.start_from_snapshot", "pmu.stop_take_snapshot",
		"pmu.unknown_fid",
	};
	struct sbiret r;
	unsigned long n, c0, c1;
	long fw;

	if (!ecall(SBI_EXT_BASE, 3, SBI_EXT_PMU, 0, 0).value) {
		for (unsigned i = 0; i < ARRAY_SIZE(names); i++)
			skip(names[i]);
		return;
	}
	r = pmu(0, 0, 0, 0, 0, 0);
	n = r.error ? 0 : (unsigned long)r.value;
	check("pmu.num_counters", n >= 3 && n <= 64, 1);
	out("sbitest: info pmu_counters %lu\n", n);
	r = pmu(1, 0, 0, 0, 0, 0);
	check("pmu.info_cycle", r.error ? r.error : (long)(r.value & 0xfff), 0xc00);
	check("pmu.info_outside", pmu(1, n, 0, 0, 0, 0).error, SBI_ERR_INVALID_PARAM);
	/* cycles on counter 0: from zero, started, counting */
	r = pmu(2, 0, 1, 2 | 4, PMU_EVENT_HW_CYCLES, 0);	/* CLEAR_VALUE, AUTO_START */
	check("pmu.match_cycles", value_or_error(r), 0);
	c0 = rdcycle();
	for (volatile int i = 0; i < 100; i++)
		;
	c1 = rdcycle();
	check("pmu.cycles_count", c1 > c0, 1);
	check("pmu.start_started", pmu(3, 0, 1, 0, 0, 0).error, -7);	/* ALREADY_STARTED */
	check("pmu.stop", pmu(4, 0, 1, 0, 0, 0).error, 0);
	check("pmu.stop_stopped", pmu(4, 0, 1, 0, 0, 0).error, -8);	/* ALREADY_STOPPED */
	r = pmu(2, 0, 1UL << 2, 4, PMU_EVENT_HW_INSTRUCTIONS, 0);
	check("pmu.match_instret", value_or_error(r), 2);
	check("pmu.stop_reset", pmu(4, 2, 1, 1, 0, 0).error, 0);	/* RESET */
	r = pmu(2, 0, ~0UL >> (64 - n), 0, 0x0000f, 0);		/* no such HW event */
	check("pmu.match_unknown_event", r.error, SBI_ERR_INVALID_PARAM);
	check("pmu.start_outside", pmu(3, n, 1, 0, 0, 0).error, SBI_ERR_INVALID_PARAM);
	/* A firmware counter of illegal-instruction traps (they are the
	 * guest's own: none reach the firmware).  From base 0, as Linux asks:
	 * OpenSBI 1.5.1 mixes up bit and counter numbers for another base. */
	fw = pmu_counter(n, true);
	r = pmu(2, 0, ~0UL >> (64 - n), 2 | 4, PMU_EVENT_FW(4), 0);
	check("pmu.fw_match", fw >= 0 ? value_or_error(r) : -1, fw);
	check("pmu.fw_read", value_or_error(pmu(5, (unsigned long)fw, 0, 0, 0, 0)), 0);
	check("pmu.fw_read_hi", value_or_error(pmu(6, (unsigned long)fw, 0, 0, 0, 0)), 0);
	check("pmu.fw_stop", pmu(4, (unsigned long)fw, 1, 1, 0, 0).error, 0);
	/* OpenSBI 1.5.1 has no snapshot: no shared memory for one, and the
	 * flags that need it (INIT_FROM_SNAPSHOT, TAKE_SNAPSHOT: 1 << 1)
	 * find none */
	check("pmu.snapshot", pmu(7, ~0UL, ~0UL, 0, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
	check("pmu.snapshot_shmem", pmu(7, (unsigned long)pmu_snapshot, 0, 0, 0, 0).error,
	      SBI_ERR_NOT_SUPPORTED);
	check("pmu.start_from_snapshot", pmu(3, 0, 1, 2, 0, 0).error, SBI_ERR_NO_SHMEM);
	check("pmu.stop_take_snapshot", pmu(4, 0, 1, 2, 0, 0).error, SBI_ERR_NO_SHMEM);
	check("pmu.unknown_fid", pmu(9, 0, 0, 0, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
}

/* mcontrol6: type 6, action 0 (breakpoint), match 0 (equal), S, U, execute */
#define MC6_TYPE	(6UL << 60)
#define MC6_M		(1UL << 6)
#define MC6_S		(1UL << 4)
#define MC6_U		(1UL << 3)
#define MC6_EXEC	(1UL << 2)
#define EXC_BREAKPOINT	3

/* One entry of DBTR shared memory: tstate, tdata1-3, then the index. */
struct dbtr_entry {
	unsigned long tstate, tdata1, tdata2, tdata3, idx;
};

static struct sbiret dbtr(unsigned long fid, unsigned long a0, unsigned long a1)
{
	return ecall(SBI_EXT_DBTR, fid, a0, a1, 0);
}

/* DBTR: an execute breakpoint on dbtr_target, in this mode only: it must
 * trap there (breakpoint, sepc = the target), and not once removed. */
static void dbtr_checks(void)
{
	static const char *const names[] = {
		"dbtr.num_triggers", "dbtr.num_mcontrol6", "dbtr.install_no_shmem",
		"dbtr.shmem_misaligned", "dbtr.shmem_hi", "dbtr.setup_shmem",
		"dbtr.install_m_mode", "dbtr.install", "dbtr.breakpoint_fires",
		"dbtr.breakpoint_epc", "dbtr.update", "dbtr.updated_quiet", "dbtr.update_back",
		"dbtr.updated_fires", "dbtr.disable", "dbtr.disabled_quiet", "dbtr.enable",
		"dbtr.enabled_fires", "dbtr.uninstall", "dbtr.uninstalled_quiet",
		"dbtr.uninstall_again", "dbtr.shmem_off", "dbtr.unknown_fid",
	};
	static struct dbtr_entry e[2];
	unsigned long target = (unsigned long)dbtr_target, got;
	struct sbiret r;
	long idx;

	if (!ecall(SBI_EXT_BASE, 3, SBI_EXT_DBTR, 0, 0).value) {
		for (unsigned i = 0; i < ARRAY_SIZE(names); i++)
			skip(names[i]);
		return;
	}
	r = dbtr(0, 0, 0);
	check("dbtr.num_triggers", r.error ? r.error : r.value > 0, 1);
	r = dbtr(0, MC6_TYPE, 0);
	check("dbtr.num_mcontrol6", r.error ? r.error : r.value > 0, 1);
	check("dbtr.install_no_shmem", dbtr(3, 1, 0).error, -9);	/* NO_SHMEM */
	check("dbtr.shmem_misaligned", dbtr(1, (unsigned long)e + 1, 0).error,
	      SBI_ERR_INVALID_PARAM);
	check("dbtr.shmem_hi", dbtr(1, (unsigned long)e, 1).error, SBI_ERR_INVALID_ADDRESS);
	check("dbtr.setup_shmem", dbtr(1, (unsigned long)e, 0).error, 0);
	memset(e, 0, sizeof(e));
	e[0].tdata1 = MC6_TYPE | MC6_M | MC6_EXEC;	/* M-mode: never ours */
	e[0].tdata2 = target;
	check("dbtr.install_m_mode", dbtr(3, 1, 0).error, SBI_ERR_FAILED);
	e[0].tdata1 = MC6_TYPE | MC6_S | MC6_U | MC6_EXEC;
	r = dbtr(3, 1, 0);
	check("dbtr.install", r.error, 0);
	idx = (long)e[0].idx;
	check("dbtr.breakpoint_fires", trap_cause(dbtr_target, 1, &got), EXC_BREAKPOINT);
	check("dbtr.breakpoint_epc", exc_last_epc(), (long)target);
	/* a new address (tdata2) moves it off the target, then back */
	e[0].tdata2 = target + 0x1000;
	check("dbtr.update", dbtr(4, (unsigned long)idx, 1).error, 0);
	check("dbtr.updated_quiet", trap_cause(dbtr_target, 1, &got), -1);
	e[0].tdata2 = target;
	check("dbtr.update_back", dbtr(4, (unsigned long)idx, 1).error, 0);
	check("dbtr.updated_fires", trap_cause(dbtr_target, 1, &got), EXC_BREAKPOINT);
	check("dbtr.disable", dbtr(7, (unsigned long)idx, 1).error, 0);
	check("dbtr.disabled_quiet", trap_cause(dbtr_target, 1, &got), -1);
	check("dbtr.enable", dbtr(6, (unsigned long)idx, 1).error, 0);
	check("dbtr.enabled_fires", trap_cause(dbtr_target, 1, &got), EXC_BREAKPOINT);
	check("dbtr.uninstall", dbtr(5, (unsigned long)idx, 1).error, 0);
	check("dbtr.uninstalled_quiet", trap_cause(dbtr_target, 1, &got) == -1 && got == 2, 1);
	check("dbtr.uninstall_again", dbtr(5, (unsigned long)idx, 1).error, SBI_ERR_INVALID_PARAM);
	check("dbtr.shmem_off", dbtr(1, ~0UL, ~0UL).error, 0);
	check("dbtr.unknown_fid", dbtr(8, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
}

static long fwft_get(unsigned long feature)
{
	struct sbiret r = ecall(SBI_EXT_FWFT, 1, feature, 0, 0);

	return r.error ? r.error : r.value;
}

static long fwft_set(unsigned long feature, unsigned long value, unsigned long flags)
{
	return ecall(SBI_EXT_FWFT, 0, feature, value, flags).error;
}

/* A henvcfg-backed feature: there (at its default, can be set and read
 * back, then off) if the CPU has `ext`, else NOT_SUPPORTED both ways. */
static void fwft_feature(const char *name, unsigned long f, const char *ext,
			 unsigned long on, long dflt)
{
	char buf[48];
	bool has = has_isa_ext(ext);

	fmt_snprintf(buf, sizeof(buf), "fwft.%s_get", name);
	check(buf, fwft_get(f), has ? dflt : SBI_ERR_NOT_SUPPORTED);
	fmt_snprintf(buf, sizeof(buf), "fwft.%s_set", name);
	check(buf, fwft_set(f, on, 0), has ? 0 : SBI_ERR_NOT_SUPPORTED);
	fmt_snprintf(buf, sizeof(buf), "fwft.%s_get_set", name);
	check(buf, fwft_get(f), has ? (long)on : SBI_ERR_NOT_SUPPORTED);
	fmt_snprintf(buf, sizeof(buf), "fwft.%s_clear", name);
	check(buf, fwft_set(f, 0, 0), has ? 0 : SBI_ERR_NOT_SUPPORTED);
}

/* FWFT: misaligned-exception delegation (its effect too), the lock, the
 * features the CPU may have, IDs that are not features. */
static void fwft_checks(void)
{
	static const uint64_t buf[2] = { 0x0706050403020100UL, 0x0f0e0d0c0b0a0908UL };
	unsigned long addr = (unsigned long)buf + 1, got;

	check("fwft.misaligned_get", fwft_get(0), 0);
	check("fwft.misaligned_off_no_trap", trap_cause(misaligned_load, addr, &got), -1);
	check("fwft.misaligned_off_value", got == 0x0807060504030201UL, 1);
	check("fwft.misaligned_set", fwft_set(0, 1, 0), 0);
	check("fwft.misaligned_get_set", fwft_get(0), 1);
	/* QEMU does misaligned loads in hardware: no trap to see here */
	/* the feature ID is a uint32_t */
	check("fwft.wide_feature", fwft_get((0xffUL << 32) | 0), 1);
	check("fwft.bad_value", fwft_set(0, 2, 0), SBI_ERR_INVALID_PARAM);
	check("fwft.bad_flags", fwft_set(0, 0, 2), SBI_ERR_INVALID_PARAM);
	check("fwft.lock", fwft_set(0, 0, 1), 0);
	check("fwft.locked_set", fwft_set(0, 1, 0), SBI_ERR_DENIED_LOCKED);
	check("fwft.locked_get", fwft_get(0), 0);
	check("fwft.locked_no_trap", trap_cause(misaligned_load, addr, &got), -1);
	fwft_feature("lp", 1, "zicfilp", 1, 0);
	fwft_feature("ss", 2, "zicfiss", 1, 0);
	fwft_feature("dt", 3, "ssdbltrp", 1, 0);
	/* Svadu without Svade: the hart updates A/D bits unless told not to */
	fwft_feature("ad", 4, "svadu", 1, !has_isa_ext("svade"));
	fwft_feature("pmlen", 5, "ssnpm", 7, 0);
	check("fwft.reserved", fwft_get(6), SBI_ERR_DENIED);
	check("fwft.platform", fwft_get(0x40000000), SBI_ERR_DENIED);
	check("fwft.global", fwft_get(0x80000000), SBI_ERR_DENIED);
	check("fwft.set_reserved", fwft_set(6, 0, 0), SBI_ERR_DENIED);
	check("fwft.unknown_fid", ecall(SBI_EXT_FWFT, 2, 0, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
}

static void dbcn_checks(void)
{
	/* printed only if the hypervisor wrongly takes the buffer */
	static const char leak[] = "sbitest: LEAKED\n";
	static char rx[8];
	static const char byte_line[] = "sbitest: dbcn.write_byte ok\n";
	static const char write_line[] = "sbitest: dbcn.write ok\n";
	unsigned long n = sizeof(leak) - 1;
	struct sbiret r;
	long bad = 0;

	/* one call, the whole line: it prints itself when it works */
	r = ecall(SBI_EXT_DBCN, 0, sizeof(write_line) - 1, (unsigned long)write_line, 0);
	if (r.error || r.value != sizeof(write_line) - 1)
		check("dbcn.write", r.error ? r.error : r.value, sizeof(write_line) - 1);
	else
		passed++;
	dbcn_refused("dbcn.write_outside", 0, 8, OUTSIDE);
	dbcn_refused("dbcn.write_straddle_end", 0, 8, cfg.ram_end - 4);
	dbcn_refused("dbcn.write_straddle_start", 0, 8, cfg.ram_base - 4);
	/* on RV64 the address is base_lo + 2^64 * base_hi: beyond any memory */
	r = ecall(SBI_EXT_DBCN, 0, n, (unsigned long)leak, 1UL << 32);
	check("dbcn.write_hi", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_DBCN, 0, n, (unsigned long)leak, 1);
	check("dbcn.write_hi_1", r.error, SBI_ERR_INVALID_PARAM);
	/* The range as given is checked, not what a partial write would take:
	 * a valid base with a length that wraps, runs past the memory or is
	 * huge is refused. */
	dbcn_refused("dbcn.write_wrap", 0, 16 - (unsigned long)leak, (unsigned long)leak);
	dbcn_refused("dbcn.write_wrap_top", 0, 4096, ~0UL - 7);
	dbcn_refused("dbcn.write_past_end", 0, cfg.ram_end - (unsigned long)leak + 1,
		     (unsigned long)leak);
	dbcn_refused("dbcn.write_huge", 0, 1UL << 40, (unsigned long)leak);
	dbcn_refused("dbcn.read_outside", 1, sizeof(rx), OUTSIDE);
	dbcn_refused("dbcn.read_wrap", 1, 16 - (unsigned long)rx, (unsigned long)rx);
	dbcn_refused("dbcn.read_huge", 1, 1UL << 40, (unsigned long)rx);
	r = ecall(SBI_EXT_DBCN, 1, sizeof(rx), (unsigned long)rx, 1);
	check("dbcn.read_hi", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_DBCN, 1, sizeof(rx), (unsigned long)rx, 0);
	check("dbcn.read", r.error, 0);
	check("dbcn.unknown_fid", ecall(SBI_EXT_DBCN, 3, 0, 0, 0).error,
	      SBI_ERR_NOT_SUPPORTED);

	/* This line goes out a byte at a time; the test reads it back. */
	for (unsigned i = 0; i < sizeof(byte_line) - 1; i++)
		bad |= ecall(SBI_EXT_DBCN, 2, (unsigned char)byte_line[i], 0, 0).error;
	if (bad)
		check("dbcn.write_byte", bad, 0);
	else
		passed++;
}

static void srst_checks(void)
{
	check("srst.bad_type", ecall(SBI_EXT_SRST, 0, 5, 0, 0).error, SBI_ERR_INVALID_PARAM);
	check("srst.bad_reason", ecall(SBI_EXT_SRST, 0, 0, 0x1000, 0).error,
	      SBI_ERR_INVALID_PARAM);
	/* uint32_t both: bits above 31 do not make a reserved value valid */
	check("srst.wide_bad_type", ecall(SBI_EXT_SRST, 0, (1UL << 32) | 5, 0, 0).error,
	      SBI_ERR_INVALID_PARAM);
	check("srst.wide_bad_reason", ecall(SBI_EXT_SRST, 0, 0, (1UL << 32) | 0x1000, 0).error,
	      SBI_ERR_INVALID_PARAM);
	/* implementation- and vendor-specific reasons: we have none */
	check("srst.impl_reason", ecall(SBI_EXT_SRST, 0, 0, 0xe0000000, 0).error,
	      SBI_ERR_INVALID_PARAM);
	check("srst.vendor_reason", ecall(SBI_EXT_SRST, 0, 0, 0xf0000000, 0).error,
	      SBI_ERR_INVALID_PARAM);
	check("srst.unknown_fid", ecall(SBI_EXT_SRST, 1, 0, 0, 0).error,
	      SBI_ERR_NOT_SUPPORTED);
}

static void legacy_checks(void)
{
	static const char line[] = "sbitest: legacy.putchar ok\n";
	long bad = 0;

	check("legacy.getchar", legacy(SBI_EXT_LEGACY_GETCHAR, 0), -1);
	for (unsigned i = 0; i < sizeof(line) - 1; i++)
		bad |= legacy(SBI_EXT_LEGACY_PUTCHAR, (unsigned char)line[i]);
	if (bad)
		check("legacy.putchar", bad, 0);
	else
		passed++;
	legacy_mask_checks();
}

void run_checks(void)
{
	base_checks();
	hsm_checks();
	ipi_checks();
	rfence_checks();
	time_checks();
	suspend_checks();
	nonret_checks();
	v1_suspend_checks("hsm.v1_suspend", V1_SUSPEND);
	v1_suspend_checks("hsm.v1_nonret", V1_NONRET);
	susp_checks();
	fwft_checks();
	pmu_checks();
	dbtr_checks();
	dbcn_checks();
	srst_checks();
	legacy_checks();
	exc_checks();
	mmio_checks();
}
