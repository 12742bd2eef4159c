// SPDX-License-Identifier: GPL-2.0-only
/*
 * ns16550a driver (uart.h): the console UART of the RISC-V boards.  Baud
 * rate and line settings are left as the firmware set them; the guest
 * only writes THR, IER, MCR and the scratch register.
 */
#include "riscv.h"
#include "rtos.h"
#include "uart.h"

#define UART_RBR	0	/* read */
#define UART_THR	0	/* write */
#define UART_IER	1
#define UART_MCR	4
#define UART_LSR	5
#define UART_SCR	7

#define IER_RDI		0x01	/* received data available */
#define MCR_DTR		0x01
#define MCR_RTS		0x02
#define MCR_OUT2	0x08	/* gates the interrupt line on PC-style parts */
#define LSR_DR		0x01
#define LSR_THRE	0x20

static uintptr_t base;
static unsigned shift, width;

static uint32_t rd(unsigned reg)
{
	uintptr_t a = base + ((uintptr_t)reg << shift);

	if (width == 4)
		return *(volatile uint32_t *)a;
	return *(volatile uint8_t *)a;
}

static void wr(unsigned reg, uint32_t v)
{
	uintptr_t a = base + ((uintptr_t)reg << shift);

	if (width == 4)
		*(volatile uint32_t *)a = v;
	else
		*(volatile uint8_t *)a = (uint8_t)v;
}

void uart_init(const struct platform *p)
{
	base = p->uart_base;
	shift = p->arch.uart_shift;
	width = p->arch.uart_width;
}

void uart_putc(char c)
{
	while (!(rd(UART_LSR) & LSR_THRE))
		;
	wr(UART_THR, (uint8_t)c);
}

int uart_getc(void)
{
	if (!(rd(UART_LSR) & LSR_DR))
		return -1;
	return (int)(rd(UART_RBR) & 0xff);
}

void uart_enable_rx_irq(void)
{
	wr(UART_MCR, MCR_DTR | MCR_RTS | MCR_OUT2);
	wr(UART_IER, IER_RDI);
}

unsigned uart_scratch(void)
{
	return rd(UART_SCR) & 0xff;
}

void uart_set_scratch(unsigned v)
{
	wr(UART_SCR, v);
}
