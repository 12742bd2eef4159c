// SPDX-License-Identifier: GPL-2.0-only
/*
 * The console before (or without) a UART: the SBI debug console when the
 * firmware has DBCN, else the legacy console_putchar.  The shared
 * console.c formats and locks; this only writes.
 */
#include "rtos.h"
#include "sbi.h"

static bool dbcn;

void arch_console_init(void)
{
	dbcn = sbi_probe(SBI_EXT_DBCN) != 0;
}

void arch_console_write(const char *s, unsigned n)
{
	if (!dbcn) {
		for (unsigned i = 0; i < n; i++)
			sbi_legacy_putchar(s[i]);
		return;
	}
	while (n) {
		long w = sbi_dbcn_write(s, n);

		if (w <= 0)
			break;
		s += w;
		n -= (unsigned)w;
	}
}
