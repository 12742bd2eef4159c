/* SPDX-License-Identifier: GPL-2.0-only */
/* The SBI test guest: what main.c and checks.c share. */
#ifndef SBITEST_H
#define SBITEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <fv/compiler.h>
#include <fv/sbi_ferrovisor.h>
#include "csr.h"

#define SBI_EXT_LEGACY_SET_TIMER	0x00
#define SBI_EXT_LEGACY_PUTCHAR		0x01
#define SBI_EXT_LEGACY_GETCHAR		0x02
#define SBI_EXT_LEGACY_CLEAR_IPI	0x03
#define SBI_EXT_LEGACY_SEND_IPI		0x04
#define SBI_EXT_LEGACY_FENCE_I		0x05
#define SBI_EXT_LEGACY_SFENCE_VMA	0x06
#define SBI_EXT_LEGACY_SFENCE_VMA_ASID	0x07
#define SBI_EXT_LEGACY_SHUTDOWN		0x08
#define SBI_EXT_BASE			0x10
#define SBI_EXT_TIME			0x54494D45
#define SBI_EXT_IPI			0x735049
#define SBI_EXT_RFENCE			0x52464E43
#define SBI_EXT_HSM			0x48534D
#define SBI_EXT_SRST			0x53525354
#define SBI_EXT_PMU			0x504D55
#define SBI_EXT_DBCN			0x4442434E
#define SBI_EXT_SUSP			0x53555350
#define SBI_EXT_CPPC			0x43505043
#define SBI_EXT_FWFT			0x46574654
#define SBI_EXT_DBTR			0x44425452
#define SBI_ERR_DENIED_LOCKED		-14
/* Ferrovisor's own (SBI_EXT_FERROVISOR, its fids): <fv/sbi_ferrovisor.h> */

#define SBI_SUCCESS			0
#define SBI_ERR_FAILED			-1
#define SBI_ERR_NOT_SUPPORTED		-2
#define SBI_ERR_INVALID_PARAM		-3
#define SBI_ERR_DENIED			-4
#define SBI_ERR_INVALID_ADDRESS		-5
#define SBI_ERR_ALREADY_AVAILABLE	-6
#define SBI_ERR_NO_SHMEM		-9

#define HSM_STARTED	0
#define HSM_STOPPED	1
#define HSM_SUSPENDED	4
#define HSM_SUSP_RET		0x00000000UL	/* default retentive */
#define HSM_SUSP_NON_RET	0x80000000UL	/* default non-retentive */

/* An address no cell of the test layouts has: nothing is mapped there. */
#define OUTSIDE		0x90000000UL

struct sbiret {
	long error;
	long value;
};

struct sbiret sbi_call(unsigned long ext, unsigned long fid, unsigned long a0,
		       unsigned long a1, unsigned long a2, unsigned long a3,
		       unsigned long a4);

/* What the device tree and the bootargs said. */
struct config {
	const void *fdt;
	uint64_t timebase;		/* Hz */
	uint64_t ram_base, ram_end;	/* the cell's first memory region */
	uint64_t plic_base;
	unsigned nr_vharts;
	bool sstc;
	char isa[1024];			/* the first CPU's ISA extensions, each
					   between spaces: " sstc svadu " */
	bool checks;			/* checks=0: skip them */
	bool exc_only;			/* checks=exc: only exc_checks() */
	char bad[16];			/* bad=<store|load|exec|mmio|ptw|none> */
	unsigned bad_vhart;		/* bad_vhart=N: which vhart does it */
	unsigned delay_ms;		/* delay_ms=N: wait before the bad thing */
	char doorbell[8];		/* doorbell=<ping|pong>: doorbell.c */
	bool legacy_shutdown;		/* shutdown=legacy: by SBI v0.1, not SRST */
	unsigned nr_doorbells;		/* ferrovisor,doorbell nodes */
	unsigned long self, other;	/* our hart id and the other one's: in a
					   cell 0 and 1, natively the firmware's
					   boot hart and the other */
	bool native;			/* not in a cell: on the firmware itself */
};

extern struct config cfg;
/* The device tree's first CPU has ISA extension `ext` (lower case). */
bool has_isa_ext(const char *ext);

/* Interrupts taken, per vhart (the trap handler counts them). */
#define MAX_VHARTS 2
extern volatile unsigned long ipis[MAX_VHARTS], timer_irqs[MAX_VHARTS];
extern volatile uint64_t timer_at[MAX_VHARTS];

