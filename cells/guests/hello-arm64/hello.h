/* SPDX-License-Identifier: GPL-2.0-only */
/* Between the test guest's files: its console, its PSCI calls, its
 * devices in the device tree (devtree.c) and its modes (modes.c, timer.c;
 * the GIC they use picked by dispatch.c). */
#ifndef HELLO_ARM64_GUEST_H
#define HELLO_ARM64_GUEST_H

#include <fv/fmt.h>

#define PSCI_CPU_ON	0xc4000003U
#define SGI_CTX		0x5917	/* vCPU 1's context: take SGIs (modes.c) */

extern volatile uint8_t *hello_uart;

void say(const char *fmt, ...);
long hello_hvc3(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
volatile uint8_t *find_dev(const void *fdt, const char *compat, unsigned *intid);
void gic_pick(const void *fdt);
void irq_main(const void *fdt, bool two_cpus);
void irq_secondary(void);
void spy_main(const void *fdt, unsigned intid);
void guest_irq(void);
void timer_main(const void *fdt);

#endif
