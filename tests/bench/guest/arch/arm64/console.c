// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ARM64 bench guest's console: a polled PL011.  Natively it is QEMU's,
 * in the cell the hypervisor's emulated one; no figure is taken while a
 * line is printed (main.c settles before each).  out.c formats the lines.
 */
#include "arch_if.h"
#include "bench.h"

#define UARTDR	0x00
#define UARTFR	0x18
#define FR_TXFF	(1U << 5)

static volatile uint32_t *uart;

void out_init(uintptr_t pl011)
{
	uart = (volatile uint32_t *)pl011;
}

void arch_out_line(const char *line, unsigned n)
{
	if (!uart)
		return;
	for (unsigned i = 0; i < n; i++) {
		while (uart[UARTFR / 4] & FR_TXFF)
			;
		uart[UARTDR / 4] = (uint8_t)line[i];
	}
}
