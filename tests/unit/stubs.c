// SPDX-License-Identifier: GPL-2.0-only
/* Host stand-ins for the hypervisor console, for code under test. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "stubs.h"

char stub_log[65536];

static void logv(const char *fmt, va_list ap)
{
	size_t n = strlen(stub_log);

	if (n < sizeof(stub_log) - 1)
		vsnprintf(stub_log + n, sizeof(stub_log) - n, fmt, ap);
}

void console_close_line_locked(void);

int kprintf(const char *fmt, ...)
{
	va_list ap;

	console_close_line_locked();

	va_start(ap, fmt);
	logv(fmt, ap);
	va_end(ap);
	return 0;
}

int kprintf_locked(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	logv(fmt, ap);
	va_end(ap);
	return 0;
}

void stub_log_clear(void)
{
	stub_log[0] = '\0';
}

static const void *open_line;

void console_close_line_locked(void)
{
	if (open_line) {
		kprintf_locked("\n");
		open_line = NULL;
	}
}

const void *console_open_line_locked(void)
{
	return open_line;
}

void console_set_open_line_locked(const void *owner)
{
	open_line = owner;
}

bool stub_console_busy;

void console_lock(void)
{
}

bool console_trylock(void)
{
	return !stub_console_busy;
}

bool console_is_locked(void)
{
	return stub_console_busy;
}

void console_force_lock(void)
{
}

void console_unlock(void)
{
}

void console_write_locked(const char *s, unsigned long n)
{
	size_t len = strlen(stub_log);

	if (len + n < sizeof(stub_log)) {
		memcpy(stub_log + len, s, n);
		stub_log[len + n] = '\0';
	}
}
