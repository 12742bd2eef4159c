// SPDX-License-Identifier: GPL-2.0-only
/*
 * What this guest sees for instructions its hart lacks: the hypervisor
 * extension's CSRs and fences, a counter the hypervisor withholds.  On a
 * hart without them they are illegal, so each must come to our own trap
 * handler as an illegal-instruction exception (scause 2, stval = the
 * instruction, sepc = its address, SPP = the mode it ran in), from VS and
 * from VU-mode, and the cell runs on.  Also the page table of bad=ptw.
 */
#include <fv/fmt.h>
#include "sbitest.h"

#define EXC_ILLEGAL_INST	2
#define EXC_ECALL_U		8

void run_user(void (*code)(void));
#define PROBE(n) void s_##n(void); void u_##n(void);
PROBE(csrr_hstatus)
PROBE(csrw_hgatp)
PROBE(hfence_vvma)
PROBE(csrr_hpmcounter31)

/* Where run_user's ecall resumes S-mode (0: not in run_user). */
unsigned long user_return;

/* The exception a probe is expected to raise, as the trap handler saw it. */
static volatile bool armed;
static volatile struct {
	unsigned long cause, epc, tval, sstatus;
} seen;

bool exc_trap(unsigned long cause)
{
	if (cause == EXC_ECALL_U && user_return) {
		csr_write(sepc, user_return);
		csr_set(sstatus, SSTATUS_SPP);
		user_return = 0;
		return true;
	}
	if (!armed || (cause & CAUSE_IRQ))
		return false;
	armed = false;
	seen.cause = cause;
	seen.epc = csr_read(sepc);
	seen.tval = csr_read(stval);
	seen.sstatus = csr_read(sstatus);
	csr_write(sepc, seen.epc + 4);	/* every probe is 4 bytes */
	return true;
}

/* One check for a probe that ran: named after the first field that is wrong. */
static void report(const char *name, void (*code)(void), bool user, bool sie)
{
	unsigned long epc = (unsigned long)(uintptr_t)code;
	const struct {
		const char *what;
		unsigned long got, want;
	} f[] = {
		{ "cause", seen.cause, EXC_ILLEGAL_INST },
		{ "epc", seen.epc, epc },
		{ "tval", seen.tval, *(volatile uint32_t *)(uintptr_t)code },
		{ "spp", !!(seen.sstatus & SSTATUS_SPP), !user },
		{ "spie", !!(seen.sstatus & SSTATUS_SPIE), sie },
		{ "sie", !!(seen.sstatus & SSTATUS_SIE), 0 },
	};
	char buf[48];

	for (unsigned i = 0; i < ARRAY_SIZE(f); i++) {
		if (f[i].got != f[i].want) {
			fmt_snprintf(buf, sizeof(buf), "%s.%s", name, f[i].what);
			check(buf, (long)f[i].got, (long)f[i].want);
			return;
		}
	}
	check(name, 0, 0);
}

/* Run a probe in VS (or VU) mode, sstatus.SIE set if `sie`, and check. */
static void probe(const char *name, void (*code)(void), bool user, bool sie)
{
	seen.cause = ~0UL;
	armed = true;
	if (sie)
		csr_set(sstatus, SSTATUS_SIE);
	if (user)
		run_user(code);
	else
		code();
	csr_clear(sstatus, SSTATUS_SIE);
	if (armed) {
		armed = false;
		check(name, -1, EXC_ILLEGAL_INST);	/* it did not trap at all */
		return;
	}
	report(name, code, user, sie);
}

void exc_checks(void)
{
	static const struct {
		const char *vs, *vu;
		void (*s)(void), (*u)(void);
	} p[] = {
		{ "exc.vs_csrr_hstatus", "exc.vu_csrr_hstatus", s_csrr_hstatus, u_csrr_hstatus },
		{ "exc.vs_csrw_hgatp", "exc.vu_csrw_hgatp", s_csrw_hgatp, u_csrw_hgatp },
		{ "exc.vs_hfence_vvma", "exc.vu_hfence_vvma", s_hfence_vvma, u_hfence_vvma },
		{ "exc.vs_csrr_hpmcounter31", "exc.vu_csrr_hpmcounter31", s_csrr_hpmcounter31,
		  u_csrr_hpmcounter31 },
	};

	for (unsigned i = 0; i < ARRAY_SIZE(p); i++) {
		probe(p[i].vs, p[i].s, false, false);
		probe(p[i].vu, p[i].u, true, false);
	}
	/* the trap saved sstatus.SIE in SPIE and cleared SIE */
	probe("exc.vs_sie_saved", s_csrr_hstatus, false, true);
}

unsigned long exc_last_epc(void)
{
	return seen.epc;
}

long trap_cause(unsigned long (*fn)(unsigned long), unsigned long arg, unsigned long *ret)
{
	seen.cause = ~0UL;
	armed = true;
	*ret = fn(arg);
	if (armed) {
		armed = false;
		return -1;
	}
	return (long)seen.cause;
}

/* ---------------------------------------------------------------- bad=ptw */

#define PTE_V	(1UL << 0)
#define PTE_RWX	(7UL << 1)
#define PTE_AD	(3UL << 6)
#define SATP_SV39 (8UL << 60)

static uint64_t ptw_root[512] __attribute__((aligned(4096)));

/*
 * Turn on Sv39 with a table of our own: RAM (and all of 0x80000000's
 * gigabyte) mapped to itself, and PTW_VA's gigabyte through a next-level
 * table "at" `table` (an emulated device's address), so that touching
 * PTW_VA makes the hart's page-table walk read a PTE from the device.
 */
unsigned long ptw_setup(uint64_t table)
{
	ptw_root[2] = ((0x80000000UL >> 12) << 10) | PTE_AD | PTE_RWX | PTE_V;
	ptw_root[PTW_VA >> 30] = ((table >> 12) << 10) | PTE_V;
	__asm__ volatile("sfence.vma" ::: "memory");
	csr_write(satp, SATP_SV39 | ((uintptr_t)ptw_root >> 12));
	__asm__ volatile("sfence.vma" ::: "memory");
	return PTW_VA;
}

void mmu_on(void)
{
	ptw_setup(0);	/* PTW_VA's gigabyte goes nowhere: never touched */
}

/* mmu_on(), and RAM's gigabyte also at ALIAS_VA's: what lies at physical
 * address p is then at p - 0x80000000 + ALIAS_VA too. */
void mmu_on_alias(void)
{
	mmu_on();
	ptw_root[ALIAS_VA >> 30] = ptw_root[2];
	__asm__ volatile("sfence.vma" ::: "memory");
}
