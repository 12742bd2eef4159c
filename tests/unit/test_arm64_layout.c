// SPDX-License-Identifier: GPL-2.0-only
/* The ARM64 part of the layout checker (arch/arm64/platform.c's
 * arch_layout_check_cell), on a board struct made by hand: a GICv2 can
 * name at most eight CPUs, so on a GICv2 board a cell of nine harts is
 * refused with a named error, while the same cell passes on a GICv3
 * board; interrupts a cell names must be SPIs on both.  (QEMU's
 * gic-version=2 machine has at most eight CPUs, so no dumped tree could
 * show it.) */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <fv/arch_platform.h>
#include <fv/layout.h>
#include "test.h"

static char msg[256];
static unsigned errors;

static void report(void *arg, const char *fmt, ...) __printf(2, 3);

static void report(void *arg, const char *fmt, ...)
{
	va_list ap;

	(void)arg;
	errors++;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
}

/* The errors for a cell of `harts` harts (and an emulated device on
 * `irq`) on a board with GIC version `gic`. */
static unsigned check(unsigned gic, unsigned harts, unsigned irq)
{
	static struct platform p;
	static struct layout_cell lc;

	memset(&lc, 0, sizeof(lc));
	lc.nr_harts = harts;
	lc.nr_emus = 1;
	lc.emus[0] = (struct layout_emu){ .type = EMU_PL011, .gpa = 0x09000000, .irq = irq };
	p.arch.gic_version = gic;
	errors = 0;
	msg[0] = '\0';
	arch_layout_check_cell(&p, &lc, report, NULL);
	return errors;
}

int main(void)
{
	CHECK_EQ(check(2, 8, 33), 0);
	CHECK_EQ(check(2, 9, 33), 1);
	CHECK_STR(msg, "has 9 harts: a virtual GICv2 names at most 8 CPUs (CPU interfaces 0..7)");
	CHECK_EQ(check(2, LAYOUT_MAX_HARTS, 33), 1);
	CHECK_EQ(check(3, 9, 33), 0);
	CHECK_EQ(check(3, LAYOUT_MAX_HARTS, 33), 0);
	CHECK_EQ(check(3, 1, 27), 1);				/* a PPI */
	CHECK(strstr(msg, "emus[0] irq 27 is no SPI") == msg);
	CHECK_EQ(check(2, 9, 16), 2);				/* both at once */
	return test_report("test_arm64_layout");
}
