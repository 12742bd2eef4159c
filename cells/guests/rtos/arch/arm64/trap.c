// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exception dispatch: an IRQ is claimed from the GIC until none is left
 * (the virtual timer's tick, the UART's or the doorbell's SPI); any other
 * exception is fatal.  A CPU the boot CPU asked to stop does so here,
 * after its tick, with nothing left active in the GIC.
 */
#include "console.h"
#include "gic.h"
#include "rtos.h"
#include "timer.h"

#define VEC_IRQ_SPX	5	/* switch.S: the vector's index */

unsigned long *trap_handler(unsigned long *frame, unsigned long kind);

static void __attribute__((noreturn)) fatal(struct hart *h, unsigned long *f, unsigned long kind)
{
	/* The console lock may be ours: print without it. */
	rprintf_unlocked("rtos: hart %lu fatal trap vector %lu esr %#lx elr %#lx far %#lx\n",
			 h->hartid, kind, (unsigned long)sysreg_read(esr_el1), f[FRAME_ELR],
			 (unsigned long)sysreg_read(far_el1));
	arch_system_off(true);
	rtos_halt();
}

/* Every pending interrupt in one go.  The time read at entry is the
 * tick's only for the first one taken: a tick that falls due while this
 * runs is judged by the time it is taken. */
static void irq(struct hart *h, unsigned long *f)
{
	uint64_t now = f[FRAME_TIME];
	uint32_t id;

	while ((id = gic_ack()) < GIC_SPURIOUS) {
		if (id == GIC_VTIMER) {
			if (timer_irq(h, now))
				sched_tick(h);
		} else {
			irq_dispatch(h, id);
		}
		gic_eoi(id);
		now = arch_now();
	}
}

unsigned long *trap_handler(unsigned long *f, unsigned long kind)
{
	struct hart *h = this_hart();

	if (kind != VEC_IRQ_SPX || !h->cur)
		fatal(h, f, kind);
	h->in_irq = true;
	irq(h, f);
	h->in_irq = false;
	if (h->stop_req)
		smp_ipi(h);
	return sched_switch_frame(f);
}
