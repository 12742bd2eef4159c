// SPDX-License-Identifier: GPL-2.0-only
/*
 * RISC-V cells: G-stage tables and VMID, and the virtual PLIC (whose
 * passthrough interrupts irq_route.c takes from the physical PLIC); on an
 * AIA machine the guest interrupt files and the virtual APLIC
 * (irqc/aia/aia_cell.c).
 */
#include <arch/csr.h>
#include <fv/arch_cell.h>
#include <fv/console.h>
#include <fv/platform.h>
#include <fv/trace.h>
#include "aia.h"
#include "irq.h"
#include "plic.h"

/* Nothing to maintain: a hart's data accesses are coherent with every
 * other hart's whatever the guest's translation, and a vCPU's hart fences
 * its instruction fetches when asked (REQ_FENCE_I). */
void arch_guest_mem_written(const void *hva, uint64_t size)
{
	(void)hva;
	(void)size;
}

/* ---- vPLIC callbacks (may run with the vPLIC lock held) ---- */

static void vplic_set_eip(void *arg, unsigned long ctx, bool on)
{
	struct cell *c = arg;
	struct vcpu *v = cell_vcpu(c, ctx);

	if (!v)
		return;
	if (on && !READ_ONCE(v->arch.eip)) {	/* may be another hart of the cell */
		__atomic_fetch_add(&v->stats.virqs[VIRQ_EXT], 1, __ATOMIC_RELAXED);
		trace_virq(v, VIRQ_EXT);
	}
	WRITE_ONCE(v->arch.eip, on);
	if (v->cpu == this_cpu())
		riscv_set_vseip(on);
	else
		cpu_request(v->cpu, REQ_EIP);
}

static void vplic_hw_enable(void *arg, unsigned ctx, uint32_t irq, bool on)
{
	struct vcpu *v = cell_vcpu(arg, ctx);

	if (v)
		riscv_irq_route_enable(arg, v->cpu, irq, on);
}

static const struct vplic_ops vplic_ops = {
	.set_eip = vplic_set_eip,
	.hw_enable = vplic_hw_enable,
	.hw_complete = riscv_irq_route_complete,	/* irq_route.c, no step between */
};

int arch_cells_prepare(void)
{
	const struct arch_platform *a = &platform.arch;

	riscv_aia = !a->plic.present && a->aplic_s.present && a->imsic_s.present;
	if (!a->plic.present && !riscv_aia) {
		kprintf("Ferrovisor: cells need a PLIC, or an S-level APLIC with IMSICs\n");
		return -1;
	}
	riscv_sstc = platform.arch.isa_common & BIT(ISA_SSTC);
	riscv_irq_route_prepare();
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
			riscv_irq_route_own(c, irq);	/* never on AIA: aia_cell_init() */
		}
	for (unsigned i = 0; i < d->nr_emus; i++)
		vplic_add_irq(&c->arch.vplic, d->emus[i].irq, false);
}

int arch_cell_init(struct cell *c)
{
	struct emu_dev *e;
	int r;

	if (stage2_init(&c->arch.s2, &hv_pool,
			platform.arch.isa_common & BIT(ISA_SVPBMT)) < 0)
		return -1;
	c->arch.vmid = c->id + 1;
	c->arch.hgatp = stage2_hgatp(&c->arch.s2, c->arch.vmid);
	if (riscv_aia && (r = aia_cell_init(c)) <= 0)
		return r;	/* its virtual APLIC (irqc/aia/aia_cell.c), or an error */
	if (!c->desc->arch.vplic_gpa) {
		kprintf("cell %s: arch.vplic_gpa is not set and this machine has a PLIC\n",
			c->name);
		return -1;
	}
	add_irqs(c);

	e = &c->emus[c->nr_emus++];
	e->ops = &vplic_emu_ops;
	e->name = "vplic";
	e->state = &c->arch.vplic;
	e->base = c->desc->arch.vplic_gpa;
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
	if (c->arch.has_vaplic) {
		vaplic_reset(&c->arch.vaplic);	/* and its passthrough sources */
		return;
	}
	riscv_irq_route_reset(c);	/* what the guest left in service */
	vplic_reset(&c->arch.vplic);
	for (unsigned k = 0; k < c->nr_vcpus; k++)
		WRITE_ONCE(c->vcpu[k]->arch.eip, false);
}

void arch_cell_set_irq(struct cell *c, uint32_t irq, bool level)
{
	if (c->arch.has_vaplic)
		vaplic_set_level(&c->arch.vaplic, irq, level);
	else
		vplic_set_level(&c->arch.vplic, irq, level);
}

/* The virtual APLIC's message is one store into a guest interrupt file,
 * which any hart may make; the virtual PLIC's line needs its own harts. */
int arch_cell_try_set_irq(struct cell *c, uint32_t irq, bool level)
{
	if (!c->arch.has_vaplic)
		return -1;
	return vaplic_try_set_level(&c->arch.vaplic, irq, level) ? 1 : 0;
}

bool arch_cell_irq_nowait(const struct cell *c)
{
	return c->arch.has_vaplic;
}
