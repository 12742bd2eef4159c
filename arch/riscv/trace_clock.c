// SPDX-License-Identifier: GPL-2.0-only
/* The trace's timestamps on RISC-V: the cycle counter (under QEMU -icount,
 * one count per instruction of any hart, the same on every hart). */
#include <fv/arch_trace.h>

uint64_t arch_trace_clock(void)
{
	uint64_t t;

	__asm__ volatile("rdcycle %0" : "=r"(t));
	return t;
}
