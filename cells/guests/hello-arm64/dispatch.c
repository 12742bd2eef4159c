// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: the one place where the test guest picks its GIC's
 * code, by what its device tree names: a GICv3 ("arm,gic-v3": irq.c and
 * main.c's timer) or a GICv2 (gicv2.c, irq2.c).  The IRQ vector
 * (entry.S) and the modes that take interrupts come through here.
 */
#include <libfdt.h>
#include "hello.h"
#include "gicv2.h"

static bool v2;

void gic_pick(const void *fdt)
{
	v2 = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3") < 0 && gicv2_node(fdt) >= 0;
}

bool gic_is_v2(void)
{
	return v2;
}

void irq_dispatch(void)
{
	if (v2)
		irq2_handler();
	else
		guest_irq();
}

void irq_mode(const void *fdt, bool two_cpus)
{
	if (v2)
		irq2_main(fdt, two_cpus);
	else
		irq_main(fdt, two_cpus);
}

void spy_mode(const void *fdt, unsigned intid)
{
	if (v2)
		spy2_main(fdt, intid);
	else
		spy_main(fdt, intid);
}

void irq_secondary_mode(void)
{
	if (v2)
		irq2_secondary();
	else
		irq_secondary();
}
