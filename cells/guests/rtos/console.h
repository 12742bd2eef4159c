/* SPDX-License-Identifier: GPL-2.0-only */
/* Line-based console output over the UART or the arch's fallback (SBI). */
#ifndef RTOS_CONSOLE_H
#define RTOS_CONSOLE_H

#include <stdbool.h>
#include <fv/compiler.h>

/* The arch's fallback (arch_console_init); call before anything is printed. */
void console_init(void);
/* From now on write to the UART set up by uart_init(). */
void console_use_uart(void);
bool console_is_uart(void);

/* printf to the console; a line at a time, never interleaved between harts. */
int rprintf(const char *fmt, ...) __printf(1, 2);
/* The same without the lock, for the fatal-trap path. */
int rprintf_unlocked(const char *fmt, ...) __printf(1, 2);

#endif
