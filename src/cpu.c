// SPDX-License-Identifier: GPL-2.0-only
/*
 * Requests between harts: a bit in the target's cpu->req, then a kick.
 * Apart from the cells and the console, so both can post requests without
 * depending on each other.
 */
#include <fv/arch_cpu.h>
#include <fv/cpu.h>

void cpu_request(struct cpu *c, unsigned long req)
{
	__atomic_fetch_or(&c->req, req, __ATOMIC_RELEASE);
	if (c != this_cpu())
		arch_cpu_kick(c);
}
