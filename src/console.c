// SPDX-License-Identifier: GPL-2.0-only
/*
 * The physical console: the device (the platform's UART, or the firmware
 * console until the UART is known), the lock that serializes writes to it,
 * and the one console line that may be left open.  Only the housekeeping
 * hart and harts that own no cell write here once cells run; a cell's
 * output goes through its own ring (console_mux.c).
 */
#include <fv/arch_console.h>
#include <fv/console.h>
#include <fv/cpu.h>
#include <fv/fmt.h>
#include <fv/spinlock.h>

static const struct console_dev *dev;
static spinlock_t lock = SPINLOCK_INIT;
static const void *open_line;	/* owner of a line left open, or NULL */

void console_set_device(const struct console_dev *d)
{
	spin_lock(&lock);
	dev = d;
	spin_unlock(&lock);
}

const char *console_device_name(void)
{
	return dev ? dev->name : "firmware";
}

/* NOLINTNEXTLINE(misc-no-recursion): once, for the '\r' of a '\n' */
static void raw_putc(char c)
{
	const struct console_dev *d = READ_ONCE(dev);

	if (c == '\n')
		raw_putc('\r');
	if (d)
		d->putc(d, c);
	else
		arch_firmware_putc(c);
}

static void fmt_out(char c, void *arg)
{
	(void)arg;
	raw_putc(c);
}

void console_write_locked(const char *s, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		raw_putc(s[i]);
}

bool console_enable_input(void)
{
	const struct console_dev *d = READ_ONCE(dev);

	if (!d || !d->enable_rx_irq)
		return false;
	d->enable_rx_irq(d);
	return true;
}

int console_getc(void)
{
	const struct console_dev *d = READ_ONCE(dev);

	return d ? d->getc(d) : -1;
}

void console_close_line_locked(void)
{
	if (open_line) {
		raw_putc('\n');
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

/* The one lock harts of different cells may share (see README, "Locks"):
 * its waits are counted for the monitor. */
void console_lock(void)
{
	struct cpu *c = this_cpu();
	volatile uint64_t none = 0;

	spin_lock_counted(&lock, c ? &c->xlock_waits : &none);
}

bool console_trylock(void)
{
	return spin_trylock(&lock);
}

bool console_is_locked(void)
{
	return spin_is_locked(&lock);
}

void console_unlock(void)
{
	spin_unlock(&lock);
}

void console_force_lock(void)
{
	/* A hart that panicked while printing must not deadlock the report. */
	for (unsigned long i = 0; i < 10000000UL; i++)
		if (spin_trylock(&lock))
			return;
}

int kvprintf_locked(const char *fmt, va_list ap)
{
	return fmt_vformat(fmt_out, NULL, fmt, ap);
}

int kprintf_locked(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vformat(fmt_out, NULL, fmt, ap);
	va_end(ap);
	return n;
}
