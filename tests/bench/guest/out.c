// SPDX-License-Identifier: GPL-2.0-only
/*
 * The bench guest's console lines, on every architecture: formatted here,
 * written by the architecture (arch_out_line()).
 */
#include <stdarg.h>
#include <fv/fmt.h>
#include "arch_if.h"
#include "figures.h"

/* Only the boot hart prints, with interrupts off. */
void out(const char *fmt, ...)
{
	char buf[OUT_LINE_MAX];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, sizeof(buf) - 2, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 3)
		n = sizeof(buf) - 3;
	buf[n++] = '\r';
	buf[n++] = '\n';
	arch_out_line(buf, (unsigned)n);
}
