// SPDX-License-Identifier: GPL-2.0-only
/* Per-hart setup, starting and stopping harts, powering off. */
#include <arch/csr.h>
#include <arch/sbi.h>
#include <fv/arch_cpu.h>
#include <fv/compiler.h>
#include "trap.h"

STATIC_ASSERT(__builtin_offsetof(struct cpu, arch) == 0, "arch_cpu first in cpu");
STATIC_ASSERT(__builtin_offsetof(struct arch_cpu, stack_top) == ARCH_CPU_STACK_TOP, "offset");
STATIC_ASSERT(__builtin_offsetof(struct arch_cpu, regs) == ARCH_CPU_REGS, "offset");

STATIC_ASSERT(CONFIG_HV_STACK_SIZE % 16 == 0, "CONFIG_HV_STACK_SIZE: a multiple of 16");

/* One hypervisor stack per hart; cpu 0's is also the boot stack (entry.S). */
/* Not in .bss: nothing reads a stack before writing it, so the boot does
 * not clear it (128 KiB, 64 k instructions before the first guest). */
uint8_t hv_stacks[CONFIG_MAX_HARTS][CONFIG_HV_STACK_SIZE] __aligned(16)
	__attribute__((section(".noinit")));

void arch_cpu_init(struct cpu *c)
{
	c->arch.stack_top = (uintptr_t)hv_stacks[c->id] + CONFIG_HV_STACK_SIZE;
	__asm__ volatile("mv tp, %0" :: "r"(c));
	csr_write(CSR_SSCRATCH, 0);
	csr_write(CSR_STVEC, (uintptr_t)riscv_trap_entry);
	/* sstatus.SIE stays 0: HS-mode never takes interrupts, but an
	 * enabled IPI wakes the idle loop's wfi */
	csr_write(CSR_SIE, BIT(IRQ_S_SOFT));
}

int arch_cpu_start(unsigned long hwid, struct cpu *c)
{
	struct sbiret r;

	c->arch.stack_top = (uintptr_t)hv_stacks[c->id] + CONFIG_HV_STACK_SIZE;
	r = sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_START, hwid,
		      (uintptr_t)riscv_secondary_entry, (uintptr_t)c);
	return r.error ? -1 : 0;
}

uint64_t arch_counter(void)
{
	return csr_read(CSR_TIME);
}

void arch_cpu_wait(void)
{
	__asm__ volatile("wfi" ::: "memory");
}

void arch_cpu_wait_kick(uint64_t deadline)
{
	sbi_set_timer(deadline);
	csr_set(CSR_SIE, BIT(IRQ_S_TIMER));
	__asm__ volatile("wfi" ::: "memory");	/* a kick (SSIP) or the timer */
	csr_clear(CSR_SIE, BIT(IRQ_S_TIMER));
	sbi_set_timer(~0UL);			/* clears STIP */
	csr_clear(CSR_SIP, BIT(IRQ_S_SOFT));	/* the caller counts again */
}

__noreturn void arch_cpu_halt(void)
{
	csr_write(CSR_SIE, 0);
	csr_clear(CSR_SSTATUS, SSTATUS_SIE);
	sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_STOP, 0, 0, 0);
	for (;;)
		__asm__ volatile("wfi");
}

__noreturn void arch_system_off(void)
{
	sbi_ecall(SBI_EXT_SRST, SBI_SRST_RESET, SBI_SRST_TYPE_SHUTDOWN, 0, 0);
	sbi_ecall(SBI_EXT_LEGACY_SHUTDOWN, 0, 0, 0, 0);
	arch_cpu_halt();
}
