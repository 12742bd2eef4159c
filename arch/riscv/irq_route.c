// SPDX-License-Identifier: GPL-2.0-only
/*
 * Passthrough interrupts on the physical PLIC: which cell owns each, on
 * which S-mode context a guest's hart claimed it, and the hypervisor
 * console's own interrupt.  The external-interrupt handler claims each
 * interrupt and passes it to its owner's virtual PLIC; the guest's
 * complete (through the vPLIC) finishes it here.  Only this file touches
 * the physical PLIC's enables and claims once cells exist.
 */
#include <fv/cell.h>
#include <fv/console.h>
#include <fv/housekeeping.h>
#include <fv/platform.h>
#include "aia.h"
#include "irq.h"
#include "plic.h"

/* Per IRQ, side by side (one address for both on the complete's way):
 * the cell that owns it, and the claim/complete register it was claimed
 * on (NULL: not claimed). */
static struct {
	struct cell *owner;
	volatile uint32_t *claimed_on;
} routes[PLIC_MAX_IRQS];
/* Each cpu's S-mode PLIC context + 1, by cpu id; 0 (none) until
 * riscv_irq_route_prepare() has filled it in at boot. */
static int cpu_plic_ctx1[CONFIG_MAX_HARTS];

static int hart_plic_ctx(const struct cpu *c)
{
	return c->id < CONFIG_MAX_HARTS ? cpu_plic_ctx1[c->id] - 1 : -1;
}

void riscv_irq_route_prepare(void)
{
	const struct riscv_irqc *plic = &platform.arch.plic;

	if (riscv_aia) {		/* the AIA variant: irqc/aia/aia_route.c */
		aia_route_prepare();
		return;
	}
	for (unsigned k = 0; k < CONFIG_MAX_HARTS; k++) {
		int i = k < nr_cpus ? platform_hart_index(&platform, cpus[k].hwid) : -1;

		cpu_plic_ctx1[k] = i < 0 ? 0 : platform.harts[i].arch.plic_ctx_s + 1;
	}
	plic_init(plic->base, plic->ndev);
	/* so that the external-interrupt handler claims with one load */
	for (unsigned k = 0; k < nr_cpus; k++)
		cpus[k].arch.plic_claim = plic_claim_reg(cpu_plic_ctx1[k] - 1);
	for (uint32_t irq = 1; irq < PLIC_MAX_IRQS; irq++)
		routes[irq].claimed_on = NULL;
	/* No interrupt reaches an S-mode context until a guest enables it. */
	for (unsigned h = 0; h < platform.nr_harts; h++) {
		int ctx = platform.harts[h].arch.plic_ctx_s;

		for (uint32_t irq = 1; irq <= plic->ndev && irq < PLIC_MAX_IRQS; irq++)
			plic_enable(ctx, irq, false);
		plic_set_threshold(ctx, 0);
	}
}

void riscv_irq_route_own(struct cell *c, uint32_t irq)
{
	if (irq < PLIC_MAX_IRQS) {
		routes[irq].owner = c;
		plic_set_priority(irq, 1);
	}
}

void riscv_irq_route_enable(const struct cell *c, const struct cpu *on_cpu, uint32_t irq,
			    bool on)
{
	if (irq < PLIC_MAX_IRQS && routes[irq].owner == c)
		plic_enable(hart_plic_ctx(on_cpu), irq, on);
}

/* cppcheck-suppress constParameter ; struct vplic_ops' hw_complete: the type is the table's */
void riscv_irq_route_complete(void *cell, unsigned long irq)
{
	if (irq < PLIC_MAX_IRQS && routes[irq].owner == cell && routes[irq].claimed_on) {
		*routes[irq].claimed_on = (uint32_t)irq;
		routes[irq].claimed_on = NULL;
	}
}

void riscv_irq_route_reset(const struct cell *c)
{
	for (uint32_t irq = 1; irq < PLIC_MAX_IRQS; irq++) {
		if (routes[irq].owner != c)
			continue;
		for (unsigned k = 0; k < c->nr_vcpus; k++)
			plic_enable(hart_plic_ctx(c->vcpu[k]->cpu), irq, false);
		if (routes[irq].claimed_on) {
			*routes[irq].claimed_on = irq;
			routes[irq].claimed_on = NULL;
		}
	}
}

/* The hypervisor's own console UART interrupt, served on one hart: the
 * housekeeping hart.  Every hart has SEIE set (arch_cpu_idle_poll, and
 * setup_hart for guests), so wherever it goes it wakes the hart. */
static uint32_t console_irq;
static struct cpu *console_irq_cpu;

void arch_console_irq_route(uint32_t irq, struct cpu *to)
{
	int ctx = hart_plic_ctx(to);

	if (riscv_aia) {
		aia_console_irq_route(irq, to);
		return;
	}
	if (!irq || irq >= PLIC_MAX_IRQS || ctx < 0)
		return;
	if (console_irq_cpu && console_irq_cpu != to)
		plic_enable(hart_plic_ctx(console_irq_cpu), irq, false);
	console_irq = irq;
	console_irq_cpu = to;
	plic_set_priority(irq, 1);
	plic_enable(ctx, irq, true);
}

/* A supervisor external interrupt: pass the IRQ it claims to its cell.
 * One per trap: another one pending keeps SEIP up, and the hart traps
 * again as soon as it returns to the guest. */
void riscv_external_irq(struct cpu *c)
{
	volatile uint32_t *claim;
	uint32_t irq;
	struct cell *owner;

	if (riscv_aia) {
		aia_external_irq(c);
		return;
	}
	claim = c->arch.plic_claim;
	if (unlikely(!claim))
		return;
	irq = *claim;
	if (!irq)
		return;
	owner = irq < PLIC_MAX_IRQS ? routes[irq].owner : NULL;
	if (unlikely(irq == console_irq || !owner || owner->state != CELL_RUNNING)) {
		if (irq == console_irq)
			hk_console_irq();
		else	/* nobody may have it: silence it */
			plic_enable(hart_plic_ctx(c), irq, false);
		*claim = irq;
		return;
	}
	routes[irq].claimed_on = claim;
	if (c->vcpu)
		c->vcpu->stats.irqs++;
	vplic_set_pending(&owner->arch.vplic, irq);
}