/* What vhart 1 does when started (its opaque argument). */
enum v1_job {
	V1_HELLO = 0x5e1f,	/* say "up", wait for an IPI, hart_stop */
	V1_STOP,		/* hart_stop at once */
	V1_BAD,			/* the bad access of bad=<what> */
	V1_SUSPEND,		/* retentive hart_suspend until an IPI, hart_stop */
	V1_NONRET,		/* non-retentive hart_suspend until an IPI, hart_stop */
	V1_LEGACY,		/* wait for an IPI (legacy.c), hart_stop */
};

/*
 * suspend_call(ext, fid, type, ctx) (entry.S): an SBI suspend call
 * (ext, fid, a0 = type, a1 = where to resume, a2 = ctx) that keeps our
 * registers in `ctx` for a non-retentive resume.  Returns 1 once resumed
 * there (with what the resume found in ctx), 0 after a retentive one, or
 * the call's error.
 */
struct resume_ctx {
	unsigned long regs[16];		/* ra sp gp tp s0-s11 */
	unsigned long satp, sstatus, a0, a1;	/* as found at the resume */
};
long suspend_call(unsigned long ext, unsigned long fid, unsigned long type,
		  struct resume_ctx *ctx);
extern char suspend_resume[];		/* its resume address */

/* vhart 1's reports to vhart 0. */
struct v1_mailbox {
	unsigned long up, up_again, got_ipi, a0, a1;
	unsigned long suspending, resumed;	/* V1_SUSPEND, V1_NONRET */
	long susp_ret;				/* what suspend_call returned */
	unsigned long legacy_up, legacy_ipi;	/* V1_LEGACY */
	struct resume_ctx ctx;
};
extern struct v1_mailbox v1;

void out(const char *fmt, ...) __printf(1, 2);
static inline uint64_t now(void)
{
	uint64_t t;

	__asm__ volatile("rdtime %0" : "=r"(t));
	return t;
}

static inline uint64_t ms_to_ticks(unsigned ms)
{
	return cfg.timebase * ms / 1000;
}

/* Spin until *p != old or `ms` pass; true if it changed. */
bool wait_change(volatile unsigned long *p, unsigned long old, unsigned ms);
void sleep_ms(unsigned ms);

void secondary_entry(void);
void run_checks(void);
unsigned checks_passed(void);
unsigned checks_failed(void);
/* "sbitest: <name> ok", or FAIL with both numbers, if got != expected. */
void check(const char *name, long got, long expected);
/* "sbitest: <name> skip": a check not run natively (README.md says why). */
void skip(const char *name);

/* Instructions the hart lacks (exc.c, probes.S): a check group, and the trap
 * handler's share (true if the trap was one exc.c expected). */
void exc_checks(void);
/* mmio.c: loads and stores of a device register (the UART's scratch) */
void mmio_checks(void);
bool exc_trap(unsigned long cause);
/* Run fn(arg) (its trapping instruction 4 bytes long) with the trap
 * handler armed: the exception it took, or -1; *ret what fn returned. */
long trap_cause(unsigned long (*fn)(unsigned long), unsigned long arg, unsigned long *ret);
unsigned long misaligned_load(unsigned long addr);
unsigned long dbtr_target(unsigned long x);
/* sepc of the last exception trap_cause() saw. */
unsigned long exc_last_epc(void);

/* doorbell=ping|pong (doorbell.c): talk to the peer cell; and the trap
 * handler's share, an external interrupt. */
void doorbell_run(void);
void doorbell_trap(void);

/* bad=ptw: the guest's own page table sends PTW_VA's walk to `table`. */
#define PTW_VA		0x40000000UL
unsigned long ptw_setup(uint64_t table);
/* Sv39 on with RAM mapped to itself (a resume must turn it off). */
void mmu_on(void);
/* The same, and RAM's gigabyte (0x80000000) also at ALIAS_VA's. */
#define ALIAS_VA	0xc0000000UL
void mmu_on_alias(void);

/* The SBI v0.1 calls (legacy.c, probes.S): a check group (after
 * checks.c's getchar and putchar), and the calls
 * that take a pointer to a hart mask, returning a0. */
void legacy_mask_checks(void);
unsigned long legacy_send_ipi(unsigned long mask_ptr);
unsigned long legacy_remote_fence_i(unsigned long mask_ptr);
unsigned long legacy_remote_sfence_vma(unsigned long mask_ptr);
unsigned long legacy_remote_sfence_vma_asid(unsigned long mask_ptr);

#endif
