// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: the test guest's GICv2 driver, for a device tree that
 * names an "arm,cortex-a15-gic" (or "arm,gic-400") instead of a GICv3:
 * Ferrovisor's GICv2 image gives a cell one, whose second window is the
 * CPU interface (the hardware's virtual one).  Everything is MMIO and
 * group 0 without security extensions (bit 0 of GICD_CTLR and GICC_CTLR
 * enables it), as the RTOS's arch/arm64/gicv2.c drives it.  The GICv3
 * code (irq.c, main.c) stays as it is; dispatch.c picks.  Register
 * offsets from Arm's GICv2 specification (IHI 0048).
 */
#include <libfdt.h>
#include "hello.h"
#include "gicv2.h"

#define GICD_CTLR	0x0000
#define GICD_TYPER	0x0004
#define GICD_ISENABLER	0x0100
#define GICD_IPRIORITYR	0x0400
#define GICD_ITARGETSR	0x0800
#define GICD_SGIR	0x0f00
#define GICC_CTLR	0x0000
#define GICC_PMR	0x0004
#define GICC_IAR	0x000c
#define GICC_EOIR	0x0010
#define CTLR_ENABLE	1U

volatile uint8_t *gicv2_d, *gicv2_c;

static volatile uint32_t *r32(volatile uint8_t *b, unsigned off)
{
	return (volatile uint32_t *)(b + off);
}

int gicv2_node(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,cortex-a15-gic");

	return node >= 0 ? node : fdt_node_offset_by_compatible(fdt, -1, "arm,gic-400");
}

/* reg[n] of `node` (two address cells), NULL without it */
volatile uint8_t *gicv2_reg(const void *fdt, int node, unsigned n)
{
	int len;
	const fdt64_t *reg = node >= 0 ? fdt_getprop(fdt, node, "reg", &len) : NULL;

	return reg && len >= (int)(16 * (n + 1)) ?
	       (volatile uint8_t *)(uintptr_t)fdt64_to_cpu(reg[2 * n]) : NULL;
}

bool gicv2_setup(const void *fdt)
{
	int node = gicv2_node(fdt);

	gicv2_d = gicv2_reg(fdt, node, 0);
	gicv2_c = gicv2_reg(fdt, node, 1);
	if (!gicv2_d || !gicv2_c) {
		say("hello-arm64: no GICv2 in the device tree\n");
		return false;
	}
	*r32(gicv2_d, GICD_CTLR) = CTLR_ENABLE;
	return true;
}

unsigned gicv2_lines(void)
{
	return 32 * ((*r32(gicv2_d, GICD_TYPER) & 0x1f) + 1);
}

/* This CPU's interface on (every priority passes); IRQs stay masked. */
void gicv2_cpu_on(void)
{
	*r32(gicv2_c, GICC_PMR) = 0xff;
	*r32(gicv2_c, GICC_CTLR) = CTLR_ENABLE;
}

/* An SGI or PPI: banked, this CPU's own. */
void gicv2_private_on(unsigned intid)
{
	gicv2_d[GICD_IPRIORITYR + intid] = 0x80;
	*r32(gicv2_d, GICD_ISENABLER) = 1U << intid;
}

void gicv2_spi_on(unsigned intid, unsigned cpu)
{
	gicv2_d[GICD_IPRIORITYR + intid] = 0x80;
	gicv2_d[GICD_ITARGETSR + intid] = (uint8_t)(1U << cpu);
	*r32(gicv2_d, GICD_ISENABLER + 4 * (intid / 32)) = 1U << (intid % 32);
}

/* The whole IAR: an SGI's source CPU must go back with the EOI. */
unsigned gicv2_ack(void)
{
	return *r32(gicv2_c, GICC_IAR);
}

void gicv2_eoi(unsigned iar)
{
	*r32(gicv2_c, GICC_EOIR) = iar;
}

/* SGI `intid` to the CPUs of the 8-bit target list */
void gicv2_sgi(unsigned intid, unsigned targets)
{
	*r32(gicv2_d, GICD_SGIR) = (targets & 0xff) << 16 | (intid & 0xf);
}
