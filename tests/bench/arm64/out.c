// SPDX-License-Identifier: GPL-2.0-only
/*
 * The bench guest's console: a polled PL011.  Natively it is QEMU's, in
 * the cell the hypervisor's emulated one; no figure is taken while a
 * line is printed.
 */
#include <stdarg.h>
#include <fv/fmt.h>
#include "bench.h"

#define UARTDR	0x00
#define UARTFR	0x18
#define FR_TXFF	(1U << 5)

static volatile uint32_t *uart;

void out_init(uintptr_t pl011)
{
	uart = (volatile uint32_t *)pl011;
}

static void putc(char c, void *arg)
{
	if (!uart)
		return;
	if (c == '\n')
		putc('\r', arg);
	while (uart[UARTFR / 4] & FR_TXFF)
		;
	uart[UARTDR / 4] = (uint8_t)c;
}

void say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fmt_vformat(putc, NULL, fmt, ap);
	va_end(ap);
}
