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
		{ "probe.legacy_shutdown", SBI_EXT_LEGACY_SHUTDOWN, 1 },
		{ "probe.legacy_send_ipi", SBI_EXT_LEGACY_SEND_IPI, 0 },
		{ "probe.pmu", SBI_EXT_PMU, 0 },
		{ "probe.susp", SBI_EXT_SUSP, 0 },
		{ "probe.cppc", SBI_EXT_CPPC, 0 },
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
	r = ecall(SBI_EXT_FERROVISOR, 0, cfg.nr_doorbells, 0, 0);
	check("fv.ring_past_last", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_FERROVISOR, 0, ~0UL, 0, 0);
	check("fv.ring_huge", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_FERROVISOR, 1, 0, 0, 0);
	check("fv.unknown_fid", r.error, SBI_ERR_NOT_SUPPORTED);
	check("ext.legacy_reserved", legacy(0x0F, 0), SBI_ERR_NOT_SUPPORTED);
	check("legacy.clear_ipi", legacy(SBI_EXT_LEGACY_CLEAR_IPI, 0), SBI_ERR_NOT_SUPPORTED);
	check("legacy.send_ipi", legacy(SBI_EXT_LEGACY_SEND_IPI, 0), SBI_ERR_NOT_SUPPORTED);
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
	unsigned long n = cfg.nr_vharts;

	check("hsm.vharts", n, 2);
	check("hsm.status_self", hsm_status(0), HSM_STARTED);
	check("hsm.status_v1_stopped", hsm_status(1), HSM_STOPPED);
	check("hsm.status_outside", hsm_status(n), SBI_ERR_INVALID_PARAM);
	check("hsm.status_huge", hsm_status(~0UL), SBI_ERR_INVALID_PARAM);
	check("hsm.start_outside", hsm_start(n, entry, V1_HELLO), SBI_ERR_INVALID_PARAM);
	check("hsm.start_bad_addr", hsm_start(1, OUTSIDE, V1_HELLO), SBI_ERR_INVALID_ADDRESS);
	check("hsm.start_below_ram", hsm_start(1, cfg.ram_base - 2, V1_HELLO),
	      SBI_ERR_INVALID_ADDRESS);
	check("hsm.start_self", hsm_start(0, entry, V1_HELLO), SBI_ERR_ALREADY_AVAILABLE);
	check("hsm.status_v1_still_stopped", hsm_status(1), HSM_STOPPED);

	/* vhart 1 comes up, waits for our IPI, then stops itself */
	check("hsm.start_v1", hsm_start(1, entry, V1_HELLO), 0);
	check("hsm.v1_up", wait_change(&v1.up, 0, 2000), 1);
	check("hsm.v1_a0", v1.a0, 1);
	check("hsm.v1_a1", v1.a1, V1_HELLO);
	check("hsm.start_running", hsm_start(1, entry, V1_HELLO), SBI_ERR_ALREADY_AVAILABLE);
	check("hsm.status_v1_started", hsm_status(1), HSM_STARTED);
	/* a remote fence waits for a running target: it must come back */
	check("rfence.fence_i_v1", ecall(SBI_EXT_RFENCE, 0, 2, 0, 0).error, 0);
	check("rfence.sfence_vma_v1", sbi_call(SBI_EXT_RFENCE, 1, 2, 0, 0, ~0UL, 0).error, 0);
	check("ipi.to_v1", ecall(SBI_EXT_IPI, 0, 2, 0, 0).error, 0);
	check("ipi.v1_received", wait_change(&v1.got_ipi, 0, 2000), 1);
	check("hsm.v1_stopped", wait_status(1, HSM_STOPPED, 2000), HSM_STOPPED);

	/* a stopped vhart can be started again */
	check("hsm.restart_v1", hsm_start(1, entry, V1_STOP), 0);
	check("hsm.v1_up_again", wait_change(&v1.up_again, 0, 2000), 1);
	check("hsm.v1_stopped_again", wait_status(1, HSM_STOPPED, 2000), HSM_STOPPED);
}

/* Send an IPI and report whether one reached this vhart within `ms`. */
static bool ipi_arrives(unsigned long mask, unsigned long base, long *err, unsigned ms)
{
	unsigned long n = ipis[0];

	*err = ecall(SBI_EXT_IPI, 0, mask, base, 0).error;
	return wait_change(&ipis[0], n, ms);
}

