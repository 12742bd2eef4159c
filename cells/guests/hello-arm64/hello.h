/* SPDX-License-Identifier: GPL-2.0-only */
/* Between the test guest's files: its console, its PSCI calls, its GIC
 * code for either version (dispatch.c). */
#ifndef HELLO_ARM64_GUEST_H
#define HELLO_ARM64_GUEST_H

#include <fv/fmt.h>

#define PSCI_CPU_ON	0xc4000003U
#define SGI_CTX		0x5917	/* vCPU 1's context: take SGIs (irq.c) */

extern volatile uint8_t *hello_uart;

void say(const char *fmt, ...);
long hello_hvc3(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
void irq_main(const void *fdt, bool two_cpus);
void irq_secondary(void);
void spy_main(const void *fdt, unsigned intid);
void guest_irq(void);
/* GICv2 (irq2.c) */
void irq2_main(const void *fdt, bool two_cpus);
void irq2_secondary(void);
void irq2_handler(void);
void spy2_main(const void *fdt, unsigned intid);
void timer2(const void *fdt);
/* which GIC the tree names (dispatch.c) */
void gic_pick(const void *fdt);
bool gic_is_v2(void);
void irq_dispatch(void);
void irq_mode(const void *fdt, bool two_cpus);
void spy_mode(const void *fdt, unsigned intid);
void irq_secondary_mode(void);

#endif
