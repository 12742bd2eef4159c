// SPDX-License-Identifier: GPL-2.0-only
/* Message ring; both ends on the same hart, so masking interrupts is the lock. */
#include "rtos.h"

int queue_send(struct queue *q, uint32_t msg)
{
	unsigned long flags = irq_save();
	struct task *w;

	if (q->tail - q->head == QUEUE_LEN) {
		irq_restore(flags);
		return -1;
	}
	q->buf[q->tail % QUEUE_LEN] = msg;
	q->tail++;
	w = q->waiter;
	if (w) {
		q->waiter = 0;
		sched_wake(w);
	}
	irq_restore(flags);
	return 0;
}

uint32_t queue_recv(struct queue *q)
{
	unsigned long flags = irq_save();
	uint32_t msg;

	while (q->head == q->tail) {
		q->waiter = this_hart()->cur;
		sched_block();
	}
	msg = q->buf[q->head % QUEUE_LEN];
	q->head++;
	irq_restore(flags);
	return msg;
}
