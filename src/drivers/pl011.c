// SPDX-License-Identifier: GPL-2.0-only
/*
 * Polled driver for an Arm PL011 UART, the hypervisor's own console where
 * the board's stdout-path names one (QEMU's aarch64 virt).  The boot
 * loader or QEMU has set the line up; we only wait for room and write.
 */
#include <fv/console.h>
#include <fv/pl011.h>

#define UARTDR		0x00
#define UARTFR		0x18
#define UARTIMSC	0x38
#define FR_RXFE		(1U << 4)
#define FR_TXFF		(1U << 5)
#define IMSC_RXIM	(1U << 4)
#define IMSC_RTIM	(1U << 6)	/* receive timeout: a byte below the FIFO's level */

static uint32_t rd(const struct console_dev *d, unsigned reg)
{
	return *(volatile uint32_t *)(d->base + reg);
}

static void wr(const struct console_dev *d, unsigned reg, uint32_t v)
{
	*(volatile uint32_t *)(d->base + reg) = v;
}

static void pl011_putc(const struct console_dev *d, char c)
{
	while (rd(d, UARTFR) & FR_TXFF)
		;
	wr(d, UARTDR, (uint8_t)c);
}

static int pl011_getc(const struct console_dev *d)
{
	if (rd(d, UARTFR) & FR_RXFE)
		return -1;
	return (int)(rd(d, UARTDR) & 0xff);
}

static void pl011_enable_rx_irq(const struct console_dev *d)
{
	wr(d, UARTIMSC, IMSC_RXIM | IMSC_RTIM);
}

void pl011_console_init(struct console_dev *d, uintptr_t base)
{
	d->name = "pl011";
	d->putc = pl011_putc;
	d->getc = pl011_getc;
	d->enable_rx_irq = pl011_enable_rx_irq;
	d->base = base;
	d->reg_shift = 0;
	d->io_width = 4;
}
