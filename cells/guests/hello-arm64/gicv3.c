// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: the test guest's GICv3 driver behind gic.h, for a device
 * tree that names an "arm,gic-v3": the distributor and one redistributor
 * frame per vCPU are MMIO (reg[0], reg[1]), the CPU interface is the ICC
 * system registers; everything in group 1 with the distributor's DS
 * (both groups enabled, affinity routing on), as a small driver would.
 * Register offsets from Arm's GICv3 specification (IHI 0069).
 */
#include <libfdt.h>
#include "hello.h"
#include "gic.h"
#include "io.h"

#define GICD_IROUTER	0x6000
#define GICR_FRAME	0x20000
#define GICR_WAKER	0x0014
#define WAKER_ASLEEP	4U
#define GICR_IGROUPR0	0x10080
#define GICR_ISENABLER0	0x10100
#define GICR_IPRIORITYR	0x10400
#define CTLR_ARE_G1	0x13	/* ARE, EnableGrp1, EnableGrp0 (DS) */

#define ICC_SRE_EL1	S3_0_C12_C12_5
#define ICC_PMR_EL1	S3_0_C4_C6_0
#define ICC_IGRPEN1_EL1	S3_0_C12_C12_7
#define ICC_IAR1_EL1	S3_0_C12_C12_0
#define ICC_EOIR1_EL1	S3_0_C12_C12_1
#define ICC_SGI1R_EL1	S3_0_C12_C11_5
#define SGI1R_INTID	24

static volatile uint8_t *gicd, *gicr;

static bool v3_present(const void *fdt)
{
	return fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3") >= 0;
}

static bool v3_setup(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3");

	gicd = node_reg(fdt, node, 0);
	gicr = node_reg(fdt, node, 1);
	if (!gicd || !gicr) {
		say("hello-arm64: no GICv3 in the device tree\n");
		return false;
	}
	wr32(gicd, GICD_CTLR, CTLR_ARE_G1);
	return true;
}

static volatile uint8_t *v3_dist(void)
{
	return gicd;
}

static unsigned v3_lines(void)
{
	return 32 * ((rd32(gicd, GICD_TYPER) & 0x1f) + 1);
}

/* This vCPU's redistributor frame: the cell's lay them out by vCPU. */
static volatile uint8_t *my_gicr(void)
{
	return gicr + this_cpu() * GICR_FRAME;
}

/* Redistributor awake, its SGIs and PPIs in group 1, the ICC registers on */
static void v3_cpu_on(void)
{
	volatile uint8_t *r = my_gicr();

	wr32(r, GICR_WAKER, 0);
	while (rd32(r, GICR_WAKER) & WAKER_ASLEEP)
		;
	wr32(r, GICR_IGROUPR0, ~0U);
	sysreg_wr(ICC_SRE_EL1, 1);
	sysreg_wr(ICC_PMR_EL1, 0xff);
	sysreg_wr(ICC_IGRPEN1_EL1, 1);
}

static void v3_private_on(unsigned intid, unsigned prio)
{
	volatile uint8_t *r = my_gicr();

	wr8(r, GICR_IPRIORITYR + intid, prio);
	wr32(r, GICR_ISENABLER0, 1U << intid);
}

static void v3_route(unsigned intid, unsigned cpu)
{
	wr64(gicd, GICD_IROUTER + 8 * intid, cpu);
}

static uint64_t v3_route_rd(unsigned intid)
{
	return rd64(gicd, GICD_IROUTER + 8 * intid);
}

static void v3_spi_on(unsigned intid, unsigned cpu)
{
	unsigned w = 4 * (intid / 32);

	wr32(gicd, GICD_IGROUPR + w, rd32(gicd, GICD_IGROUPR + w) | 1U << (intid % 32));
	wr8(gicd, GICD_IPRIORITYR + intid, 0x80);
	v3_route(intid, cpu);
	wr32(gicd, GICD_ISENABLER + w, 1U << (intid % 32));
}

static unsigned v3_ack(unsigned *iar)
{
	*iar = (unsigned)sysreg_rd(ICC_IAR1_EL1) & 0xffffff;
	return *iar;
}

/* ICC_IAR1_EL1 has no source: an SGI is pending once, not per sender. */
static bool v3_sgi_source(unsigned iar, unsigned *cpu)
{
	(void)iar;
	*cpu = 0;
	return false;
}

static void v3_eoi(unsigned iar)
{
	sysreg_wr(ICC_EOIR1_EL1, iar);
}

/* Aff3.Aff2.Aff1 = 0: the target list is vCPUs 0-15 */
static void v3_sgi(unsigned intid, unsigned targets)
{
	sysreg_wr(ICC_SGI1R_EL1, (uint64_t)intid << SGI1R_INTID | (targets & 0xffff));
}

static void v3_set_pmr(unsigned prio)
{
	sysreg_wr(ICC_PMR_EL1, prio);
}

const struct gic_ops gicv3_ops = {
	.absent_cpu = 9,
	.present = v3_present,
	.setup = v3_setup,
	.dist = v3_dist,
	.lines = v3_lines,
	.cpu_on = v3_cpu_on,
	.private_on = v3_private_on,
	.spi_on = v3_spi_on,
	.route = v3_route,
	.route_rd = v3_route_rd,
	.ack = v3_ack,
	.sgi_source = v3_sgi_source,
	.eoi = v3_eoi,
	.sgi = v3_sgi,
	.set_pmr = v3_set_pmr,
};
