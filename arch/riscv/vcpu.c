// SPDX-License-Identifier: GPL-2.0-only
/*
 * Entering a guest, and the per-hart hypervisor CSRs that set what a guest
 * handles itself (delegation, counters, Sstc) and what traps to us.
 */
#include <arch/csr.h>
#include <arch/sbi.h>
#include <fv/arch_cell.h>
#include <fv/arch_cpu.h>
#include <fv/platform.h>
#include <fv/trace.h>
#include "aia.h"
#include "irq.h"
#include "trap.h"
#include "vsbi.h"

/* Exceptions the guest handles itself: those of its own mistakes (trap.h). */
#define HEDELEG RISCV_GUEST_EXCEPTIONS
#define HIDELEG (BIT(IRQ_VS_SOFT) | BIT(IRQ_VS_TIMER) | BIT(IRQ_VS_EXT))

/* henvcfg: cache-block operations allowed (CBIE=01 flush, CBCFE, CBZE) */
#define HENVCFG_CBO	((1UL << 4) | (1UL << 6) | (1UL << 7))

#define HSTATUS_VSXL_64	(2UL << HSTATUS_VSXL_SHIFT)
#define SSTATUS_FS_DIRTY (3UL << 13)
#define SSTATUS_VS_INIT	(1UL << 9)

/* Every hart has Sstc (set once, before any guest runs). */
bool riscv_sstc;

void arch_vcpu_init(struct vcpu *v)
{
	v->arch.eip = false;
}

/* This hart's hypervisor CSRs, set each time a vCPU (re)starts here. */
static void setup_hart(struct vcpu *v)
{
	unsigned long henvcfg = HENVCFG_CBO, sie = BIT(IRQ_S_SOFT) | BIT(IRQ_S_EXT);
	unsigned long hcounteren = 0x7;	/* cycle, time, instret */

	if (IS_ENABLED(CONFIG_PMU))
		hcounteren |= 0xfffffff8UL;
	if (riscv_sstc)
		henvcfg |= HENVCFG_STCE;
	else
		sie |= BIT(IRQ_S_TIMER);	/* we emulate the guest's timer */
	if (platform.arch.isa_common & BIT(ISA_SVPBMT))
		henvcfg |= HENVCFG_PBMTE;

	/* breakpoints to us while a debugger holds the cell (gdb.c) */
	riscv_breakpoints_to_hs(READ_ONCE(v->cpu->arch.dbg) != 0);
	csr_write(CSR_HIDELEG, HIDELEG);
	csr_write(CSR_HCOUNTEREN, hcounteren);
	csr_write(CSR_HENVCFG, henvcfg);
	csr_write(CSR_HTIMEDELTA, 0);
	csr_write(CSR_HVIP, 0);
	csr_write(CSR_HIE, 0);
	csr_write(CSR_HGATP, v->cell->arch.hgatp);
	__asm__ volatile(".option push\n.option arch, +h\n"
			 "hfence.gvma zero, zero\nhfence.vvma zero, zero\n"
			 ".option pop" ::: "memory");
	csr_write(CSR_SIE, sie);
	if (riscv_aia)
		aia_hart_init(v->cpu);
	if (riscv_aia && (platform.arch.isa_common & BIT(ISA_SMSTATEEN)))
		csr_write(CSR_HSTATEEN0, aia_hstateen0(v));
}

static void reset_vs_csrs(void)
{
	csr_write(CSR_VSSTATUS, 0);
	csr_write(CSR_VSIE, 0);
	csr_write(CSR_VSTVEC, 0);
	csr_write(CSR_VSSCRATCH, 0);
	csr_write(CSR_VSEPC, 0);
	csr_write(CSR_VSCAUSE, 0);
	csr_write(CSR_VSTVAL, 0);
	csr_write(CSR_VSATP, 0);
	if (riscv_sstc)
		csr_write(CSR_VSTIMECMP, ~0UL);
	else
		sbi_set_timer(~0UL);
}

void arch_vcpu_quiesce(struct cpu *c)
{
	(void)c;
	csr_write(CSR_VSIE, 0);
	csr_write(CSR_HVIP, 0);
	csr_write(CSR_HIE, 0);
	if (riscv_sstc)
		csr_write(CSR_VSTIMECMP, ~0UL);
	csr_clear(CSR_SIE, BIT(IRQ_S_TIMER));	/* the emulated timer's */
}

/* The guest's floating-point registers as at reset: all zero. */
static void reset_fp(void)
{
	if (!(platform.arch.isa_common & BIT(ISA_D)))
		return;
	__asm__ volatile(".option push\n.option arch, +d\n"
			 "fmv.d.x f0, zero\nfmv.d.x f1, zero\nfmv.d.x f2, zero\n"
			 "fmv.d.x f3, zero\nfmv.d.x f4, zero\nfmv.d.x f5, zero\n"
			 "fmv.d.x f6, zero\nfmv.d.x f7, zero\nfmv.d.x f8, zero\n"
			 "fmv.d.x f9, zero\nfmv.d.x f10, zero\nfmv.d.x f11, zero\n"
			 "fmv.d.x f12, zero\nfmv.d.x f13, zero\nfmv.d.x f14, zero\n"
			 "fmv.d.x f15, zero\nfmv.d.x f16, zero\nfmv.d.x f17, zero\n"
			 "fmv.d.x f18, zero\nfmv.d.x f19, zero\nfmv.d.x f20, zero\n"
			 "fmv.d.x f21, zero\nfmv.d.x f22, zero\nfmv.d.x f23, zero\n"
			 "fmv.d.x f24, zero\nfmv.d.x f25, zero\nfmv.d.x f26, zero\n"
			 "fmv.d.x f27, zero\nfmv.d.x f28, zero\nfmv.d.x f29, zero\n"
			 "fmv.d.x f30, zero\nfmv.d.x f31, zero\ncsrw fcsr, zero\n"
			 ".option pop" ::: "memory");
}

