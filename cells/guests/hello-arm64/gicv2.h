/* SPDX-License-Identifier: GPL-2.0-only */
/* Between the test guest's GICv2 files: the driver (gicv2.c) and its
 * interrupt and timer modes (irq2.c). */
#ifndef HELLO_ARM64_GICV2_H
#define HELLO_ARM64_GICV2_H

#include <fv/types.h>

#define GICV2_SPURIOUS	1020
#define GICV2_INTID(iar)	((iar) & 0x3ffU)

extern volatile uint8_t *gicv2_d, *gicv2_c;

int gicv2_node(const void *fdt);
volatile uint8_t *gicv2_reg(const void *fdt, int node, unsigned n);
bool gicv2_setup(const void *fdt);
unsigned gicv2_lines(void);
void gicv2_cpu_on(void);
void gicv2_private_on(unsigned intid);
void gicv2_spi_on(unsigned intid, unsigned cpu);
unsigned gicv2_ack(void);
void gicv2_eoi(unsigned iar);
void gicv2_sgi(unsigned intid, unsigned targets);

#endif
