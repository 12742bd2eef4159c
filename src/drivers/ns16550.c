// SPDX-License-Identifier: GPL-2.0-only
/*
 * Polled driver for the platform's ns16550 UART, the hypervisor's own
 * console.  The firmware has already programmed the baud rate; we only
 * wait for room in the transmitter and write.
 */
#include <fv/console.h>
#include <fv/ns16550.h>

#define UART_THR	0
#define UART_RBR	0
#define UART_IER	1
#define UART_LSR	5
#define IER_RDI		0x01
#define LSR_DR		0x01
#define LSR_THRE	0x20

static uint32_t rd(const struct console_dev *d, unsigned reg)
{
	uintptr_t a = d->base + ((uintptr_t)reg << d->reg_shift);

	return d->io_width == 4 ? *(volatile uint32_t *)a : *(volatile uint8_t *)a;
}

static void wr(const struct console_dev *d, unsigned reg, uint32_t v)
{
	uintptr_t a = d->base + ((uintptr_t)reg << d->reg_shift);

	if (d->io_width == 4)
		*(volatile uint32_t *)a = v;
	else
		*(volatile uint8_t *)a = (uint8_t)v;
}

static void ns16550_putc(const struct console_dev *d, char c)
{
	while (!(rd(d, UART_LSR) & LSR_THRE))
		;
	wr(d, UART_THR, (uint8_t)c);
}

static int ns16550_getc(const struct console_dev *d)
{
	if (!(rd(d, UART_LSR) & LSR_DR))
		return -1;
	return (int)(rd(d, UART_RBR) & 0xff);
}

static void ns16550_enable_rx_irq(const struct console_dev *d)
{
	wr(d, UART_IER, IER_RDI);
}

void ns16550_console_init(struct console_dev *d, uintptr_t base,
			  unsigned reg_shift, unsigned io_width)
{
	d->name = "ns16550";
	d->putc = ns16550_putc;
	d->getc = ns16550_getc;
	d->enable_rx_irq = ns16550_enable_rx_irq;
	d->base = base;
	d->reg_shift = reg_shift;
	d->io_width = io_width == 4 ? 4 : 1;
}
