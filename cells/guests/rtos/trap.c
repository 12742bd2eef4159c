// SPDX-License-Identifier: GPL-2.0-only
/* Trap dispatch: timer tick, PLIC external interrupt, IPI; exceptions are fatal. */
#include "console.h"
#include "csr.h"
#include "imsic.h"
#include "plic.h"
#include "rtos.h"
#include "sbi.h"
#include "timer.h"
#include "uart.h"

unsigned long *trap_handler(unsigned long *frame);

static void __attribute__((noreturn)) fatal(struct hart *h, unsigned long *f,
					    unsigned long cause)
{
	/* The console lock may be ours: print without it. */
	rprintf_unlocked("rtos: hart %lu fatal trap scause %#lx sepc %#lx stval %#lx\n",
			 h->hartid, cause, f[FRAME_SEPC], csr_read(stval));
	sbi_system_reset(SBI_SRST_SHUTDOWN, SBI_SRST_FAILURE);
	rtos_halt();
}

static void uart_irq(struct hart *h)
{
	int c;

	/* Drain the receiver; the echo task prints at task level.  Bytes
	 * beyond QUEUE_LEN that the echo task has not taken yet are lost. */
	while ((c = uart_getc()) >= 0)
		queue_send(&h->rxq, (uint32_t)c);
}

/* A device's interrupt, from the PLIC or the APLIC. */
void irq_dispatch(struct hart *h, uint32_t irq)
{
	if (irq == plat.uart_irq && h->rx_irq)
		uart_irq(h);
	else if (irq == plat.db_irq && h->db_irq)
		doorbell_irq(h);
}

static void external_irq(struct hart *h)
{
	uint32_t irq;

	if (imsic_present())
		imsic_external_irq(h);
	if (h->plic_ctx < 0)
		return;
	while ((irq = plic_claim(plat.plic_base, h->plic_ctx)) != 0) {
		irq_dispatch(h, irq);
		plic_complete(plat.plic_base, h->plic_ctx, irq);
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
