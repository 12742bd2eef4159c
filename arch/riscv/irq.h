/* SPDX-License-Identifier: GPL-2.0-only */
/* Interrupt plumbing inside arch/riscv. */
#ifndef RISCV_IRQ_H
#define RISCV_IRQ_H

#include <arch/csr.h>
#include <fv/cell.h>

/* arch request bits in cpu->req */
#define REQ_EIP		(1UL << (REQ_ARCH_SHIFT + 0))	/* recompute VSEIP */
#define REQ_VSSIP	(1UL << (REQ_ARCH_SHIFT + 1))	/* raise the guest's software IRQ */
#define REQ_HFENCE_VVMA	(1UL << (REQ_ARCH_SHIFT + 2))	/* flush the guest's TLB */
#define REQ_FENCE_I	(1UL << (REQ_ARCH_SHIFT + 3))

extern bool riscv_sstc;	/* every hart has Sstc: guests own their timer */

/* VSEIP of this hart's guest up or down; riscv_sync_eip(): as its
 * vCPU's arch.eip says */
static inline void riscv_set_vseip(bool on)
{
	if (on)
		csr_set(CSR_HVIP, BIT(IRQ_VS_EXT));
	else
		csr_clear(CSR_HVIP, BIT(IRQ_VS_EXT));
}

void riscv_sync_eip(struct vcpu *v);
void riscv_ack_kick(void);

/* Passthrough interrupts (irq_route.c): set up the physical PLIC once;
 * give `irq` to cell `c` at boot; enable or complete it for the cell that
 * owns it (anything else is ignored); finish what a stopping cell left in
 * service; a supervisor external interrupt arrived on this hart. */
void riscv_irq_route_prepare(void);
void riscv_irq_route_own(struct cell *c, uint32_t irq);
void riscv_irq_route_enable(const struct cell *c, const struct cpu *on_cpu, uint32_t irq,
			    bool on);
/* cell: the owner; the vPLIC's hw_complete callback itself (cell.c) */
void riscv_irq_route_complete(void *cell, unsigned long irq);
void riscv_irq_route_reset(const struct cell *c);
void riscv_external_irq(struct cpu *c);

#endif