/*
 * The vector unit as at reset, where the harts have one: the 32 vector
 * registers zero, vstart, vxsat and vxrm zero, and vtype.vill set with vl
 * 0 (vsetvl with an unsupported vtype), so nothing of a previous run of
 * the cell can be read back.  sstatus.VS is on here (arch_vcpu_enter).
 */
static void reset_vector(void)
{
	if (!(platform.arch.isa_common & BIT(ISA_V)))
		return;
	__asm__ volatile(".option push\n.option arch, +v\n"
			 "vsetvli t0, zero, e8, m8, ta, ma\n"
			 "vmv.v.i v0, 0\nvmv.v.i v8, 0\nvmv.v.i v16, 0\nvmv.v.i v24, 0\n"
			 "csrw vstart, zero\ncsrw vcsr, zero\n"
			 "li t1, -1\nvsetvl t0, zero, t1\n"
			 ".option pop" ::: "t0", "t1", "memory");
}

__noreturn void arch_vcpu_enter(struct vcpu *v, unsigned long pc, unsigned long a0,
				unsigned long a1)
{
	struct cpu *c = v->cpu;

	setup_hart(v);
	reset_vs_csrs();
	riscv_vsbi_vcpu_reset(v);
	for (int i = 0; i < 32; i++)
		c->arch.regs[i] = 0;
	c->arch.regs[10] = a0;
	c->arch.regs[11] = a1;
	csr_write(CSR_HSTATUS, HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_VSXL_64 | aia_vgein(v));
	aia_vcpu_reset(v);
	/* all of regs[] is loaded: s0-s11 too (riscv_guest_resume) */
	/* return to VS with interrupts off; FP usable (the guest's own
	 * vsstatus.FS decides), vector likewise where present */
	csr_clear(CSR_SSTATUS, SSTATUS_SIE | SSTATUS_SPIE);
	csr_set(CSR_SSTATUS, SSTATUS_SPP | SSTATUS_FS_DIRTY | SSTATUS_VS_INIT);
	reset_fp();
	reset_vector();
	csr_write(CSR_SEPC, pc);
	riscv_sync_eip(v);
	riscv_guest_resume();
}

void riscv_breakpoints_to_hs(bool on)
{
	csr_write(CSR_HEDELEG, on ? HEDELEG & ~BIT(EXC_BREAKPOINT) : HEDELEG);
}

void riscv_sync_eip(struct vcpu *v)
{
	riscv_set_vseip(READ_ONCE(v->arch.eip));
}

void arch_cpu_kick(struct cpu *c)
{
	sbi_ecall(SBI_EXT_IPI, 0, 1, c->hwid, 0);
}

void riscv_ack_kick(void)
{
	csr_clear(CSR_SIP, BIT(IRQ_S_SOFT));
}

void arch_cpu_idle_poll(struct cpu *c)
{
	unsigned long sip;

	/* the console interrupt may be routed here (housekeeping) */
	if (riscv_aia)
		aia_hart_init(c);
	csr_set(CSR_SIE, BIT(IRQ_S_EXT));
	riscv_ack_kick();
	sip = csr_read(CSR_SIP);
	if (sip & BIT(IRQ_S_EXT))
		riscv_external_irq(c);
	/* a stopped guest's emulated timer: cancel it, or wfi never sleeps */
	if (sip & BIT(IRQ_S_TIMER))
		sbi_set_timer(~0UL);
}

void arch_cpu_handle_requests(struct cpu *c, unsigned long req)
{
	struct vcpu *v = c->vcpu;

	if (!v || READ_ONCE(v->state) != VCPU_RUNNING)
		return;	/* nothing of a guest to update on this hart */
	if (req & REQ_EIP)
		riscv_sync_eip(v);
	if (req & REQ_VSSIP) {
		csr_set(CSR_HVIP, BIT(IRQ_VS_SOFT));
		v->stats.virqs[VIRQ_SOFT]++;
		trace_virq(v, VIRQ_SOFT);
	}
	if (req & REQ_HFENCE_VVMA)
		__asm__ volatile(".option push\n.option arch, +h\n"
				 "hfence.vvma zero, zero\n.option pop" ::: "memory");
	if (req & REQ_FENCE_I)
		__asm__ volatile("fence.i" ::: "memory");
}

__noreturn void arch_cpu_restart_on_stack(struct cpu *c, void (*fn)(struct cpu *))
{
	__asm__ volatile("mv sp, %0\n"
			 "mv a0, %1\n"
			 "jr %2\n" :: "r"(c->arch.stack_top), "r"(c), "r"(fn) : "memory");
	__builtin_unreachable();
}
