// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why this file: the test guest's timer mode, on either GIC (gic.h):
 * 10 interrupts of the virtual timer (PPI 27), 10 ms apart, taken with
 * IRQs masked (WFI, then the acknowledge); it says whether they came no
 * earlier than the timer was set for.
 */
#include "hello.h"
#include "gic.h"
#include "io.h"

#define VTIMER		27
#define TICKS		10

void timer_main(const void *fdt)
{
	uint64_t period = sysreg_rd(cntfrq_el0) / 100, t0, t1;
	unsigned ticks = 0, other = 0;

	if (!gic->setup(fdt))
		return;
	gic->cpu_on();
	gic->private_on(VTIMER, 0x80);
	t0 = sysreg_rd(cntvct_el0);
	sysreg_wr(cntv_tval_el0, period);
	sysreg_wr(cntv_ctl_el0, 1);
	while (ticks < TICKS) {
		unsigned iar, intid;

		__asm__ volatile("wfi" ::: "memory");	/* IRQs masked: no vector */
		intid = gic->ack(&iar);
		if (intid >= GIC_SPURIOUS)
			continue;
		if (intid == VTIMER && ++ticks < TICKS)
			sysreg_wr(cntv_tval_el0, period);
		else if (intid == VTIMER)
			sysreg_wr(cntv_ctl_el0, 0);
		else
			other++;
		gic->eoi(iar);
	}
	t1 = sysreg_rd(cntvct_el0);
	say("hello-arm64: timer: %u interrupts of intid 27, %u others, %s\n", ticks, other,
	    t1 - t0 >= TICKS * period ? "at least 10 periods apart" : "TOO EARLY");
}
