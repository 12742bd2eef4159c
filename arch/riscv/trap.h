/* SPDX-License-Identifier: GPL-2.0-only */
/* Trap handling inside arch/riscv. */
#ifndef RISCV_TRAP_H
#define RISCV_TRAP_H

#include <arch/csr.h>
#include <fv/compiler.h>
#include <fv/cpu.h>

/*
 * Exceptions a guest's own mistake causes, the ones a native kernel would
 * see on the same hart: delegated to the guest (hedeleg, vcpu.c), and
 * forwarded to it should one reach us all the same (guest_trap.c).  The
 * access faults (1, 5, 7) are here too: the G-stage lets the guest reach
 * only its own memory and devices, so a PMA or PMP check that refuses an
 * access there (say an AMO or a wrong width on a passthrough device) is the
 * fault a native kernel would get for the same access.  Not here: the SBI
 * call (10), and the guest-page faults and virtual instructions (20-23),
 * which the hypervisor must look at first.
 */
#define RISCV_GUEST_EXCEPTIONS						\
	(BIT(EXC_INST_MISALIGNED) | BIT(EXC_INST_ACCESS) |		\
	 BIT(EXC_ILLEGAL_INST) | BIT(EXC_BREAKPOINT) |			\
	 BIT(EXC_LOAD_MISALIGNED) | BIT(EXC_LOAD_ACCESS) |		\
	 BIT(EXC_STORE_MISALIGNED) | BIT(EXC_STORE_ACCESS) |		\
	 BIT(EXC_ECALL_U) | BIT(EXC_INST_PAGE_FAULT) |			\
	 BIT(EXC_LOAD_PAGE_FAULT) | BIT(EXC_STORE_PAGE_FAULT))

/* The guest registers every trap from a guest saves in c->arch.regs and
 * loads back from there (trap_entry.S), as a mask of their numbers, x0
 * included: ra, sp, tp, t0, t1, a0-a7. */
#define RISCV_GUEST_CLOBBERED	(BIT(0) | BIT(1) | BIT(2) | BIT(4) | BIT(5) | \
				 BIT(6) | (0xffUL << 10))

/* vcpu_stats.traps[]: exceptions by scause, interrupts at 24 + their number */
#define RISCV_TRAP_IRQ_BASE	24
static inline unsigned riscv_trap_kind(unsigned long cause)
{
	unsigned long code = cause & ~CAUSE_IRQ_FLAG;

	if (cause & CAUSE_IRQ_FLAG)
		code += RISCV_TRAP_IRQ_BASE;
	return code < 40 ? (unsigned)code : 39;
}

extern char riscv_trap_entry[], riscv_secondary_entry[];
__noreturn void riscv_guest_resume(void);

void riscv_hs_trap(unsigned long *frame);
void riscv_guest_trap(struct cpu *c, unsigned long cause);	/* gdb_entry.S */
void riscv_guest_trap_c(struct cpu *c, unsigned long cause);
void riscv_guest_irq(struct cpu *c, unsigned long cause);
int riscv_guest_page_fault(struct cpu *c, unsigned long cause);
void riscv_guest_page_fault_all(struct cpu *c, unsigned long cause);
void riscv_virtual_inst(struct cpu *c);
void riscv_forward_exception(struct cpu *c, unsigned long scause, unsigned long cause,
			     unsigned long tval);
void riscv_vsbi_call(struct cpu *c);
const char *riscv_cause_name(unsigned long cause);
void riscv_dump_regs_locked(const unsigned long *regs);
/* Guest breakpoints to the hypervisor (a debugger is on) or to the guest. */
void riscv_breakpoints_to_hs(bool on);

#endif
