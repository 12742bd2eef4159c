/* SPDX-License-Identifier: GPL-2.0-only */
/* Between the RISC-V files of the RTOS: the device tree per hart, the UART's
 * scratch register. */
#ifndef RTOS_RISCV_H
#define RTOS_RISCV_H

#include <stdbool.h>

struct platform;

/* dtb.c */
bool dtb_hart_has_sstc(const struct platform *p, int cpu_node);
bool dtb_hart_has_v(const struct platform *p, int cpu_node);
int dtb_plic_context(const struct platform *p, int cpu_node);

/* uart.c: the ns16550's scratch register (the reset check) */
unsigned uart_scratch(void);
void uart_set_scratch(unsigned v);

#endif
