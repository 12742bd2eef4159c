// SPDX-License-Identifier: GPL-2.0-only
/* Trap dispatch: timer tick, PLIC external interrupt, IPI; exceptions are fatal. */
#include "console.h"
#include "imsic.h"
#include "plic.h"
#include "rtos.h"
#include "sbi.h"
#include "timer.h"

unsigned long *trap_handler(unsigned long *frame);

static void __attribute__((noreturn)) fatal(struct hart *h, unsigned long *f,
					    unsigned long cause)
{
	/* The console lock may be ours: print without it. */
	rprintf_unlocked("rtos: hart %lu fatal trap scause %#lx sepc %#lx stval %#lx\n",
			 h->hartid, cause, f[FRAME_SEPC], csr_read(stval));
	arch_system_off(true);
	rtos_halt();
}

static void external_irq(struct hart *h)
{
	uint32_t irq;

	if (imsic_present())
		imsic_external_irq(h);
	if (h->arch.plic_ctx < 0)
		return;
	while ((irq = plic_claim(plat.arch.plic_base, h->arch.plic_ctx)) != 0) {
		irq_dispatch(h, irq);
		plic_complete(plat.arch.plic_base, h->arch.plic_ctx, irq);
	}
}

unsigned long *trap_handler(unsigned long *f)
{
	struct hart *h = this_hart();
	unsigned long cause = csr_read(scause);

	if (!(cause & CAUSE_IRQ) || !h->cur)
		fatal(h, f, cause);

	h->in_irq = true;
	switch (cause & ~CAUSE_IRQ) {
	case IRQ_S_TIMER:
		if (timer_irq(h, f[FRAME_TIME]))
			sched_tick(h);
		break;
	case IRQ_S_EXT:
		external_irq(h);
		break;
	case IRQ_S_SOFT:
		csr_clear(sip, SIP_SSIP);
		smp_ipi(h);
		break;
	default:
		/* Not one we enabled: mask it rather than loop on it. */
		csr_clear(sie, 1UL << (cause & 63));
		break;
	}
	h->in_irq = false;
	return sched_switch_frame(f);
}
