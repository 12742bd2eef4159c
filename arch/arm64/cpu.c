// SPDX-License-Identifier: GPL-2.0-only
/* Per-CPU setup, starting and stopping CPUs (PSCI), the counter, powering
 * off. */
#include <arch/gic.h>
#include <arch/psci.h>
#include <arch/sysreg.h>
#include <fv/arch_cpu.h>
#include <fv/compiler.h>
#include "trap.h"

STATIC_ASSERT(__builtin_offsetof(struct cpu, arch) == 0, "arch_cpu first in cpu");
STATIC_ASSERT(__builtin_offsetof(struct arch_cpu, stack_top) == ARCH_CPU_STACK_TOP, "offset");
STATIC_ASSERT(__builtin_offsetof(struct arch_cpu, regs) == ARCH_CPU_REGS, "offset");

STATIC_ASSERT(CONFIG_HV_STACK_SIZE % 16 == 0, "CONFIG_HV_STACK_SIZE: a multiple of 16");

/* One hypervisor stack per CPU; cpu 0's is also the boot stack (entry.S). */
uint8_t hv_stacks[CONFIG_MAX_HARTS][CONFIG_HV_STACK_SIZE] __aligned(16);

void arch_cpu_init(struct cpu *c)
{
	c->arch.stack_top = (uintptr_t)hv_stacks[c->id] + CONFIG_HV_STACK_SIZE;
	write_sysreg(tpidr_el2, (uintptr_t)c);
	write_sysreg(vbar_el2, (uintptr_t)arm64_vectors);
	isb();
	gic_init_cpu();		/* the boot CPU's comes after the probe */
}

int arch_cpu_start(unsigned long hwid, struct cpu *c)
{
	c->arch.stack_top = (uintptr_t)hv_stacks[c->id] + CONFIG_HV_STACK_SIZE;
	dsb(sy);	/* read by the new CPU once its MMU is on (entry.S) */
	return psci_call(PSCI_CPU_ON_64, hwid, (uintptr_t)arm64_secondary_entry,
			 (uintptr_t)c) == PSCI_SUCCESS ? 0 : -1;
}

uint64_t arm64_cntfrq(void)
{
	return read_sysreg(cntfrq_el0);
}

uint64_t arch_counter(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}

/* With the GIC set up a kick is SGI 0 and a wait is WFI (<arch/gic.h>);
 * before that a kick is an event (SEV) and a wait is WFE:
 * callers loop and re-read what they wait for. */
void arch_cpu_kick(struct cpu *c)
{
	if (gic_ready()) {
		gic_send_kick(c->hwid);
		return;
	}
	dsb(ish);
	__asm__ volatile("sev" ::: "memory");
}

void arch_cpu_wait(void)
{
	if (gic_ready())
		__asm__ volatile("dsb sy\n wfi" ::: "memory");
	else
		__asm__ volatile("wfe" ::: "memory");
}

/* The EL2 physical timer (CNTHP, PPI 26) ends the wait at `deadline`. */
void arch_cpu_wait_kick(uint64_t deadline)
{
	if (!gic_ready()) {
		__asm__ volatile("wfe" ::: "memory");
		return;
	}
	write_sysreg(cnthp_cval_el2, deadline);
	write_sysreg(cnthp_ctl_el2, 1);		/* enabled, not masked */
	isb();
	__asm__ volatile("dsb sy\n wfi" ::: "memory");
	write_sysreg(cnthp_ctl_el2, 0);		/* its level drops */
	isb();
	gic_ack_all();
}

__noreturn void arch_cpu_halt(void)
{
	__asm__ volatile("msr daifset, #0xf" ::: "memory");
	psci_call(PSCI_CPU_OFF, 0, 0, 0);
	for (;;)
		__asm__ volatile("wfi");
}

__noreturn void arch_system_off(void)
{
	psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
	arch_cpu_halt();
}
