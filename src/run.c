// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the harts do once booted.  Without cells every hart idles; the
 * cells issue applies the layout here.
 */
#include <fv/arch_cpu.h>
#include <fv/console.h>
#include <fv/hv.h>

__noreturn void hv_run(void)
{
	kprintf("boot complete: no cells configured, harts idle\n");
	for (;;)
		arch_cpu_wait();
}

__noreturn void hv_run_secondary(struct cpu *c)
{
	(void)c;
	for (;;)
		arch_cpu_wait();
}
