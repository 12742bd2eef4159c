// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: the one place where the test guest picks its GIC's
 * driver, by what its device tree names: a GICv3 ("arm,gic-v3",
 * gicv3.c) or else a GICv2 (gicv2.c).  The modes (modes.c, timer.c) go
 * through the one picked.
 */
#include "hello.h"
#include "gic.h"

const struct gic_ops *gic = &gicv3_ops;

void gic_pick(const void *fdt)
{
	gic = !gicv3_ops.present(fdt) && gicv2_ops.present(fdt) ? &gicv2_ops : &gicv3_ops;
}
