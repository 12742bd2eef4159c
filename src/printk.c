// SPDX-License-Identifier: GPL-2.0-only
/*
 * kprintf(): hypervisor messages.  On a hart that runs a cell, once the
 * cells are up, a message goes into that cell's console ring like the
 * cell's own output (in order with it, and without taking any lock another
 * cell takes); anywhere else it is written to the console at once.
 */
#include <fv/console.h>
#include <fv/console_mux.h>
#include <fv/cpu.h>
#include <fv/fmt.h>

#define KPRINTF_MAX	256

static int direct(const char *fmt, va_list ap)
{
	int n;

	console_lock();
	console_close_line_locked();
	n = kvprintf_locked(fmt, ap);
	console_unlock();
	mux_console_released();
	return n;
}

int kvprintf(const char *fmt, va_list ap)
{
	struct cpu *c = this_cpu();
	struct mux_port *p = c ? c->con_port : NULL;
	char buf[KPRINTF_MAX];
	int n;

	if (!p || !mux_async())
		return direct(fmt, ap);
	n = fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
	mux_write_hv(p, buf, n < (int)sizeof(buf) ? (unsigned long)n : sizeof(buf) - 1);
	return n;
}

int kprintf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvprintf(fmt, ap);
	va_end(ap);
	return n;
}
