/* SPDX-License-Identifier: GPL-2.0-only */
/* Fixed-size message ring between tasks (or an interrupt and a task) of one hart. */
#ifndef RTOS_QUEUE_H
#define RTOS_QUEUE_H

#include <stdint.h>
#include "config.h"

struct task;

struct queue {
	uint32_t buf[QUEUE_LEN];
	uint32_t head, tail;	/* free-running; index with % QUEUE_LEN */
	struct task *waiter;	/* task blocked in queue_recv() */
};

/* Never blocks; -1 if the ring is full.  Safe from interrupt context. */
int queue_send(struct queue *q, uint32_t msg);
/* Blocks the calling task until a message is there. */
uint32_t queue_recv(struct queue *q);

#endif
