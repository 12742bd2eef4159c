// SPDX-License-Identifier: GPL-2.0-only
/*
 * Periodic tick on absolute deadlines (deadline += period), so ticks do not
 * drift and a late interrupt is caught up rather than lost.  Jitter is the
 * time at trap entry minus the deadline that was programmed.
 */
#include "rtos.h"
#include "timer.h"

static void timer_program(struct hart *h, uint64_t when)
{
	arch_timer_program(h, when);	/* RISC-V: stimecmp or SBI; ARM64: CNTV */
}

void timer_init(struct hart *h)
{
	h->period = plat.timebase * cfg.tick_us / 1000000;
	if (!h->period)
		h->period = 1;
	h->jit_min = UINT64_MAX;
	h->deadline = arch_now() + h->period;
	/* Program before unmasking so a stale interrupt cannot fire early. */
	timer_program(h, h->deadline);
	arch_timer_enable(h);
}

bool timer_irq(struct hart *h, uint64_t now)
{
	uint64_t late;

	if ((int64_t)(now - h->deadline) < 0) {
		timer_program(h, h->deadline);	/* early: wait for the real one */
		return false;
	}
	late = now - h->deadline;
	if (late < h->jit_min)
		h->jit_min = late;
	if (late > h->jit_max)
		h->jit_max = late;
	h->jit_sum += late;
	h->jit_n++;

	h->deadline += h->period;
	timer_program(h, h->deadline);
	h->tick++;
	return true;
}
