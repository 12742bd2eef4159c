/* SPDX-License-Identifier: GPL-2.0-only */
/* The GIC as the RTOS uses it: a GICv3 with group 1 interrupts (gic.c),
 * or a GICv2 with group 0 ones (gicv2.c); one priority. */
#ifndef RTOS_GIC_H
#define RTOS_GIC_H

#include <stdbool.h>
#include <stdint.h>

struct hart;

#define GIC_VTIMER	27		/* the virtual timer's PPI */
#define GIC_SPURIOUS	1020		/* INTIDs from here: nothing to take */

/* Boot CPU, once: the distributor on for group 1 (affinity routing). */
void gic_dist_init(void);
/* Each CPU: find its redistributor, wake it, turn on its CPU interface.
 * False if it has none. */
bool gic_cpu_init(struct hart *h);
void gic_enable_ppi(struct hart *h, uint32_t intid);
/* Route SPI `intid` to CPU `mpidr` and enable it; false if the
 * distributor has no such SPI (e.g. a virtual GIC without SPIs). */
bool gic_spi_exists(uint32_t intid);
void gic_enable_spi(uint32_t intid, uint64_t mpidr);
uint32_t gic_ack(void);
void gic_eoi(uint32_t intid);

/* The same on a GICv2 (gicv2.c), which gic.c hands over to when the tree
 * names one (plat.arch.gic_v2); gicv2_find: its node in the tree, or -1. */
int gicv2_find(const void *fdt);
void gicv2_dist_init(void);
bool gicv2_cpu_init(struct hart *h);
void gicv2_enable_ppi(struct hart *h, uint32_t intid);
void gicv2_enable_spi(uint32_t intid, uint64_t mpidr);
uint32_t gicv2_ack(void);
void gicv2_eoi(uint32_t intid);

#endif
