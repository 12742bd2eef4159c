// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM64 cells: stage-2 tables and VMID (the IPA size is the CPU's
 * physical address size, read once) and the virtual GIC (<arch/vgic.h>;
 * the variant's windows: irqc_cell_init), which owns the cell's SPIs: its
 * emulated devices' lines (arch_cell_set_irq) and its passthrough
 * devices' physical SPIs, routed to the CPU of the vCPU the guest names
 * while the guest has them enabled.
 */
#include <arch/stage2.h>
#include <arch/sysreg.h>
#include <arch/gic.h>
#include <arch/irqc.h>
#include <fv/arch_cell.h>
#include <fv/console.h>
#include "guest.h"

static unsigned parange, ipa_bits;

int arch_cells_prepare(void)
{
	parange = (unsigned)read_sysreg(id_aa64mmfr0_el1) & 0xf;
	if (parange > 5)
		parange = 5;	/* 52-bit needs the LPA2 formats: 48 will do */
	ipa_bits = stage2_ipa_bits(parange);
	kprintf("stage-2: %u-bit guest physical addresses, 4 KiB granule\n", ipa_bits);
	return 0;
}

static void vgic_ppi_enable(void *arg, unsigned k, unsigned intid, bool on)
{
	arm64_virq_ppi_enable(arg, k, intid, on);
}

static void vgic_spi_hw(void *arg, unsigned intid, unsigned k, bool on)
{
	struct vcpu *v = cell_vcpu(arg, k);

	if (v)
		gic_spi_route(intid, v->cpu->hwid, on);
}

static void vgic_spi_end(void *arg, unsigned intid)
{
	(void)arg;
	gic_spi_deactivate(intid);
}

/* The raiser's own CPU syncs on its way back to the guest (vlr.c). */
static void vgic_kick(void *arg, unsigned k)
{
	struct vcpu *v = cell_vcpu(arg, k);

	if (v && v->cpu != this_cpu())
		cpu_request(v->cpu, REQ_VIRQ);
}

/* An access to the distributor is served on the accessing vCPU's CPU. */
static unsigned vgic_self(void *arg)
{
	struct cpu *c = this_cpu();

	(void)arg;
	return c->vcpu ? c->vcpu->vhartid : VGIC_NO_VCPU;
}

static const struct vgic_ops vgic_ops = {
	.ppi_enable = vgic_ppi_enable, .spi_hw = vgic_spi_hw, .spi_end = vgic_spi_end,
	.kick = vgic_kick, .self = vgic_self,
};

/* The SPIs the layout gives the cell (the checker made sure they are
 * SPIs and its own). */
static int add_spis(struct cell *c)
{
	const struct layout_cell *d = c->desc;

	for (unsigned i = 0; i < d->nr_devs; i++)
		for (unsigned k = 0; k < LAYOUT_DEV_IRQS && d->devs[i].irqs[k]; k++)
			if (vgic_add_spi(&c->arch.vgic, d->devs[i].irqs[k], true) < 0)
				return -1;
	for (unsigned i = 0; i < d->nr_emus; i++)
		if (vgic_add_spi(&c->arch.vgic, d->emus[i].irq, false) < 0)
			return -1;
	return 0;
}

void arm64_cell_add_window(struct cell *c, const char *name, const struct emu_ops *ops,
			   gpaddr_t base, uint64_t size)
{
	struct emu_dev *e = &c->emus[c->nr_emus++];

	e->ops = ops;
	e->name = name;
	e->state = &c->arch.vgic;
	e->owner = c;
	e->base = base;
	e->size = size;
}

int arch_cell_init(struct cell *c)
{
	int r = stage2_init(&c->arch.s2, &hv_pool, ipa_bits);

	if (r < 0)
		return r;
	c->arch.vmid = c->id + 1;
	c->arch.vttbr = stage2_vttbr(&c->arch.s2, c->arch.vmid);
	arm64_vtcr = stage2_vtcr(&c->arch.s2, parange);
	vgic_init(&c->arch.vgic, c->desc->nr_harts, &vgic_ops, c);
	if (add_spis(c) < 0) {
		kprintf("cell %s: an interrupt of the layout is no SPI (32..1019)\n", c->name);
		return -1;
	}
	return irqc_cell_init(c);
}

int arch_cell_map(struct cell *c, gpaddr_t gpa, paddr_t hpa, uint64_t size, unsigned flags)
{
	unsigned f = flags & (MEM_R | MEM_W | MEM_X);

	if (flags & MAP_DEVICE)
		f |= S2_DEVICE;
	return stage2_map(&c->arch.s2, gpa, hpa, size, f);
}

/* Called with no vCPU of the cell running: their CPUs quiesced the
 * physical PPIs already. */
void arch_cell_reset(struct cell *c)
{
	vgic_reset(&c->arch.vgic);
}

void arch_cell_set_irq(struct cell *c, uint32_t irq, bool level)
{
	vgic_set_level(&c->arch.vgic, irq, level);
}

/* The virtual GIC's list registers are its own CPUs' to write: another
 * cell's ring reaches it through a request to one of them (REQ_EMU). */
int arch_cell_try_set_irq(struct cell *c, uint32_t irq, bool level)
{
	(void)c;
	(void)irq;
	(void)level;
	return -1;
}

bool arch_cell_irq_nowait(const struct cell *c)
{
	(void)c;
	return false;
}
