// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: a GICv3 cell's redistributor window, one 128 KiB frame
 * pair per vCPU (VGICR_FRAME), onto the per-vCPU model of vgic.c.
 * Accesses: widths 1, 4 and 8 (GICR_TYPER only), aligned.
 */
#include <arch/vgic.h>

static bool width_ok(uint64_t off, unsigned width)
{
	return (width == 1 || width == 4 || width == 8) && !(off & (width - 1));
}

static int gicr_read(struct emu_dev *d, uint64_t off, unsigned width, uint64_t *val)
{
	struct vgic *g = d->state;
	unsigned k = (unsigned)(off / VGICR_FRAME);
	int r;

	if (!width_ok(off, width) || k >= g->nr_vcpus)
		return -1;
	spin_lock(&g->lock);
	r = vgic_cpu_read(g, k, off % VGICR_FRAME, width, val);
	spin_unlock(&g->lock);
	return r;
}

static int gicr_write(struct emu_dev *d, uint64_t off, unsigned width, uint64_t val)
{
	struct vgic *g = d->state;
	unsigned k = (unsigned)(off / VGICR_FRAME);
	int r;

	if (!width_ok(off, width) || k >= g->nr_vcpus)
		return -1;
	spin_lock(&g->lock);
	r = vgic_cpu_write(g, k, off % VGICR_FRAME, width, val);
	spin_unlock(&g->lock);
	return r;
}

const struct emu_ops vgicr_emu_ops = { gicr_read, gicr_write };
