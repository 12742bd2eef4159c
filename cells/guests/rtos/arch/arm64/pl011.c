// SPDX-License-Identifier: GPL-2.0-only
/*
 * PL011 driver (uart.h): the console UART of the ARM64 boards.  Register
 * offsets from Arm's PL011 TRM (DDI 0183).  Line settings are left as
 * they are; the guest enables the UART, writes DR and sets the receive
 * interrupt masks.
 */
#include "rtos.h"
#include "uart.h"

#define DR		0x000
#define FR		0x018
#define CR		0x030
#define IMSC		0x038
#define ICR		0x044

#define FR_RXFE		(1U << 4)
#define FR_TXFF		(1U << 5)
#define CR_UARTEN	(1U << 0)
#define CR_TXE		(1U << 8)
#define CR_RXE		(1U << 9)
#define INT_RX		(1U << 4)
#define INT_RT		(1U << 6)	/* receive timeout */

static uintptr_t base;

static volatile uint32_t *reg(unsigned off)
{
	return (volatile uint32_t *)(base + off);
}

void uart_init(const struct platform *p)
{
	base = p->uart_base;
	*reg(CR) |= CR_UARTEN | CR_TXE | CR_RXE;
}

void uart_putc(char c)
{
	while (*reg(FR) & FR_TXFF)
		;
	*reg(DR) = (uint8_t)c;
}

int uart_getc(void)
{
	if (*reg(FR) & FR_RXFE)
		return -1;
	return (int)(*reg(DR) & 0xff);
}

void uart_enable_rx_irq(void)
{
	*reg(ICR) = INT_RX | INT_RT;
	*reg(IMSC) |= INT_RX | INT_RT;
}
