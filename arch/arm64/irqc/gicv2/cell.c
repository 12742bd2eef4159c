// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: what a cell's guest sees of a GICv2: the distributor
 * window, emulated (vgicd.c with vgicd_regs.c), and at its CPU
 * interface's address (.arch.vgicr_gpa) the board's virtual CPU
 * interface, GICV, mapped in stage 2: the guest's acknowledge, end of
 * interrupt and priority mask go straight to the hardware, which serves
 * them from this CPU's list registers (GICH); nothing there traps.  A
 * GICv2's SGIs are pending per source CPU, which the guest's IAR shows:
 * the cell's model keeps their sources (sgi_sources).
 */
#include <arch/irqc.h>
#include <arch/vgic.h>
#include <fv/arch_cell.h>
#include <fv/console.h>
#include <fv/layout.h>
#include <fv/platform.h>

#define GICV_SIZE	0x2000ULL	/* GICV_CTLR .. GICV_DIR (0x1000) */

int irqc_cell_init(struct cell *c)
{
	const struct plat_range *v = &platform.arch.gicv;

	c->arch.vgic.sgi_sources = true;
	arm64_cell_add_window(c, "vgicd", &vgicd_emu_ops, c->desc->arch.vgicd_gpa, VGICD_SIZE);
	if (v->size < GICV_SIZE ||
	    arch_cell_map(c, c->desc->arch.vgicr_gpa, v->base, GICV_SIZE,
			  MEM_R | MEM_W | MAP_DEVICE) < 0) {
		kprintf("cell %s: cannot map the GICv2 virtual CPU interface (GICV %#llx) "
			"at %#llx\n", c->name, (unsigned long long)v->base,
			(unsigned long long)c->desc->arch.vgicr_gpa);
		return -1;
	}
	return 0;
}
