// SPDX-License-Identifier: GPL-2.0-only
/* Traps taken in HS-mode: expected guest-memory faults, or a fatal dump. */
#include <arch/csr.h>
#include <fv/arch_cell.h>
#include <fv/console.h>
#include <fv/cpu.h>
#include <fv/panic.h>
#include <fv/trace.h>
#include "trap.h"

static const char *const cause_names[] = {
	[EXC_INST_MISALIGNED] = "instruction address misaligned",
	[EXC_INST_ACCESS] = "instruction access fault",
	[EXC_ILLEGAL_INST] = "illegal instruction",
	[EXC_BREAKPOINT] = "breakpoint",
	[EXC_LOAD_MISALIGNED] = "load address misaligned",
	[EXC_LOAD_ACCESS] = "load access fault",
	[EXC_STORE_MISALIGNED] = "store address misaligned",
	[EXC_STORE_ACCESS] = "store access fault",
	[EXC_ECALL_U] = "ecall from U/VU",
	[EXC_ECALL_S] = "ecall from HS",
	[EXC_ECALL_VS] = "ecall from VS",
	[EXC_INST_PAGE_FAULT] = "instruction page fault",
	[EXC_LOAD_PAGE_FAULT] = "load page fault",
	[EXC_STORE_PAGE_FAULT] = "store page fault",
	[EXC_INST_GUEST_PAGE_FAULT] = "instruction guest-page fault",
	[EXC_LOAD_GUEST_PAGE_FAULT] = "load guest-page fault",
	[EXC_VIRTUAL_INST] = "virtual instruction",
	[EXC_STORE_GUEST_PAGE_FAULT] = "store guest-page fault",
};

const char *riscv_cause_name(unsigned long cause)
{
	if (cause & CAUSE_IRQ_FLAG)
		return "interrupt";
	if (cause < sizeof(cause_names) / sizeof(cause_names[0]) && cause_names[cause])
		return cause_names[cause];
	return "reserved";
}

bool arch_trap_kind_is_irq(unsigned kind)
{
	return kind >= RISCV_TRAP_IRQ_BASE;
}

/* Every S-mode timer interrupt a guest's trap brings is its emulated
 * timer (no Sstc) coming due, and raises VSTIP: trap_entry.S and
 * guest_trap.c count it once, as the trap. */
uint64_t arch_virqs_in_traps(const uint64_t *traps, unsigned virq)
{
	return virq == VIRQ_TIMER ? traps[RISCV_TRAP_IRQ_BASE + IRQ_S_TIMER] : 0;
}

const char *arch_trap_kind_name(unsigned kind)
{
	static const char *const irq_names[] = {
		[1] = "soft irq", [5] = "timer irq", [9] = "ext irq",
	};
	unsigned irq = kind - RISCV_TRAP_IRQ_BASE;

	if (kind < RISCV_TRAP_IRQ_BASE)
		return kind < sizeof(cause_names) / sizeof(cause_names[0]) ?
		       cause_names[kind] : NULL;
	return irq < sizeof(irq_names) / sizeof(irq_names[0]) ? irq_names[irq] : NULL;
}

static const char *const reg_names[32] = {
	"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1",
	"a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
	"s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

void riscv_dump_regs_locked(const unsigned long *regs)
{
	for (int i = 1; i < 32; i++)
		kprintf_locked("%4s %016lx%s", reg_names[i], regs[i], i % 4 == 3 ? "\n" : "  ");
	kprintf_locked("\n");
}

void riscv_hs_trap(unsigned long *frame)
{
	unsigned long cause = csr_read(CSR_SCAUSE);
	struct cpu *c = this_cpu();

	/* A guest-memory access we made on purpose faulted: report, skip it. */
	if (c && c->arch.fault == FAULT_EXPECTED && !(cause & CAUSE_IRQ_FLAG)) {
		c->arch.fault = FAULT_TAKEN;
		csr_write(CSR_SEPC, csr_read(CSR_SEPC) + 4);
		return;
	}

	console_force_lock();
	kprintf_locked("\nFerrovisor: unexpected trap in HS-mode on hart %lu\n"
		       "scause %#lx (%s) sepc %#lx stval %#lx\n"
		       "htval %#lx htinst %#lx hstatus %#lx sstatus %#lx\n",
		       c ? c->hwid : ~0UL, cause, riscv_cause_name(cause),
		       csr_read(CSR_SEPC), csr_read(CSR_STVAL), csr_read(CSR_HTVAL),
		       csr_read(CSR_HTINST), csr_read(CSR_HSTATUS), csr_read(CSR_SSTATUS));
	riscv_dump_regs_locked(frame);
	console_unlock();
	panic("unexpected trap");
}

