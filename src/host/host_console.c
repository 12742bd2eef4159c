// SPDX-License-Identifier: GPL-2.0-only
/* The hypervisor console, for host tools: everything goes to stderr. */
#include <stdarg.h>
#include <stdio.h>
#include <fv/console.h>

int kprintf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stderr, fmt, ap);
	va_end(ap);
	return n;
}
