// SPDX-License-Identifier: GPL-2.0-only
/*
 * A vhart asleep in an SBI suspend call (HSM hart_suspend, SUSP
 * system_suspend): its HSM state as the other vharts see it, the wait
 * until one of its own enabled interrupts is pending, and the entry at a
 * resume address after a non-retentive suspend.  The wait serves this
 * hart's requests as the guest's own traps would (IPIs, fences, a stop or
 * restart of the cell), so a suspended vhart never holds anything up.
 */
#include <arch/csr.h>
#include <fv/arch_cpu.h>
#include <fv/cell.h>
#include "irq.h"
#include "vsbi.h"

#define HIP_VS	(BIT(IRQ_VS_SOFT) | BIT(IRQ_VS_TIMER) | BIT(IRQ_VS_EXT))

int vsbi_hsm_state(const struct vcpu *t)
{
	int st = READ_ONCE(t->arch.hsm_suspend);

	return st ? st : SBI_HSM_STARTED;
}

/* What only the guest's own traps would bring in: its emulated timer
 * (without Sstc) and passthrough interrupts routed to this hart. */
static void poll_host_irqs(struct cpu *c, struct vcpu *v)
{
	unsigned long sip = csr_read(CSR_SIP);

	if ((sip & BIT(IRQ_S_TIMER)) && (csr_read(CSR_SIE) & BIT(IRQ_S_TIMER))) {
		csr_set(CSR_HVIP, BIT(IRQ_VS_TIMER));	/* as guest_trap.c does */
		csr_clear(CSR_SIE, BIT(IRQ_S_TIMER));
		v->stats.virqs[VIRQ_TIMER]++;
	}
	if (sip & BIT(IRQ_S_EXT))
		riscv_external_irq(c);
	riscv_sync_eip(v);
}

/* An interrupt the guest enabled in its sie (not sstatus.SIE) is pending. */
static bool guest_irq_pending(void)
{
	return (csr_read(CSR_VSIP) & csr_read(CSR_VSIE)) != 0;
}

void vsbi_suspend_wait(struct vcpu *v)
{
	struct cpu *c = v->cpu;

	WRITE_ONCE(v->arch.hsm_suspend, SBI_HSM_SUSPEND_PENDING);
	/* the guest's enabled interrupts wake this hart's wfi */
	csr_write(CSR_HIE, (csr_read(CSR_VSIE) << 1) & HIP_VS);
	WRITE_ONCE(v->arch.hsm_suspend, SBI_HSM_SUSPENDED);
	for (;;) {
		riscv_ack_kick();
		cpu_handle_requests(c, REQS_MAY_ADMIN);	/* may stop the cell */
		poll_host_irqs(c, v);
		if (guest_irq_pending())
			break;
		arch_cpu_wait();
	}
	csr_write(CSR_HIE, 0);
	WRITE_ONCE(v->arch.hsm_suspend, SBI_HSM_RESUME_PENDING);
}

void vsbi_resumed(struct vcpu *v)
{
	WRITE_ONCE(v->arch.hsm_suspend, 0);
}

/*
 * After a non-retentive suspend: S-mode at `pc` with satp 0 and
 * sstatus.SIE 0; the caller returns the sbiret this gives, which the
 * dispatcher puts in a0 (the hart id) and a1 (`opaque`).
 */
struct sbiret vsbi_resume_at(struct vcpu *v, unsigned long pc, unsigned long opaque)
{
	csr_write(CSR_VSATP, 0);
	csr_clear(CSR_VSSTATUS, SSTATUS_SIE);
	csr_write(CSR_SEPC, pc);
	vsbi_resumed(v);
	return (struct sbiret){ (long)v->vhartid, (long)opaque };
}

void riscv_vsbi_vcpu_reset(struct vcpu *v)
{
	WRITE_ONCE(v->arch.hsm_suspend, 0);
	vsbi_fwft_reset(v);
	vsbi_pmu_reset();
	vsbi_dbtr_reset(v);
}
