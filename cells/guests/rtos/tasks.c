// SPDX-License-Identifier: GPL-2.0-only
/*
 * The demo workload each hart runs, highest priority first:
 *   fast      period 1 tick   a stand-in control loop
 *   producer  period 5 ticks  posts a sequence number to msgq
 *   consumer  event-driven    receives from msgq, checks the order
 *   echo      event-driven    (boot hart) prints what the UART received;
 *                             period 10 ticks, polling, if it has no IRQ
 *   doorbell  event-driven    (boot hart, if the DTB has a doorbell) answers
 *                             the peer cell's requests (doorbell.c)
 *   status    status_every    the status line, the guard check (boot hart);
 *                             stop_after / reset_after
 *   idle                      wfi
 */
#include "console.h"
#include "rtos.h"
#include "uart.h"

enum { PRIO_IDLE, PRIO_STATUS, PRIO_ECHO, PRIO_DOORBELL, PRIO_CONSUMER, PRIO_PRODUCER,
       PRIO_FAST };

static void task_fast(void *arg)
{
	struct hart *h = arg;

	for (;;) {
		h->fast_runs++;
		sched_wait_period();
	}
}

static void task_producer(void *arg)
{
	struct hart *h = arg;
	uint32_t seq = 0;

	for (;;) {
		if (queue_send(&h->msgq, seq) == 0)
			seq++;
		else
			h->errors++;	/* the consumer fell behind */
		sched_wait_period();
	}
}

static void task_consumer(void *arg)
{
	struct hart *h = arg;
	uint32_t expect = 0;

	for (;;) {
		uint32_t seq = queue_recv(&h->msgq);

		if (seq != expect)
			h->errors++;
		expect = seq + 1;
		h->msgs++;
	}
}

static void print_rx(int c)
{
	if (c >= 0x20 && c < 0x7f)
		rprintf("rtos: rx '%c'\n", c);
	else
		rprintf("rtos: rx 0x%02x\n", c);
}

static void task_echo(void *arg)
{
	struct hart *h = arg;

	for (;;) {
		if (h->rx_irq) {
			print_rx((int)queue_recv(&h->rxq));
		} else {
			int c;

			while ((c = uart_getc()) >= 0)
				print_rx(c);
			sched_wait_period();
		}
	}
}

static void finish(struct hart *h, bool reboot, const char *what)
{
	long err;

	rprintf("rtos: %s\n", what);
	smp_stop_others();
	err = reboot ? arch_system_reboot() : arch_system_off(false);
	rprintf("rtos: hart %lu SRST failed (%ld)\n", h->hartid, err);
}

static void task_status(void *arg)
{
	struct hart *h = arg;

	for (;;) {
		uint64_t tick, now, min, max, sum, n, msgs, errors, miss;
		unsigned long flags;

		sched_wait_period();
		for (unsigned p = 0; p < NTASKS; p++) {
			if (!sched_stack_ok(&h->tasks[p])) {
				rprintf("rtos: hart %lu task %s stack overflow\n",
					h->hartid, h->tasks[p].name);
				h->errors++;
			}
		}

		flags = irq_save();	/* one consistent snapshot */
		tick = h->tick;
		now = arch_now();
		min = h->jit_n ? h->jit_min : 0;
		max = h->jit_max;
		sum = h->jit_sum;
		n = h->jit_n;
		msgs = h->msgs;
		errors = h->errors;
		miss = sched_misses(h);
		irq_restore(flags);

		rprintf("rtos: hart %lu tick %lu time %lu jitter min/avg/max %lu/%lu/%lu msgs %lu errors %lu miss %lu\n",
			h->hartid, (unsigned long)tick, (unsigned long)now,
			(unsigned long)min,
			(unsigned long)(n ? sum / n : 0), (unsigned long)max,
			(unsigned long)msgs, (unsigned long)errors, (unsigned long)miss);

		h->status_lines++;
		if (h->idx != 0)
			continue;
		arch_status_hook(h);	/* RISC-V: IMSIC ping-pong, RTC alarms */
		guard_check();
		if (cfg.stop_after && h->status_lines == cfg.stop_after)
			finish(h, false, "stopping");
		if (cfg.reset_after && h->status_lines == cfg.reset_after)
			finish(h, true, "resetting");
	}
}

static void task_idle(void *arg)
{
	(void)arg;
	for (;;)
		arch_idle();
}

void tasks_create(struct hart *h)
{
	sched_add(h, PRIO_IDLE, "idle", task_idle, h, 0);
	sched_add(h, PRIO_STATUS, "status", task_status, h, cfg.status_every);
	if (h->idx == 0 && plat.uart)
		sched_add(h, PRIO_ECHO, "echo", task_echo, h, h->rx_irq ? 0 : 10);
	if (h->db_irq)
		sched_add(h, PRIO_DOORBELL, "doorbell", task_doorbell, h, 0);
	sched_add(h, PRIO_CONSUMER, "consumer", task_consumer, h, 0);
	sched_add(h, PRIO_PRODUCER, "producer", task_producer, h, 5);
	sched_add(h, PRIO_FAST, "fast", task_fast, h, 1);
}
