/* SPDX-License-Identifier: GPL-2.0-only */
/* The firmware console, used before the platform UART is known. */
#ifndef FV_ARCH_CONSOLE_H
#define FV_ARCH_CONSOLE_H

void arch_firmware_putc(char c);
int arch_firmware_getc(void);		/* -1: nothing waiting */

#endif
