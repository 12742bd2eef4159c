/* SPDX-License-Identifier: GPL-2.0-only */
/* Between the guest entry and exit paths of arch/arm64. */
#ifndef ARM64_GUEST_H
#define ARM64_GUEST_H

#include <fv/cell.h>
#include <fv/compiler.h>

extern uint64_t arm64_vtcr;

__noreturn void arm64_guest_resume(void);
void arm64_guest_sync(struct cpu *c);
void arm64_guest_irq(struct cpu *c);

/* The virtual PSCI (vpsci.c): the call in the guest's x0..x3; the result
 * goes to its x0. */
void arm64_vpsci_call(struct cpu *c);

/* Arch request: the vGIC has news for this CPU's vCPU (vlr.c syncs). */
#define REQ_VIRQ	(1UL << (REQ_ARCH_SHIFT + 0))

/* List registers (vlr.c). */
void arm64_vlr_sync(struct vcpu *v);
/* On the way back into the guest: sync only if whoever raised an
 * interrupt for vCPU `v` set its flag (vgic_notify); an HVC or an access
 * that raised nothing costs one load and a branch. */
static inline void arm64_vlr_sync_raised(struct vcpu *v)
{
	if (*v->arch.virq_raised)
		arm64_vlr_sync(v);
}
void arm64_vlr_drop(struct vcpu *v);
/* Passthrough SPI `s` (of v's cell) fired on vCPU `v`'s CPU: true if
 * listed at once (nothing else waited), else the caller goes through the
 * model. */
struct vgic_spi;
bool arm64_vlr_hw_direct(struct vcpu *v, struct vgic_spi *s);
bool arm64_vlr_pending(void);
/* EL1 as after a warm boot at `pc` (vcpu.c; CPU_SUSPEND to powerdown). */
void arm64_vcpu_warm_entry(struct cpu *c, unsigned long pc);

/* Virtual interrupts (virq.c). */
void arm64_virq_enter(struct vcpu *v);
void arm64_virq_quiesce(struct cpu *c);
void arm64_virq_ppi_enable(struct cell *c, unsigned k, unsigned intid, bool on);
void arm64_virq_physical(struct vcpu *v);
/* End a physical interrupt, serving it if it is the hypervisor's own
 * (irq_route.c). */
void arm64_hv_irq(unsigned intid);

/* vcpu_stats.traps[] kinds (guest_trap.c names them) */
enum { TK_HVC, TK_SMC, TK_DABT, TK_IABT, TK_SYSREG, TK_IRQ, TK_OTHER, TK_KINDS };

#endif
