// SPDX-License-Identifier: GPL-2.0-only
/*
 * The RISC-V bench guest's console: SBI DBCN, else the legacy putchar
 * (the UART is a device under test, not the console).  out.c formats the
 * lines.
 */
#include "arch_if.h"
#include "bench.h"
#include "csr.h"
#include "sbi.h"

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

void arch_out_line(const char *buf, unsigned n)
{
	if (dbcn) {
		for (unsigned done = 0; done < n;) {
			long r = sbi_dbcn_write(buf + done, n - done);

			if (r <= 0)
				break;
			done += r;
		}
	} else {
		for (unsigned i = 0; i < n; i++)
			sbi_legacy_putchar(buf[i]);
	}
	settle();
}
