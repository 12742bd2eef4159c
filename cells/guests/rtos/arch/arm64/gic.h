/* SPDX-License-Identifier: GPL-2.0-only */
/* The GICv3 as the RTOS uses it: group 1 interrupts, one priority. */
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

#endif
