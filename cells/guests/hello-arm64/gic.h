/* SPDX-License-Identifier: GPL-2.0-only */
/* Why this file: the little the test guest's interrupt modes (modes.c,
 * timer.c) need of a GIC, so that they are written once; gicv3.c and
 * gicv2.c implement it, dispatch.c picks one from the device tree. */
#ifndef HELLO_ARM64_GIC_H
#define HELLO_ARM64_GIC_H

#include <fv/types.h>

/* Distributor registers at the same offsets in GICv2 and GICv3 */
#define GICD_CTLR	0x0000
#define GICD_TYPER	0x0004
#define GICD_IGROUPR	0x0080
#define GICD_ISENABLER	0x0100
#define GICD_ISPENDR	0x0200
#define GICD_IPRIORITYR	0x0400
#define GIC_SPURIOUS	1020

struct gic_ops {
	/* a vCPU the cell lacks that an SGI's target list can still name */
	unsigned absent_cpu;
	/* the tree names this GIC */
	bool (*present)(const void *fdt);
	/* find it in the tree, distributor on; false (said) without it */
	bool (*setup)(const void *fdt);
	/* the distributor's registers */
	volatile uint8_t *(*dist)(void);
	unsigned (*lines)(void);
	/* this vCPU's interface on, every priority passing; IRQs stay masked */
	void (*cpu_on)(void);
	/* an SGI or PPI of this vCPU enabled at priority `prio` */
	void (*private_on)(unsigned intid, unsigned prio);
	/* an SPI enabled, to vCPU `cpu` */
	void (*spi_on)(unsigned intid, unsigned cpu);
	/* an SPI's route (GICv3 IROUTER, GICv2 ITARGETSR) to vCPU `cpu`, and
	 * read back as the register holds it */
	void (*route)(unsigned intid, unsigned cpu);
	uint64_t (*route_rd)(unsigned intid);
	/* the INTID acknowledged; *iar what must go back to eoi() */
	unsigned (*ack)(unsigned *iar);
	void (*eoi)(unsigned iar);
	/* the vCPU that sent the SGI acknowledged as `iar` (a GICv2's IAR
	 * names it); false if the GIC says none (GICv3) */
	bool (*sgi_source)(unsigned iar, unsigned *cpu);
	/* SGI `intid` to the vCPUs whose bits `targets` sets */
	void (*sgi)(unsigned intid, unsigned targets);
	void (*set_pmr)(unsigned prio);
};

extern const struct gic_ops gicv3_ops, gicv2_ops;
extern const struct gic_ops *gic;

/* reg[n] of device tree node `node` (two address cells), NULL without it */
volatile uint8_t *node_reg(const void *fdt, int node, unsigned n);

#endif
