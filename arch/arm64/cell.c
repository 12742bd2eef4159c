// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM64 cells: stage-2 tables and VMID (the IPA size is the CPU's
 * physical address size, read once) and the virtual GIC's distributor and
 * redistributors (<arch/vgic.h>).  An emulated device's interrupt line
 * goes nowhere yet: the virtual GIC has no SPIs.
 */
#include <arch/stage2.h>
#include <arch/sysreg.h>
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

static const struct vgic_ops vgic_ops = { .ppi_enable = vgic_ppi_enable };

static void add_window(struct cell *c, const char *name, const struct emu_ops *ops,
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
	add_window(c, "vgicd", &vgicd_emu_ops, c->desc->arch.vgicd_gpa, VGICD_SIZE);
	add_window(c, "vgicr", &vgicr_emu_ops, c->desc->arch.vgicr_gpa, VGICR_SIZE);
	return 0;
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
	(void)c, (void)irq, (void)level;	/* the virtual GIC has no SPIs yet */
}
