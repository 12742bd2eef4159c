// SPDX-License-Identifier: GPL-2.0-only
/* The firmware console hooks: ARM64 has no firmware console.  Until the
 * UART is known (boot.c starts it first thing) output is dropped. */
#include <fv/arch_console.h>

void arch_firmware_putc(char c)
{
	(void)c;
}

int arch_firmware_getc(void)
{
	return -1;
}
