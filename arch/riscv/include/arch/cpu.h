/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * RISC-V per-hart state.  While the hypervisor runs, tp points to this
 * hart's struct cpu (struct arch_cpu is its first member) and sscratch is 0;
 * while a guest runs, sscratch holds that pointer instead, which is how the
 * trap entry tells a trap from the guest from one taken in HS-mode.
 */
#ifndef ARCH_CPU_H
#define ARCH_CPU_H

/* Offsets used by the assembly; checked against the struct in cpu.c. */
#define ARCH_CPU_STACK_TOP	0
#define ARCH_CPU_REGS		8	/* x0..x31, x0 slot never read */
#define ARCH_CPU_REG(n)		(ARCH_CPU_REGS + 8 * (n))
#define ARCH_CPU_DBG		(ARCH_CPU_REG(32) + 4)	/* after fault */

/* For trap_entry.S's timer and external-interrupt paths, checked in
 * guest_trap.c: struct cpu's
 * vcpu and trace_on, and counters of struct vcpu's stats. */
#define CPU_VCPU		352
#define CPU_TRACE_ON		400
#define VCPU_STAT_TRAPS		256	/* by riscv_trap_kind() */
#define VCPU_STAT_TRAP_S_TIMER	(VCPU_STAT_TRAPS + 8 * (24 + 5))
#define VCPU_STAT_TRAP_S_EXT	(VCPU_STAT_TRAPS + 8 * (24 + 9))

#ifndef __ASSEMBLER__
#include <fv/types.h>

struct cpu;
struct emu_dev;

struct arch_cpu {
	uintptr_t stack_top;
	unsigned long regs[32];	/* the guest's registers while in HS-mode; regs[0]
				 * (x0) is never read, a load into x0 may
				 * write it (guest_trap.c's claim_load()) */
	/* Guest-memory reads from HS-mode (hlv/hlvx) may fault: the handler
	 * then sets FAULT_TAKEN and skips the instruction. */
	volatile int fault;
	/* A debugger holds this hart's guest (gdb.c): 0 no; 1 yes, so a trap
	 * saves every register (gdb_entry.S); 2 in such a trap, all saved. */
	volatile int dbg;
	/* The emulated device this hart's guest last accessed, tried first
	 * (guest_trap.c): a hart runs one cell's guest only, so it is always
	 * one of that cell's. */
	struct emu_dev *last_emu;
	/* ... and the window of it tried first: its base and size, but the
	 * vPLIC's ends below its context registers (size 0: none yet) */
	uint64_t last_base, last_size;
	/* The claim/complete register of this hart's S-mode PLIC context
	 * (irq_route.c); NULL on an AIA machine or before the routes. */
	volatile uint32_t *plic_claim;
	/* The guest-physical address of this hart's vhart's own claim/complete
	 * register of its cell's vPLIC, and that vPLIC's device, set at the
	 * guest's accesses to the vPLIC on the full way (guest_trap.c; its
	 * vhart is fixed, as its cell): a fault there outside the window
	 * above takes the short way, claim_load() or claim_store().  vclaim_dev NULL: none
	 * yet. */
	uint64_t vclaim_gpa;
	struct emu_dev *vclaim_dev;
	unsigned long vclaim_ctx;
};

#define FAULT_NONE	0
#define FAULT_EXPECTED	1
#define FAULT_TAKEN	2

static inline struct cpu *arch_this_cpu(void)
{
	struct cpu *c;

	__asm__ volatile("mv %0, tp" : "=r"(c));
	return c;
}
#endif

#endif
