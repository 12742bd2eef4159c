// SPDX-License-Identifier: GPL-2.0-only
/*
 * The RTOS's own debug registers, which a debugger on the hypervisor
 * borrows and must give back: at boot, before its first line, the boot
 * hart puts values of its own into DBGBVR0_EL1 and DBGWVR0_EL1 (their
 * controls stay off, nothing fires) and MDSCR_EL1.TDCC (EL0's DCC
 * accesses trap, and the RTOS has no EL0); at each status line it prints
 * what it reads back if that changed ("rtos: debug registers bvr0 ..
 * wvr0 .. mdscr ..").  While a debugger holds them they read zero;
 * test_arm64_gdb.py checks that after the detach they read as written.
 */
#include "console.h"
#include "rtos.h"
#include "sysreg.h"

#define BVR0_MINE	0x40001230UL
#define WVR0_MINE	0x40004560UL
#define MDSCR_TDCC	(1UL << 12)

/* At boot, before the first line is printed (so before a debugger can
 * be attached through the console). */
void arm64_dbgregs_put(void)
{
	sysreg_write(dbgbvr0_el1, BVR0_MINE);
	sysreg_write(dbgwvr0_el1, WVR0_MINE);
	sysreg_write(mdscr_el1, sysreg_read(mdscr_el1) | MDSCR_TDCC);
	isb();
}

void arm64_dbgregs_check(void)
{
	static bool printed;
	static uint64_t last[3];
	uint64_t now[3];

	now[0] = sysreg_read(dbgbvr0_el1);
	now[1] = sysreg_read(dbgwvr0_el1);
	now[2] = sysreg_read(mdscr_el1);
	if (printed && now[0] == last[0] && now[1] == last[1] && now[2] == last[2])
		return;
	printed = true;
	last[0] = now[0];
	last[1] = now[1];
	last[2] = now[2];
	rprintf("rtos: debug registers bvr0 %lx wvr0 %lx mdscr %lx\n", (unsigned long)now[0],
		(unsigned long)now[1], (unsigned long)now[2]);
}
