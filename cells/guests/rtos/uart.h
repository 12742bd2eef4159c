/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The console UART, polled for output, with an optional receive
 * interrupt.  Each architecture's directory has the driver for its
 * boards' UART (RISC-V: ns16550a, ARM64: PL011).
 */
#ifndef RTOS_UART_H
#define RTOS_UART_H

struct platform;

/* The UART plat.uart_base names (and its arch's register layout). */
void uart_init(const struct platform *p);
void uart_putc(char c);
/* A received byte, or -1 if none is waiting. */
int uart_getc(void);
void uart_enable_rx_irq(void);

#endif
