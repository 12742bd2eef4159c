// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: what a cell's guest sees of a GICv3 beside the CPU
 * interface (the hardware's virtual one, through ICH_*_EL2): the
 * distributor window and the redistributor frames, both emulated.
 */
#include <arch/irqc.h>
#include <arch/vgic.h>
#include <fv/cell.h>

int irqc_cell_init(struct cell *c)
{
	arm64_cell_add_window(c, "vgicd", &vgicd_emu_ops, c->desc->arch.vgicd_gpa, VGICD_SIZE);
	arm64_cell_add_window(c, "vgicr", &vgicr_emu_ops, c->desc->arch.vgicr_gpa, VGICR_SIZE);
	return 0;
}
