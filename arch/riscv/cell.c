// SPDX-License-Identifier: GPL-2.0-only
/*
 * RISC-V cells: G-stage tables and VMID, the virtual PLIC, and the routing
 * of passthrough interrupts from the physical PLIC to their cell.
 */
#include <arch/csr.h>
#include <fv/arch_cell.h>
#include <fv/console.h>
#include <fv/housekeeping.h>
#include <fv/platform.h>
#include "irq.h"
#include "plic.h"

/* Which cell owns each physical interrupt, and where it was claimed. */
static struct cell *irq_owner[PLIC_MAX_IRQS];
static int claim_ctx[PLIC_MAX_IRQS];

static int hart_plic_ctx(const struct cpu *c)
{
	int i = platform_hart_index(&platform, c->hwid);

	return i < 0 ? -1 : platform.harts[i].arch.plic_ctx_s;
}

/* ---- vPLIC callbacks (may run with the vPLIC lock held) ---- */

static void vplic_set_eip(void *arg, unsigned ctx, bool on)
{
	struct cell *c = arg;
	struct vcpu *v = cell_vcpu(c, ctx);

	if (!v)
		return;
	if (on && !READ_ONCE(v->arch.eip))	/* may be another hart of the cell */
		__atomic_fetch_add(&v->stats.virqs[VIRQ_EXT], 1, __ATOMIC_RELAXED);
	WRITE_ONCE(v->arch.eip, on);
	if (v->cpu == this_cpu())
		riscv_sync_eip(v);
	else
		cpu_request(v->cpu, REQ_EIP);
}

static void vplic_hw_enable(void *arg, unsigned ctx, uint32_t irq, bool on)
{
	struct vcpu *v = cell_vcpu(arg, ctx);

	if (v && irq < PLIC_MAX_IRQS && irq_owner[irq] == arg)
		plic_enable(hart_plic_ctx(v->cpu), irq, on);
}

/* cppcheck-suppress constParameter ; a struct vplic_ops hook: the type is the table's */
static void vplic_hw_complete(void *arg, uint32_t irq)
{
	if (irq < PLIC_MAX_IRQS && irq_owner[irq] == arg && claim_ctx[irq] >= 0) {
		plic_complete(claim_ctx[irq], irq);
		claim_ctx[irq] = -1;
	}
}

static const struct vplic_ops vplic_ops = {
	.set_eip = vplic_set_eip,
	.hw_enable = vplic_hw_enable,
	.hw_complete = vplic_hw_complete,
};

int arch_cells_prepare(void)
{
	const struct riscv_irqc *plic = &platform.arch.plic;

	if (!plic->present) {
		kprintf("Ferrovisor: cells need a PLIC; AIA-only platforms are not supported yet\n");
		return -1;
	}
	riscv_sstc = platform.arch.isa_common & BIT(ISA_SSTC);
	plic_init(plic->base, plic->ndev);
	for (uint32_t irq = 1; irq < PLIC_MAX_IRQS; irq++)
		claim_ctx[irq] = -1;
	/* No interrupt reaches an S-mode context until a guest enables it. */
	for (unsigned h = 0; h < platform.nr_harts; h++) {
		int ctx = platform.harts[h].arch.plic_ctx_s;

		for (uint32_t irq = 1; irq <= plic->ndev && irq < PLIC_MAX_IRQS; irq++)
			plic_enable(ctx, irq, false);
		plic_set_threshold(ctx, 0);
	}
	return 0;
}

/* Once, at boot: the vPLIC and the IDs it owns. */
static void add_irqs(struct cell *c)
{
	const struct layout_cell *d = c->desc;

	vplic_init(&c->arch.vplic, d->nr_harts, &vplic_ops, c);
	for (unsigned i = 0; i < d->nr_devs; i++)
		for (unsigned k = 0; k < LAYOUT_DEV_IRQS && d->devs[i].irqs[k]; k++) {
			uint32_t irq = d->devs[i].irqs[k];

			vplic_add_irq(&c->arch.vplic, irq, true);
			if (irq < PLIC_MAX_IRQS) {
				irq_owner[irq] = c;
				plic_set_priority(irq, 1);
			}
		}
	for (unsigned i = 0; i < d->nr_emus; i++)
		vplic_add_irq(&c->arch.vplic, d->emus[i].irq, false);
}

