/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ARM64's side of the RTOS's arch interface: the per-CPU and platform
 * state only this architecture has (GICv3, PSCI conduit), and the inline
 * helpers the shared code calls (this_hart from TPIDR_EL1, interrupt
 * masking with DAIF.I, time from the virtual counter, barriers).  The
 * functions of the interface itself are declared in ../../arch_if.h.
 */
#ifndef RTOS_ARCH_H
#define RTOS_ARCH_H

#include <stdbool.h>
#include <stdint.h>
#include "sysreg.h"

/* What only ARM64 reads from its device tree (dtb.c). */
struct arch_platform {
	uintptr_t gicd;			/* GICv3 distributor */
	uintptr_t gicr;			/* its first redistributor region */
	uint64_t gicr_size;
	unsigned gic_lines;		/* INTIDs the distributor has (32: no SPIs) */
	bool gic_v2;			/* an "arm,cortex-a15-gic": gicr is its
					   CPU interface (gicv2.c) */
	bool psci_smc;			/* /psci method: "smc" (else "hvc") */
};

struct arch_hart {
	uintptr_t gicr;			/* this CPU's redistributor (GICv2: the CPU
					   interface), 0: none found */
};

/* The boot hart's debug registers, put at boot and checked (dbgregs.c). */
void arm64_dbgregs_put(void);
void arm64_dbgregs_check(void);

/* No other console than the UART. */
#define ARCH_CONSOLE_FALLBACK	"none"

struct hart;

/* TPIDR_EL1 holds this CPU's struct hart from entry.S on. */
static inline struct hart *this_hart(void)
{
	return (struct hart *)sysreg_read(tpidr_el1);
}

/* Interrupts off on this CPU; returns non-zero if they were on. */
static inline unsigned long irq_save(void)
{
	unsigned long daif = sysreg_read(daif);

	__asm__ volatile("msr daifset, #2" ::: "memory");
	return !(daif & DAIF_I);
}

static inline void irq_restore(unsigned long flags)
{
	if (flags)
		__asm__ volatile("msr daifclr, #2" ::: "memory");
}

static inline uint64_t arch_now(void)
{
	__asm__ volatile("isb" ::: "memory");
	return sysreg_read(cntvct_el0);
}

static inline void arch_idle(void)
{
	__asm__ volatile("wfi" ::: "memory");
}

static inline void arch_mb(void)
{
	__asm__ volatile("dmb ish" ::: "memory");
}

static inline void arch_rmb(void)
{
	__asm__ volatile("dmb ishld" ::: "memory");
}

#endif
