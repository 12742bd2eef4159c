// SPDX-License-Identifier: GPL-2.0-only
/*
 * Console lines (SBI DBCN, else the legacy putchar: the UART is a device
 * under test, not the console) and the figure lines:
 *
 *	bench: <name> cycles_mean=<m>.<d> cycles_min=<a> cycles_max=<b> n=<n> [...]
 */
#include <stdarg.h>
#include <fv/fmt.h>
#include "bench.h"
#include "csr.h"
#include "sbi.h"

#define LINE_MAX 200

static bool dbcn;

void out_init(void)
{
	dbcn = sbi_probe(SBI_EXT_DBCN) != 0;
}

/*
 * In a cell, console output is written out by the hypervisor's
 * housekeeping hart after the call returns.  Under -icount every hart's
 * instructions advance the clock, so sleep 2 ms after each line: that work
 * happens now, not inside the next figure.
 */
static void settle(void)
{
	uint64_t end = rdtime() + (mach.timebase ? mach.timebase : 10000000) / 500;

	sbi_set_timer(end);
	csr_set(sie, SIE_STIE);
	while (rdtime() < end)
		__asm__ volatile("wfi");	/* interrupts are off: no trap */
	csr_clear(sie, SIE_STIE);
	sbi_set_timer(~0ULL);
}

/* Only the boot hart prints, with interrupts off. */
void out(const char *fmt, ...)
{
	char buf[LINE_MAX];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, sizeof(buf) - 2, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 3)
		n = sizeof(buf) - 3;
	buf[n++] = '\r';
	buf[n++] = '\n';
	if (dbcn) {
		for (int done = 0; done < n;) {
			long r = sbi_dbcn_write(buf + done, n - done);

			if (r <= 0)
				break;
			done += r;
		}
	} else {
		for (int i = 0; i < n; i++)
			sbi_legacy_putchar(buf[i]);
	}
	settle();
}

void stat_add(struct stat *s, uint64_t v)
{
	if (!s->n || v < s->min)
		s->min = v;
	if (!s->n || v > s->max)
		s->max = v;
	s->n++;
	s->sum += v;
}

void stat_print(const char *name, const struct stat *s, const char *extra)
{
	uint64_t tenths;

	if (!s->n) {
		out("bench: %s skipped (no samples)", name);
		return;
	}
	tenths = (s->sum * 10 + s->n / 2) / s->n;
	out("bench: %s cycles_mean=%llu.%llu cycles_min=%llu cycles_max=%llu n=%llu%s%s",
	    name, (unsigned long long)(tenths / 10), (unsigned long long)(tenths % 10),
	    (unsigned long long)s->min, (unsigned long long)s->max,
	    (unsigned long long)s->n, extra ? " " : "", extra ? extra : "");
}
