/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The hypervisor console.  Output goes to the firmware console (SBI) until
 * the platform's UART is known, then to the UART.  kprintf() output of one
 * call is never interleaved with another hart's.  Writing the device needs
 * the console lock; once cells run, only the housekeeping hart and harts
 * that own no cell take it (see <fv/console_mux.h>).
 */
#ifndef FV_CONSOLE_H
#define FV_CONSOLE_H

#include <stdarg.h>
#include <fv/compiler.h>
#include <fv/types.h>

struct console_dev {
	const char *name;
	void (*putc)(const struct console_dev *dev, char c);
	int (*getc)(const struct console_dev *dev);	/* -1: nothing waiting */
	void (*enable_rx_irq)(const struct console_dev *dev);
	uintptr_t base;
	unsigned reg_shift;
	unsigned io_width;
};

/* Switch output to `dev` (NULL: back to the firmware console). */
void console_set_device(const struct console_dev *dev);
const char *console_device_name(void);

/* Typed input: raise an interrupt on receive; read what arrived (-1:
 * nothing).  The housekeeping code (src/housekeeping.c) does both. */
bool console_enable_input(void);
int console_getc(void);

/* Hypervisor messages (src/printk.c): into the calling cell's console ring
 * on a cell's hart once cells run, else straight to the console. */
int kprintf(const char *fmt, ...) __printf(1, 2);
int kvprintf(const char *fmt, va_list ap);

/* Take the console for a multi-call message; kprintf_locked() inside. */
void console_lock(void);
bool console_trylock(void);
bool console_is_locked(void);
void console_unlock(void);
int kprintf_locked(const char *fmt, ...) __printf(1, 2);
int kvprintf_locked(const char *fmt, va_list ap);
void console_write_locked(const char *s, unsigned long n);
/*
 * A line left open on the console (the focused cell's prompt, written
 * without its newline) has an owner; any other output closes it first so
 * lines never mix.  With the console lock held.
 */
void console_close_line_locked(void);
const void *console_open_line_locked(void);
void console_set_open_line_locked(const void *owner);

/* For panic: take the lock if possible, else go on without it. */
void console_force_lock(void);

#ifdef CONFIG_VERBOSE
#define pr_verbose(...) kprintf(__VA_ARGS__)
#else
#define pr_verbose(...) do { } while (0)
#endif

#ifdef CONFIG_DEBUG
#define pr_debug(...) kprintf(__VA_ARGS__)
#else
#define pr_debug(...) do { } while (0)
#endif

#endif
