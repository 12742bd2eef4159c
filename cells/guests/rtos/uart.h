/* SPDX-License-Identifier: GPL-2.0-only */
/* Polled ns16550a output and input, with an optional receive interrupt. */
#ifndef RTOS_UART_H
#define RTOS_UART_H

#include <stdint.h>

void uart_init(uintptr_t base, unsigned reg_shift, unsigned reg_io_width);
void uart_putc(char c);
/* A received byte, or -1 if none is waiting. */
int uart_getc(void);
void uart_enable_rx_irq(void);

/* The scratch register (the reset check of main.c). */
unsigned uart_scratch(void);
void uart_set_scratch(unsigned v);

#endif
