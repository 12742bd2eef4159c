// SPDX-License-Identifier: GPL-2.0-only
/*
 * The SBI v0.1 (legacy) calls, run on vhart 0: OpenSBI 1.5.1 has all of
 * 0x00-0x08, so a cell must have them too, confined to the cell.  In
 * v0.1 a hart mask is a pointer to the mask, a virtual address: tried
 * here in bare mode, through an alias mapping (Sv39), misaligned, NULL
 * (all harts), naming harts the machine lacks (ignored, as OpenSBI
 * does), and bad (outside the cell's memory, a device, unmapped).  A bad one
 * is SBI_ERR_INVALID_ADDRESS in a cell; natively OpenSBI gives us the
 * load fault instead, at the ecall, which the check reports as 100 +
 * its cause (the v0.1 spec leaves the error to the implementation).
 * set_timer is in checks.c (time_checks), shutdown in main.c
 * (shutdown=legacy).
 */
#include <fv/fmt.h>
#include "sbitest.h"

#define FAULT_BASE	100	/* a check's value: 100 + a redirected fault's cause */

typedef unsigned long (*mask_call)(unsigned long mask_ptr);

/* The calls that take a mask pointer, by name. */
static const struct {
	const char *name;
	mask_call call;
} mask_calls[] = {
	{ "send_ipi", legacy_send_ipi },
	{ "remote_fence_i", legacy_remote_fence_i },
	{ "remote_sfence_vma", legacy_remote_sfence_vma },
	{ "remote_sfence_vma_asid", legacy_remote_sfence_vma_asid },
};

/* Legacy calls return only a0. */
static long legacy(unsigned long ext, unsigned long a0)
{
	return sbi_call(ext, 0, a0, 0, 0, 0, 0).error;
}

/* call(ptr): what it returned, or FAULT_BASE + the cause of a fault the
 * firmware gave us for it. */
static long mask_result(mask_call call, unsigned long ptr)
{
	unsigned long ret;
	long cause = trap_cause(call, ptr, &ret);

	return cause >= 0 ? FAULT_BASE + cause : (long)ret;
}

static void check_named(const char *group, const char *name, const char *what, long got,
			long expected)
{
	char buf[64];

	fmt_snprintf(buf, sizeof(buf), "%s.%s%s", group, name, what);
	check(buf, got, expected);
}

/* Each mask call with the mask at `ptr`: its result is `want`. */
static void all_calls(const char *what, unsigned long ptr, long want)
{
	for (unsigned i = 0; i < ARRAY_SIZE(mask_calls); i++)
		check_named("legacy", mask_calls[i].name, what,
			    mask_result(mask_calls[i].call, ptr), want);
}

/* send_ipi with the mask at `ptr`: its result and whether an IPI came. */
static void ipi_check(const char *what, unsigned long ptr, bool arrives)
{
	unsigned long n = ipis[cfg.self];
	long err = mask_result(legacy_send_ipi, ptr);

	char buf[48];

	check_named("legacy", "send_ipi", what, err, 0);
	fmt_snprintf(buf, sizeof(buf), "%s_arrives", what);
	check_named("legacy", "send_ipi", buf,
		    wait_change(&ipis[cfg.self], n, arrives ? 1000 : 10), arrives);
}

/* A software interrupt a call left pending (SIE off) goes: the next
 * checks count the IPIs that arrive. */
static void drop_ipi(void)
{
	csr_clear(sip, SIP_SSIP);
}

static unsigned long masks[4];
static unsigned char odd[2 * sizeof(long)] __aligned(8);

/* clear_ipi clears a pending software interrupt of ours (SIE off). */
static void clear_ipi_checks(void)
{
	uint64_t end = now() + ms_to_ticks(10);

	sbi_call(SBI_EXT_IPI, 0, 1UL << cfg.self, 0, 0, 0, 0);
	while (!(csr_read(sip) & SIP_SSIP) && now() < end)
		;
	check("legacy.clear_ipi_pending", !!(csr_read(sip) & SIP_SSIP), 1);
	check("legacy.clear_ipi", legacy(SBI_EXT_LEGACY_CLEAR_IPI, 0), 0);
	check("legacy.clear_ipi_cleared", !!(csr_read(sip) & SIP_SSIP), 0);
}

/* Masks in memory, bare mode: to ourselves, all, harts the machine lacks
 * (ignored), empty, misaligned; then every call with each of them. */
