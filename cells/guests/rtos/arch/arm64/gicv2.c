// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: the GICv2 ("arm,cortex-a15-gic", "arm,gic-400") the
 * device tree may name instead of a GICv3: QEMU's natively, or
 * Ferrovisor's virtual one in a cell of its GICv2 image, whose CPU
 * interface is the hardware's virtual one mapped where the tree says.
 * Everything is MMIO and group 0 (no security extensions: bit 0 of
 * GICD_CTLR and GICC_CTLR enables it).  PPIs are banked per CPU in the
 * distributor; an SPI goes to the CPU interface of the MPIDR's Aff0,
 * which is how QEMU numbers them and how a cell numbers its vCPUs.
 * Register offsets from Arm's GICv2 specification (IHI 0048).
 */
#include <libfdt.h>
#include "dtb.h"
#include "gic.h"
#include "rtos.h"

#define GICD_CTLR		0x0000
#define GICD_ISENABLER(n)	(0x0100 + 4 * (n))
#define GICD_IPRIORITYR		0x0400
#define GICD_ITARGETSR		0x0800
#define GICC_CTLR		0x0000
#define GICC_PMR		0x0004
#define GICC_IAR		0x000c
#define GICC_EOIR		0x0010
#define CTLR_ENABLE		(1U << 0)
#define PRIORITY		0x80

static volatile uint32_t *reg(uintptr_t base, uintptr_t off)
{
	return (volatile uint32_t *)(base + off);
}

int gicv2_find(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,cortex-a15-gic");

	return node >= 0 ? node : fdt_node_offset_by_compatible(fdt, -1, "arm,gic-400");
}

void gicv2_dist_init(void)
{
	*reg(plat.arch.gicd, GICD_CTLR) |= CTLR_ENABLE;
}

bool gicv2_cpu_init(struct hart *h)
{
	uintptr_t c = plat.arch.gicr;

	h->arch.gicr = c;
	if (!c)
		return false;
	*reg(c, GICC_PMR) = 0xff;
	*reg(c, GICC_CTLR) = CTLR_ENABLE;
	return true;
}

/* IPRIORITYR and ITARGETSR are byte-accessible. */
static void set_byte(uintptr_t off, uint8_t v)
{
	*(volatile uint8_t *)(plat.arch.gicd + off) = v;
}

void gicv2_enable_ppi(struct hart *h, uint32_t intid)
{
	(void)h;	/* banked: this CPU's own */
	set_byte(GICD_IPRIORITYR + intid, PRIORITY);
	*reg(plat.arch.gicd, GICD_ISENABLER(0)) = 1U << intid;
}

void gicv2_enable_spi(uint32_t intid, uint64_t mpidr)
{
	set_byte(GICD_IPRIORITYR + intid, PRIORITY);
	set_byte(GICD_ITARGETSR + intid, (uint8_t)(1U << (mpidr & 7)));
	*reg(plat.arch.gicd, GICD_ISENABLER(intid / 32)) = 1U << (intid % 32);
}

/* The INTID only: the RTOS sends no SGIs, whose source CPU would have to
 * go back with the end of interrupt. */
uint32_t gicv2_ack(void)
{
	return *reg(plat.arch.gicr, GICC_IAR) & 0x3ff;
}

void gicv2_eoi(uint32_t intid)
{
	*reg(plat.arch.gicr, GICC_EOIR) = intid;
}
