// SPDX-License-Identifier: GPL-2.0-only
/*
 * Entering a guest at EL1: the EL2 registers that make this CPU the
 * cell's (HCR_EL2, stage-2, the MPIDR the guest reads) and the EL1 state
 * of a CPU fresh out of reset.  One vCPU per CPU for good: nothing is
 * switched afterwards.
 */
#include <arch/sysreg.h>
#include <fv/arch_cell.h>
#include <fv/arch_cpu.h>
#include <fv/arch_gdb.h>
#include "guest.h"

/*
 * HCR_EL2 for a static partition: stage-2 on (VM), EL1 is AArch64 (RW),
 * SMC traps (TSC: it would reach the firmware, or QEMU's PSCI, which
 * knows nothing of cells), physical IRQ, FIQ and SError come to EL2
 * (IMO/FMO/AMO, which also enable the virtual ones), set/way cache
 * maintenance becomes clean+invalidate (SWIO), TLB and barrier
 * maintenance is broadcast in the inner shareable domain (FB, BSU=IS).
 * WFI and WFE do not trap: the CPU is the cell's alone.
 */
#define HCR_VM		(1ULL << 0)
#define HCR_SWIO	(1ULL << 1)
#define HCR_FMO		(1ULL << 3)
#define HCR_IMO		(1ULL << 4)
#define HCR_AMO		(1ULL << 5)
#define HCR_FB		(1ULL << 9)
#define HCR_BSU_IS	(1ULL << 10)
#define HCR_TSC		(1ULL << 19)
#define HCR_RW		(1ULL << 31)
#define HCR_GUEST	(HCR_VM | HCR_SWIO | HCR_FMO | HCR_IMO | HCR_AMO | HCR_FB | \
			 HCR_BSU_IS | HCR_TSC | HCR_RW)

#define MDCR_TDE	(1ULL << 8)	/* a debugger's session (gdb.c) */
#define CPTR_EL2_RES1	0x33ffULL	/* no FP/SIMD trap */
#define CNTHCTL_EL1PCTEN (1ULL << 0)	/* EL1 reads the physical counter */
#define CNTHCTL_EL1PCEN	(1ULL << 1)	/* and uses the physical timer */
#define SCTLR_EL1_RESET	0x30d00800ULL	/* RES1 bits; MMU and caches off */
#define SPSR_EL1H_MASKED 0x3c5ULL	/* EL1h, D, A, I, F masked */
#define VMPIDR_RES1	(1ULL << 31)

uint64_t arm64_vtcr;	/* the same for every cell (cell.c) */

static void setup_el2(struct vcpu *v)
{
	write_sysreg(hcr_el2, HCR_GUEST);
	write_sysreg(vtcr_el2, arm64_vtcr);
	write_sysreg(vttbr_el2, v->cell->arch.vttbr);
	write_sysreg(vpidr_el2, read_sysreg(midr_el1));
	write_sysreg(vmpidr_el2, VMPIDR_RES1 | (v->vhartid & 0xff));
	write_sysreg(cptr_el2, CPTR_EL2_RES1);
	write_sysreg(hstr_el2, 0);
	/* HPMN: every counter the guest's; TDE as a debugger set it */
	write_sysreg(mdcr_el2, ((read_sysreg(pmcr_el0) >> 11) & 0x1f) |
		     (read_sysreg(mdcr_el2) & MDCR_TDE));
	write_sysreg(cnthctl_el2, CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN);
	write_sysreg(cntvoff_el2, 0);
	isb();
	__asm__ volatile("tlbi vmalls12e1is\n dsb ish\n isb" ::: "memory");
}

/* EL1 and EL0 as after a reset: MMU off, no vectors, timers off. */
static void reset_el1(void)
{
	write_sysreg(sctlr_el1, SCTLR_EL1_RESET);
	write_sysreg(tcr_el1, 0);
	write_sysreg(ttbr0_el1, 0);
	write_sysreg(ttbr1_el1, 0);
	write_sysreg(mair_el1, 0);
	write_sysreg(vbar_el1, 0);
	write_sysreg(cpacr_el1, 0);
	write_sysreg(contextidr_el1, 0);
	write_sysreg(tpidr_el1, 0);
	write_sysreg(tpidr_el0, 0);
	write_sysreg(tpidrro_el0, 0);
	write_sysreg(sp_el0, 0);
	write_sysreg(sp_el1, 0);
	write_sysreg(elr_el1, 0);
	write_sysreg(spsr_el1, 0);
	write_sysreg(esr_el1, 0);
	write_sysreg(far_el1, 0);
	write_sysreg(cntv_ctl_el0, 0);
	write_sysreg(cntp_ctl_el0, 0);
	write_sysreg(cntkctl_el1, 0);
	isb();
}

/* After a powerdown CPU_SUSPEND: EL1h at `pc`, its MMU and caches off and
 * its interrupts masked, as a warm boot leaves them; registers zero (the
 * caller puts the context id in x0).  The rest of EL1 is as it was, which
 * a warm boot may leave UNKNOWN. */
void arm64_vcpu_warm_entry(struct cpu *c, unsigned long pc)
{
	write_sysreg(sctlr_el1, SCTLR_EL1_RESET);
	for (int i = 0; i < 31; i++)
		c->arch.regs[i] = 0;
	write_sysreg(elr_el2, pc);
	write_sysreg(spsr_el2, SPSR_EL1H_MASKED);
	isb();
}

void arch_vcpu_init(struct vcpu *v)
{
	v->arch.virq_raised = &v->cell->arch.vgic.cpu[v->vhartid].dirty;
}

void arch_vcpu_quiesce(struct cpu *c)
{
	write_sysreg(cntv_ctl_el0, 0);
	write_sysreg(cntp_ctl_el0, 0);
	write_sysreg(hcr_el2, 0);	/* no stage-2 while the CPU idles */
	isb();
	arch_gdb_session(c, false);	/* a vCPU started later gets its own */
	arm64_virq_quiesce(c);
}

/* x0 = the device tree (first vCPU) or PSCI CPU_ON's context id: a1. */
__noreturn void arch_vcpu_enter(struct vcpu *v, unsigned long pc, unsigned long a0,
				unsigned long a1)
{
	struct cpu *c = v->cpu;

	(void)a0;
	setup_el2(v);
	reset_el1();
	arm64_virq_enter(v);
	for (int i = 0; i < 31; i++)
		c->arch.regs[i] = 0;
	c->arch.regs[0] = a1;
	write_sysreg(elr_el2, pc);
	write_sysreg(spsr_el2, SPSR_EL1H_MASKED);
	arm64_guest_resume();
}

__noreturn void arch_cpu_restart_on_stack(struct cpu *c, void (*fn)(struct cpu *))
{
	__asm__ volatile("mov sp, %0\n"
			 "mov x0, %1\n"
			 "br %2\n" :: "r"(c->arch.stack_top), "r"(c), "r"(fn) : "memory");
	__builtin_unreachable();
}

void arch_cpu_handle_requests(struct cpu *c, unsigned long req)
{
	(void)c, (void)req;	/* no arch requests yet */
}
