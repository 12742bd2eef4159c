// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: the bench guest's GICv2 (BENCH_GIC=2 in bench.mk), the
 * same functions as ../gicv3/gic.c for a tree naming an
 * "arm,cortex-a15-gic": natively QEMU's (virt, gic-version=2), in a cell
 * of Ferrovisor's GICv2 image its emulated distributor and the
 * hardware's virtual CPU interface.  All MMIO, group 0, no security
 * extensions (bit 0 of GICD_CTLR and GICC_CTLR enables it), as the RTOS
 * drives it.  An SGI's IAR carries its source CPU, which must go back
 * with the EOI: gic_ack() gives the INTID alone (what bench_irq and
 * spi_irq compare) and keeps the whole IAR for this CPU's gic_eoi().
 * Register offsets from Arm's GICv2 specification (IHI 0048).
 */
#include "bench.h"

#define GICD_CTLR	0x0000
#define GICD_TYPER	0x0004
#define GICD_ISENABLER	0x0100
#define GICD_IPRIORITYR	0x0400
#define GICD_ITARGETSR	0x0800
#define GICC_CTLR	0x0000
#define GICC_PMR	0x0004
#define GICC_BPR	0x0008
#define GICC_IAR	0x000c
#define GICC_EOIR	0x0010
#define CTLR_ENABLE	1U
#define INTID_MASK	0x3ffU
#define MAX_CPUS	8

uintptr_t gicv2_dist;
static uintptr_t gicc;
static uint32_t acked[MAX_CPUS];	/* the IAR each CPU last read */

static volatile uint32_t *reg32(uintptr_t base, unsigned off)
{
	return (volatile uint32_t *)(base + off);
}

static unsigned cpu(void)
{
	return sysreg_rd(mpidr_el1) & (MAX_CPUS - 1);
}

int gic_init(uintptr_t d, uintptr_t c)
{
	gicv2_dist = d;
	*reg32(d, GICD_CTLR) = CTLR_ENABLE;
	return gic_cpu_init(c);
}

/* This CPU's interface (banked: one address for all) on. */
int gic_cpu_init(uintptr_t c)
{
	gicc = c;
	*reg32(c, GICC_PMR) = 0xff;
	*reg32(c, GICC_BPR) = 0;
	*reg32(c, GICC_CTLR) = CTLR_ENABLE;
	return 0;
}

/* an SGI or PPI of this CPU: banked in the distributor */
void gic_enable_ppi(unsigned intid)
{
	*(volatile uint8_t *)(gicv2_dist + GICD_IPRIORITYR + intid) = 0x80;
	*reg32(gicv2_dist, GICD_ISENABLER) = 1U << intid;
}

/* an SPI to the CPU interface `mpidr`'s Aff0 names */
void gic_enable_spi(unsigned intid, uint64_t mpidr)
{
	*(volatile uint8_t *)(gicv2_dist + GICD_IPRIORITYR + intid) = 0x80;
	*(volatile uint8_t *)(gicv2_dist + GICD_ITARGETSR + intid) = (uint8_t)(1U << (mpidr & 7));
	*reg32(gicv2_dist, GICD_ISENABLER + 4 * (intid / 32)) = 1U << (intid % 32);
}

/* SPIs the distributor has: 32 x ITLinesNumber (none: 0) */
unsigned gic_spi_lines(void)
{
	return 32 * (*reg32(gicv2_dist, GICD_TYPER) & 0x1f);
}

uint32_t gic_ack(void)
{
	uint32_t iar = *reg32(gicc, GICC_IAR);

	acked[cpu()] = iar;
	return iar & INTID_MASK;
}

void gic_eoi(uint32_t intid)
{
	uint32_t iar = acked[cpu()];

	*reg32(gicc, GICC_EOIR) = (iar & INTID_MASK) == intid ? iar : intid;
}
