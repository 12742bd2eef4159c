/* SPDX-License-Identifier: GPL-2.0-only */
/* Between the test guest's files: its console and its PSCI calls. */
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

#endif
