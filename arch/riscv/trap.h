/* SPDX-License-Identifier: GPL-2.0-only */
/* Trap handling inside arch/riscv. */
#ifndef RISCV_TRAP_H
#define RISCV_TRAP_H

#include <fv/compiler.h>
#include <fv/cpu.h>

extern char riscv_trap_entry[], riscv_secondary_entry[];
__noreturn void riscv_guest_resume(void);

void riscv_hs_trap(unsigned long *frame);
void riscv_guest_trap(struct cpu *c, unsigned long cause);
void riscv_guest_page_fault(struct cpu *c, unsigned long cause);
void riscv_vsbi_call(struct cpu *c);
const char *riscv_cause_name(unsigned long cause);
void riscv_dump_regs_locked(const unsigned long *regs);

#endif
