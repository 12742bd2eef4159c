// SPDX-License-Identifier: GPL-2.0-only
/*
 * Console output.  Each rprintf() is formatted into a buffer first (with
 * "\n" turned into "\r\n") and then written under a spinlock with
 * interrupts off, so lines from different harts and tasks never mix and a
 * task cannot be preempted while it holds the lock.
 */
#include <stdarg.h>
#include <fv/fmt.h>
#include "console.h"
#include "rtos.h"
#include "uart.h"

static bool use_uart;
static volatile int lock;

struct line {
	char buf[CONSOLE_LINE_MAX + 2];
	unsigned n;
};

static void line_out(char c, void *arg)
{
	struct line *l = arg;

	/* Overlong lines are cut; the two spare bytes keep room for "\r\n". */
	if (c == '\n') {
		if (l->n + 2 <= sizeof(l->buf)) {
			l->buf[l->n++] = '\r';
			l->buf[l->n++] = '\n';
		}
	} else if (l->n < CONSOLE_LINE_MAX) {
		l->buf[l->n++] = c;
	}
}

void console_init(void)
{
	arch_console_init();
}

void console_use_uart(void)
{
	use_uart = true;
}

bool console_is_uart(void)
{
	return use_uart;
}

static void emit(const char *s, unsigned n)
{
	if (!use_uart) {
		arch_console_write(s, n);	/* e.g. SBI's debug console */
		return;
	}
	for (unsigned i = 0; i < n; i++)
		uart_putc(s[i]);
}

static int vprint(bool locked, const char *fmt, va_list ap)
{
	struct line l;
	unsigned long flags;

	l.n = 0;
	fmt_vformat(line_out, &l, fmt, ap);
	if (!locked) {
		emit(l.buf, l.n);
		return (int)l.n;
	}
	flags = irq_save();
	while (__atomic_exchange_n(&lock, 1, __ATOMIC_ACQUIRE))
		;
	emit(l.buf, l.n);
	__atomic_store_n(&lock, 0, __ATOMIC_RELEASE);
	irq_restore(flags);
	return (int)l.n;
}

int rprintf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprint(true, fmt, ap);
	va_end(ap);
	return n;
}

int rprintf_unlocked(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprint(false, fmt, ap);
	va_end(ap);
	return n;
}