static void ipi_checks(void)
{
	unsigned long me = 1UL << cfg.self;

	masks[0] = me;
	masks[1] = me | (1UL << cfg.nr_vharts) | (1UL << 63);
	masks[2] = 0;
	__builtin_memcpy(&odd[3], &me, sizeof(me));
	csr_set(sie, SIE_SSIE);
	csr_set(sstatus, SSTATUS_SIE);
	ipi_check("", (unsigned long)&masks[0], true);
	ipi_check("_null", 0, true);
	ipi_check("_outside", (unsigned long)&masks[1], true);
	ipi_check("_empty", (unsigned long)&masks[2], false);
	ipi_check("_misaligned", (unsigned long)&odd[3], true);
	csr_clear(sstatus, SSTATUS_SIE);
	csr_clear(sie, SIE_SSIE);
	for (unsigned i = 1; i < ARRAY_SIZE(mask_calls); i++) {
		check_named("legacy", mask_calls[i].name, "",
			    mask_result(mask_calls[i].call, (unsigned long)&masks[0]), 0);
		check_named("legacy", mask_calls[i].name, "_null",
			    mask_result(mask_calls[i].call, 0), 0);
		check_named("legacy", mask_calls[i].name, "_outside",
			    mask_result(mask_calls[i].call, (unsigned long)&masks[1]), 0);
	}
	/* outside the cell's memory (OUTSIDE, just below it) */
	all_calls("_bad_ptr", OUTSIDE, SBI_ERR_INVALID_ADDRESS);
	all_calls("_below_ram", cfg.ram_base - sizeof(long), SBI_ERR_INVALID_ADDRESS);
	/* a device of the cell's own (its PLIC) is no memory for a mask */
	all_calls("_device", cfg.plic_base, SBI_ERR_INVALID_ADDRESS);
	drop_ipi();
}

/* With Sv39: the mask pointer is a virtual address, read through our
 * page table; an unmapped one is bad. */
static void paged_checks(void)
{
	unsigned long va = (unsigned long)&masks[0] - 0x80000000UL + ALIAS_VA;
	unsigned long n = ipis[cfg.self];
	long err;

	mmu_on_alias();
	csr_set(sie, SIE_SSIE);
	csr_set(sstatus, SSTATUS_SIE);
	err = mask_result(legacy_send_ipi, va);
	check("legacy.send_ipi_va", err, 0);
	check("legacy.send_ipi_va_arrives", wait_change(&ipis[cfg.self], n, 1000), 1);
	csr_clear(sstatus, SSTATUS_SIE);
	csr_clear(sie, SIE_SSIE);
	check("legacy.remote_sfence_vma_va", mask_result(legacy_remote_sfence_vma, va), 0);
	all_calls("_unmapped", 1UL << 32, SBI_ERR_INVALID_ADDRESS);
	csr_write(satp, 0);
	__asm__ volatile("sfence.vma" ::: "memory");
	drop_ipi();
}

/* vhart 1 stopped within `ms`. */
static bool v1_stopped(unsigned ms)
{
	uint64_t end = now() + ms_to_ticks(ms);
	struct sbiret r;

	do {
		r = sbi_call(SBI_EXT_HSM, 2, cfg.other, 0, 0, 0, 0);
	} while (!(!r.error && r.value == HSM_STOPPED) && now() < end);
	return !r.error && r.value == HSM_STOPPED;
}

/* vhart 1 running: fences to it come back, an IPI reaches it. */
static void v1_checks(void)
{
	unsigned long o = 1UL << cfg.other;

	masks[3] = o;
	v1.legacy_up = v1.legacy_ipi = 0;
	check("legacy.v1_start",
	      sbi_call(SBI_EXT_HSM, 0, cfg.other, (unsigned long)secondary_entry, V1_LEGACY, 0,
		       0).error, 0);
	check("legacy.v1_up", wait_change(&v1.legacy_up, 0, 2000), 1);
	for (unsigned i = 1; i < ARRAY_SIZE(mask_calls); i++)
		check_named("legacy", mask_calls[i].name, "_v1",
			    mask_result(mask_calls[i].call, (unsigned long)&masks[3]), 0);
	check("legacy.send_ipi_v1", mask_result(legacy_send_ipi, (unsigned long)&masks[3]), 0);
	check("legacy.v1_received", wait_change(&v1.legacy_ipi, 0, 2000), 1);
	check("legacy.v1_stopped", v1_stopped(2000), 1);
}

/* After checks.c's console calls: the rest. */
void legacy_mask_checks(void)
{
	/* v0.1 calls set a0 only: a1 is the caller's still */
	check("legacy.keeps_a1",
	      sbi_call(SBI_EXT_LEGACY_GETCHAR, 0, 0, 0x5a5a, 0, 0, 0).value, 0x5a5a);
	clear_ipi_checks();
	ipi_checks();
	paged_checks();
	v1_checks();
}
