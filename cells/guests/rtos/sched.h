/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fixed-priority preemptive scheduler, one instance per hart.  Each task
 * has a unique priority (0 = idle .. NTASKS-1); the highest ready one runs.
 */
#ifndef RTOS_SCHED_H
#define RTOS_SCHED_H

#include <stdbool.h>
#include <stdint.h>

struct hart;

struct task {
	unsigned long *frame;	/* saved context while not running */
	const char *name;
	unsigned prio;
	bool used;
	bool waiting_period;	/* blocked in sched_wait_period() */
	uint32_t period;	/* ticks, 0: not periodic */
	uint64_t next_release;	/* tick of the next release */
	uint64_t misses;	/* releases that found the last job unfinished */
	unsigned long *stack;	/* lowest word is a canary */
};

typedef void (*task_fn)(void *arg);

void sched_add(struct hart *h, unsigned prio, const char *name, task_fn fn,
	       void *arg, uint32_t period);
void __attribute__((noreturn)) sched_start(struct hart *h);

/* From the tick interrupt: release periodic tasks that are due. */
void sched_tick(struct hart *h);

/* Task context, interrupts off: block the current task / make t ready. */
void sched_block(void);
void sched_wake(struct task *t);
void sched_wait_period(void);

bool sched_stack_ok(const struct task *t);
uint64_t sched_misses(const struct hart *h);

/* Trap exit and voluntary switch: save `frame`, return the next one. */
unsigned long *sched_switch_frame(unsigned long *frame);

/* switch.S */
void sched_switch(void);
void __attribute__((noreturn)) frame_restore(unsigned long *frame);

#endif
