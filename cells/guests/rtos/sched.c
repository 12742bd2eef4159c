// SPDX-License-Identifier: GPL-2.0-only
/* Fixed-priority preemptive scheduler; see sched.h. */
#include <fv/string.h>
#include "rtos.h"

#define STACK_WORDS	(TASK_STACK_SIZE / sizeof(unsigned long))
#define CANARY		0x5a5aa5a5c3c33c3cUL

static unsigned long task_stacks[MAX_HARTS][NTASKS][STACK_WORDS] __attribute__((aligned(16)));

static void task_returned(void)
{
	/* Task functions loop forever; one that returns just stops running. */
	irq_save();
	sched_block();
}

void sched_add(struct hart *h, unsigned prio, const char *name, task_fn fn,
	       void *arg, uint32_t period)
{
	struct task *t = &h->tasks[prio];
	unsigned long *stack = task_stacks[h->idx][prio];
	unsigned long *f = stack + STACK_WORDS - FRAME_SLOTS;

	memset(t, 0, sizeof(*t));
	t->name = name;
	t->prio = prio;
	t->used = true;
	t->period = period;
	t->next_release = period;
	t->stack = stack;
	stack[0] = CANARY;

	/* A first frame as if the task had been interrupted at its entry. */
	memset(f, 0, FRAME_SIZE);
	arch_frame_init(f, fn, arg, task_returned);
	t->frame = f;
	h->ready |= 1u << prio;
}

static struct task *pick(struct hart *h)
{
	for (unsigned p = NTASKS - 1; p > 0; p--)
		if (h->ready & (1u << p))
			return &h->tasks[p];
	return &h->tasks[0];	/* idle never blocks */
}

void sched_start(struct hart *h)
{
	h->cur = pick(h);
	frame_restore(h->cur->frame);
}

unsigned long *sched_switch_frame(unsigned long *frame)
{
	struct hart *h = this_hart();

	h->cur->frame = frame;
	h->cur = pick(h);
	return h->cur->frame;
}

void sched_tick(struct hart *h)
{
	for (unsigned p = 0; p < NTASKS; p++) {
		struct task *t = &h->tasks[p];

		if (!t->period || h->tick < t->next_release)
			continue;
		t->next_release += t->period;
		if (t->waiting_period) {
			t->waiting_period = false;
			h->ready |= 1u << p;
		} else {
			t->misses++;	/* still busy with the previous job */
		}
	}
}

void sched_block(void)
{
	struct hart *h = this_hart();

	h->ready &= ~(1u << h->cur->prio);
	sched_switch();
}

void sched_wake(struct task *t)
{
	struct hart *h = this_hart();

	h->ready |= 1u << t->prio;
	/* In a handler the trap exit picks; in a task, preempt now. */
	if (!h->in_irq && t->prio > h->cur->prio)
		sched_switch();
}

void sched_wait_period(void)
{
	unsigned long flags = irq_save();

	this_hart()->cur->waiting_period = true;
	sched_block();
	irq_restore(flags);
}

bool sched_stack_ok(const struct task *t)
{
	return !t->used || t->stack[0] == CANARY;
}

uint64_t sched_misses(const struct hart *h)
{
	uint64_t n = 0;

	for (unsigned p = 0; p < NTASKS; p++)
		n += h->tasks[p].misses;
	return n;
}
