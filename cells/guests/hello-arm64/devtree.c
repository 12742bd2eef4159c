// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: where the test guest finds its devices' registers and
 * interrupts in its device tree (two address and size cells, an SPI as
 * the first interrupt), for the GIC drivers and the interrupt modes.
 */
#include <libfdt.h>
#include "hello.h"
#include "gic.h"

volatile uint8_t *node_reg(const void *fdt, int node, unsigned n)
{
	int len;
	const fdt64_t *reg = node >= 0 ? fdt_getprop(fdt, node, "reg", &len) : NULL;

	return reg && len >= (int)(16 * (n + 1)) ?
	       (volatile uint8_t *)(uintptr_t)fdt64_to_cpu(reg[2 * n]) : NULL;
}

volatile uint8_t *find_dev(const void *fdt, const char *compat, unsigned *intid)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, compat);
	const fdt32_t *irq = node >= 0 ? fdt_getprop(fdt, node, "interrupts", NULL) : NULL;

	*intid = irq ? 32 + fdt32_to_cpu(irq[1]) : 0;
	return node_reg(fdt, node, 0);
}