static void ipi_checks(void)
{
	long err;
	bool got;

	csr_set(sie, SIE_SSIE);
	csr_set(sstatus, SSTATUS_SIE);

	got = ipi_arrives(1, 0, &err, 1000);
	check("ipi.self", err, 0);
	check("ipi.self_arrives", got, 1);
	got = ipi_arrives(0, ~0UL, &err, 1000);
	check("ipi.all", err, 0);
	check("ipi.all_arrives", got, 1);
	got = ipi_arrives(1, 1, &err, 10);	/* vhart 1 is stopped: fine */
	check("ipi.stopped_v1", err, 0);
	check("ipi.stopped_v1_not_here", got, 0);
	/* a mask naming a vhart the cell lacks: nothing is sent at all */
	got = ipi_arrives(1 | (1UL << cfg.nr_vharts), 0, &err, 10);
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
	check("ipi.unknown_fid", ecall(SBI_EXT_IPI, 1, 1, 0, 0).error, SBI_ERR_NOT_SUPPORTED);

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
	check("rfence.fence_i_self", ecall(SBI_EXT_RFENCE, 0, 1, 0, 0).error, 0);
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
	unsigned long n = timer_irqs[0];
	uint64_t deadline = now() + ms_to_ticks(10);
	long err;
	bool got;

	if (legacy_call)
		err = legacy(SBI_EXT_LEGACY_SET_TIMER, deadline);
	else
		err = ecall(SBI_EXT_TIME, 0, deadline, 0, 0).error;
	got = wait_change(&timer_irqs[0], n, 1000);
	check(name, err, 0);
	fmt_snprintf(buf, sizeof(buf), "%s_irq", name);
	check(buf, got, 1);
	fmt_snprintf(buf, sizeof(buf), "%s_not_early", name);
	check(buf, got && timer_at[0] >= deadline, 1);
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
	n = timer_irqs[0];
	ecall(SBI_EXT_TIME, 0, now() + ms_to_ticks(5), 0, 0);
	ecall(SBI_EXT_TIME, 0, ~0UL, 0, 0);
	got = wait_change(&timer_irqs[0], n, 30);
	check("time.cancel", got, 0);
	check("time.unknown_fid", ecall(SBI_EXT_TIME, 1, 0, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
	csr_clear(sstatus, SSTATUS_SIE);
	csr_clear(sie, SIE_STIE);
}

/* Retentive suspend: the call returns once an enabled interrupt is pending. */
static void suspend_checks(void)
{
	uint64_t deadline = now() + ms_to_ticks(5);
	long err;

	csr_clear(sstatus, SSTATUS_SIE);	/* wake, don't trap */
	csr_set(sie, SIE_STIE);
	ecall(SBI_EXT_TIME, 0, deadline, 0, 0);
	err = ecall(SBI_EXT_HSM, 3, 0, 0, 0).error;
	check("hsm.suspend_retentive", err, 0);
	check("hsm.suspend_woken_by_timer", (csr_read(sip) & SIP_STIP) && now() >= deadline, 1);
	ecall(SBI_EXT_TIME, 0, ~0UL, 0, 0);
	csr_clear(sie, SIE_STIE);
	/* non-retentive suspend is optional; we have none */
	check("hsm.suspend_non_retentive", ecall(SBI_EXT_HSM, 3, 0x80000000UL,
						  (unsigned long)secondary_entry, 0).error,
	      SBI_ERR_NOT_SUPPORTED);
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
	r = ecall(SBI_EXT_DBCN, 0, 8, OUTSIDE, 0);
	check("dbcn.write_outside", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_DBCN, 0, 8, cfg.ram_end - 4, 0);
	check("dbcn.write_straddle_end", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_DBCN, 0, 8, cfg.ram_base - 4, 0);
	check("dbcn.write_straddle_start", r.error, SBI_ERR_INVALID_PARAM);
	/* on RV64 the address is base_lo + 2^64 * base_hi: beyond any memory */
	r = ecall(SBI_EXT_DBCN, 0, n, (unsigned long)leak, 1UL << 32);
	check("dbcn.write_hi", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_DBCN, 0, n, (unsigned long)leak, 1);
	check("dbcn.write_hi_1", r.error, SBI_ERR_INVALID_PARAM);
	/* The range as given is checked, not what a partial write would take:
	 * a valid base with a length that wraps, runs past the memory or is
	 * huge is refused. */
	r = ecall(SBI_EXT_DBCN, 0, 16 - (unsigned long)leak, (unsigned long)leak, 0);
	check("dbcn.write_wrap", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_DBCN, 0, 4096, ~0UL - 7, 0);
	check("dbcn.write_wrap_top", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_DBCN, 0, cfg.ram_end - (unsigned long)leak + 1, (unsigned long)leak, 0);
	check("dbcn.write_past_end", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_DBCN, 0, 1UL << 40, (unsigned long)leak, 0);
	check("dbcn.write_huge", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_DBCN, 1, sizeof(rx), OUTSIDE, 0);
	check("dbcn.read_outside", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_DBCN, 1, 16 - (unsigned long)rx, (unsigned long)rx, 0);
	check("dbcn.read_wrap", r.error, SBI_ERR_INVALID_PARAM);
	r = ecall(SBI_EXT_DBCN, 1, 1UL << 40, (unsigned long)rx, 0);
	check("dbcn.read_huge", r.error, SBI_ERR_INVALID_PARAM);
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
}

void run_checks(void)
{
	base_checks();
	hsm_checks();
	ipi_checks();
	rfence_checks();
	time_checks();
	suspend_checks();
	dbcn_checks();
	srst_checks();
	legacy_checks();
	exc_checks();
}
