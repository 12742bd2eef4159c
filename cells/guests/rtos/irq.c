// SPDX-License-Identifier: GPL-2.0-only
/*
 * A device's interrupt, by its number at the interrupt controller (PLIC
 * or APLIC source, GIC INTID), once the arch's handler has claimed it:
 * the console UART's or the doorbell's.  Handlers only queue; tasks print.
 */
#include "rtos.h"
#include "uart.h"

static void uart_irq(struct hart *h)
{
	int c;

	/* Drain the receiver; the echo task prints at task level.  Bytes
	 * beyond QUEUE_LEN that the echo task has not taken yet are lost. */
	while ((c = uart_getc()) >= 0)
		queue_send(&h->rxq, (uint32_t)c);
}

void irq_dispatch(struct hart *h, uint32_t irq)
{
	if (irq == plat.uart_irq && h->rx_irq)
		uart_irq(h);
	else if (irq == plat.db_irq && h->db_irq)
		doorbell_irq(h);
}