int arch_cell_init(struct cell *c)
{
	struct emu_dev *e;

	if (stage2_init(&c->arch.s2, &hv_pool,
			platform.arch.isa_common & BIT(ISA_SVPBMT)) < 0)
		return -1;
	c->arch.vmid = c->id + 1;
	c->arch.hgatp = stage2_hgatp(&c->arch.s2, c->arch.vmid);
	add_irqs(c);

	e = &c->emus[c->nr_emus++];
	e->ops = &vplic_emu_ops;
	e->name = "vplic";
	e->state = &c->arch.vplic;
	e->base = c->desc->vplic_gpa;
	e->size = VPLIC_SIZE;
	return 0;
}

int arch_cell_map(struct cell *c, gpaddr_t gpa, paddr_t hpa, uint64_t size, unsigned flags)
{
	unsigned f = flags & (MEM_R | MEM_W | MEM_X);

	if (flags & MAP_DEVICE)
		f |= S2_DEVICE;
	return stage2_map(&c->arch.s2, gpa, hpa, size, f);
}

void arch_cell_reset(struct cell *c)
{
	/* Finish what the guest left in service on the physical PLIC. */
	for (uint32_t irq = 1; irq < PLIC_MAX_IRQS; irq++) {
		if (irq_owner[irq] != c)
			continue;
		for (unsigned k = 0; k < c->nr_vcpus; k++)
			plic_enable(hart_plic_ctx(c->vcpu[k]->cpu), irq, false);
		if (claim_ctx[irq] >= 0) {
			plic_complete(claim_ctx[irq], irq);
			claim_ctx[irq] = -1;
		}
	}
	vplic_reset(&c->arch.vplic);
	for (unsigned k = 0; k < c->nr_vcpus; k++)
		WRITE_ONCE(c->vcpu[k]->arch.eip, false);
}

void arch_cell_set_irq(struct cell *c, uint32_t irq, bool level)
{
	vplic_set_level(&c->arch.vplic, irq, level);
}

/* The hypervisor's own console UART interrupt, served on one hart: the
 * housekeeping hart.  Every hart has SEIE set (arch_cpu_idle_poll, and
 * setup_hart for guests), so wherever it goes it wakes the hart. */
static uint32_t console_irq;
static struct cpu *console_irq_cpu;

void arch_console_irq_route(uint32_t irq, struct cpu *to)
{
	int ctx = hart_plic_ctx(to);

	if (!irq || irq >= PLIC_MAX_IRQS || ctx < 0)
		return;
	if (console_irq_cpu && console_irq_cpu != to)
		plic_enable(hart_plic_ctx(console_irq_cpu), irq, false);
	console_irq = irq;
	console_irq_cpu = to;
	plic_set_priority(irq, 1);
	plic_enable(ctx, irq, true);
}

/* A supervisor external interrupt: pass each claimed IRQ to its cell. */
void riscv_external_irq(struct cpu *c)
{
	int ctx = hart_plic_ctx(c);
	uint32_t irq;

	while ((irq = plic_claim(ctx)) != 0) {
		struct cell *owner = irq < PLIC_MAX_IRQS ? irq_owner[irq] : NULL;

		if (irq == console_irq) {
			hk_console_irq();
			plic_complete(ctx, irq);
			continue;
		}
		if (!owner || owner->state != CELL_RUNNING) {
			/* nobody may have it: silence it */
			plic_enable(ctx, irq, false);
			plic_complete(ctx, irq);
			continue;
		}
		claim_ctx[irq] = ctx;
		if (c->vcpu)
			c->vcpu->stats.irqs++;
		vplic_set_pending(&owner->arch.vplic, irq);
	}
}
