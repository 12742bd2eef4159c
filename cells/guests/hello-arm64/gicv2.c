// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: the test guest's GICv2 driver behind gic.h, for a device
 * tree that names an "arm,cortex-a15-gic" (or "arm,gic-400") instead of a
 * GICv3: Ferrovisor's GICv2 image gives a cell one, whose second window
 * is the CPU interface (the hardware's virtual one).  Everything is MMIO
 * and group 0 without security extensions (bit 0 of GICD_CTLR and
 * GICC_CTLR enables it), as the RTOS's arch/arm64/gicv2.c drives it.
 * Register offsets from Arm's GICv2 specification (IHI 0048).
 */
#include <libfdt.h>
#include "hello.h"
#include "gic.h"
#include "io.h"

#define GICD_ITARGETSR	0x0800
#define GICD_SGIR	0x0f00
#define SGIR_TARGETS	16
#define GICC_CTLR	0x0000
#define GICC_PMR	0x0004
#define GICC_IAR	0x000c
#define GICC_EOIR	0x0010
#define IAR_INTID	0x3ffU
#define IAR_CPUID(v)	(((v) >> 10) & 7U)
#define CTLR_ENABLE	1U

static volatile uint8_t *gicd, *gicc;

static int v2_node(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,cortex-a15-gic");

	return node >= 0 ? node : fdt_node_offset_by_compatible(fdt, -1, "arm,gic-400");
}

static bool v2_present(const void *fdt)
{
	return v2_node(fdt) >= 0;
}

static bool v2_setup(const void *fdt)
{
	int node = v2_node(fdt);

	gicd = node_reg(fdt, node, 0);
	gicc = node_reg(fdt, node, 1);
	if (!gicd || !gicc) {
		say("hello-arm64: no GICv2 in the device tree\n");
		return false;
	}
	wr32(gicd, GICD_CTLR, CTLR_ENABLE);
	return true;
}

static volatile uint8_t *v2_dist(void)
{
	return gicd;
}

static unsigned v2_lines(void)
{
	return 32 * ((rd32(gicd, GICD_TYPER) & 0x1f) + 1);
}

static void v2_cpu_on(void)
{
	wr32(gicc, GICC_PMR, 0xff);
	wr32(gicc, GICC_CTLR, CTLR_ENABLE);
}

/* An SGI or PPI: banked, this vCPU's own. */
static void v2_private_on(unsigned intid, unsigned prio)
{
	wr8(gicd, GICD_IPRIORITYR + intid, prio);
	wr32(gicd, GICD_ISENABLER, 1U << intid);
}

static void v2_route(unsigned intid, unsigned cpu)
{
	wr8(gicd, GICD_ITARGETSR + intid, 1U << cpu);
}

static uint64_t v2_route_rd(unsigned intid)
{
	return gicd[GICD_ITARGETSR + intid];
}

static void v2_spi_on(unsigned intid, unsigned cpu)
{
	wr8(gicd, GICD_IPRIORITYR + intid, 0x80);
	v2_route(intid, cpu);
	wr32(gicd, GICD_ISENABLER + 4 * (intid / 32), 1U << (intid % 32));
}

/* The whole IAR goes back: an SGI's source CPU is in it. */
static unsigned v2_ack(unsigned *iar)
{
	*iar = rd32(gicc, GICC_IAR);
	return *iar & IAR_INTID;
}

static void v2_eoi(unsigned iar)
{
	wr32(gicc, GICC_EOIR, iar);
}

static bool v2_sgi_source(unsigned iar, unsigned *cpu)
{
	*cpu = IAR_CPUID(iar);
	return true;
}

/* The target list is 8 bits: vCPUs 0-7 */
static void v2_sgi(unsigned intid, unsigned targets)
{
	wr32(gicd, GICD_SGIR, (targets & 0xff) << SGIR_TARGETS | (intid & 0xf));
}

static void v2_set_pmr(unsigned prio)
{
	wr32(gicc, GICC_PMR, prio);
}

const struct gic_ops gicv2_ops = {
	.absent_cpu = 7,
	.present = v2_present,
	.setup = v2_setup,
	.dist = v2_dist,
	.lines = v2_lines,
	.cpu_on = v2_cpu_on,
	.private_on = v2_private_on,
	.spi_on = v2_spi_on,
	.route = v2_route,
	.route_rd = v2_route_rd,
	.ack = v2_ack,
	.eoi = v2_eoi,
	.sgi_source = v2_sgi_source,
	.sgi = v2_sgi,
	.set_pmr = v2_set_pmr,
};
