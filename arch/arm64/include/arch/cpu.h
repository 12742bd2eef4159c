/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ARM64 per-CPU state.  TPIDR_EL2 points to this CPU's struct cpu (struct
 * arch_cpu is its first member) from arch_cpu_init() on; the exception
 * vectors find the CPU there.  A guest's general registers are saved in
 * regs[] while the hypervisor runs on its behalf.
 */
#ifndef ARCH_CPU_H
#define ARCH_CPU_H

/* Offsets used by the assembly; checked against the struct in cpu.c. */
#define ARCH_CPU_STACK_TOP	0
#define ARCH_CPU_REGS		8	/* x0..x30 */
#define ARCH_CPU_REG(n)		(ARCH_CPU_REGS + 8 * (n))

#ifndef __ASSEMBLER__
#include <fv/types.h>

struct cpu;

struct arch_cpu {
	uintptr_t stack_top;
	unsigned long regs[31];	/* the guest's x0..x30 while at EL2 */
};

static inline struct cpu *arch_this_cpu(void)
{
	struct cpu *c;

	__asm__ volatile("mrs %0, tpidr_el2" : "=r"(c));
	return c;
}
#endif

#endif
