/* SPDX-License-Identifier: GPL-2.0-only */
/* Per-hart state and the platform/boot configuration every file shares. */
#ifndef RTOS_H
#define RTOS_H

#include <stdbool.h>
#include <stdint.h>
#include "arch.h"
#include "arch_if.h"
#include "config.h"
#include "queue.h"
#include "sched.h"

/* What the DTB told us, filled once by the boot hart (dtb.c). */
struct platform {
	const void *fdt;
	uint64_t timebase;		/* Hz */
	const char *bootargs;		/* points into the DTB, "" if none */
	unsigned nharts;		/* usable harts found in /cpus */
	unsigned long hartid[MAX_HARTS];
	int cpu_node[MAX_HARTS];	/* DTB offsets of those cpu nodes */
	bool uart;			/* stdout is a UART we can drive */
	uintptr_t uart_base;
	uint32_t uart_irq;		/* 0: no usable interrupt */
	uint32_t db_irq;		/* the doorbell's; 0: no doorbell */
	uintptr_t db_base;		/* its registers */
	uintptr_t db_shm;		/* the shared region */
	uint64_t db_shm_size;
	struct arch_platform arch;	/* arch.h */
};

/* Bootargs (bootargs.c). */
struct config {
	unsigned tick_us;
	unsigned status_every;
	unsigned harts;
	unsigned stop_after;
	unsigned reset_after;
	unsigned keep_at, mark_at;	/* reset check: see README */
	unsigned guard;			/* KiB of RAM to fill and check (guard.c) */
	unsigned aplic_attack;		/* aim our APLIC outside the cell (aplic.c) */
	bool timer_sbi;			/* RISC-V: timer=sbi */
};

struct hart {
	uintptr_t boot_sp;		/* first: entry.S loads it for secondaries */
	unsigned long hartid;
	unsigned idx;
	int cpu_node;
	struct arch_hart arch;		/* arch.h */
	bool rx_irq;			/* this hart takes the UART interrupt */
	bool db_irq;			/* this hart takes the doorbell's */
	volatile bool stop_req;		/* set by the boot hart before its IPI */

	/* scheduler (sched.c) */
	struct task tasks[NTASKS];
	struct task *cur;
	uint32_t ready;			/* bit n: task with priority n is ready */
	bool in_irq;

	/* tick and jitter (timer.c), in timebase ticks */
	uint64_t tick;
	uint64_t period;
	uint64_t deadline;
	uint64_t jit_min, jit_max, jit_sum, jit_n;

	/* the demo workload (tasks.c) */
	struct queue msgq;		/* producer -> consumer */
	struct queue rxq;		/* UART interrupt -> echo task */
	struct queue dbq;		/* doorbell interrupt -> doorbell task */
	uint64_t fast_runs, msgs, errors;
	unsigned status_lines;
};

extern struct platform plat;
extern struct config cfg;
extern struct hart harts[MAX_HARTS];
extern unsigned nharts_online;

/* main.c */
void hart_setup(struct hart *h);
void __attribute__((noreturn)) rtos_halt(void);
/* "rtos: <why>, shutting down", then power off. */
void __attribute__((noreturn)) rtos_give_up(const char *why);

/* tasks.c */
void tasks_create(struct hart *h);

/* irq.c: a device's interrupt (its number at the interrupt controller) */
void irq_dispatch(struct hart *h, uint32_t irq);

/* doorbell.c */
void doorbell_irq(struct hart *h);
void task_doorbell(void *arg);

/* smp.c */
void smp_boot_secondaries(void);
void smp_stop_others(void);
void smp_ipi(struct hart *h);

/* bootargs.c */
void bootargs_parse(const char *s, struct config *c);

/* guard.c */
void guard_fill(void);
void guard_check(void);

/* dtb.c (helpers for the arch's own parsing in dtb.h) */
int dtb_parse(const void *fdt, struct platform *p);

#endif
