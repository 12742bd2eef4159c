/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-hart state of the hypervisor.  Logical CPU 0 is the hart the firmware
 * booted us on; the others are numbered in device-tree order.
 */
#ifndef FV_CPU_H
#define FV_CPU_H

#include <fv/types.h>
#include <arch/cpu.h>

struct mux_port;

struct cpu {
	struct arch_cpu arch;		/* first: the trap entry finds it at tp */
	unsigned id;			/* logical index into cpus[] */
	unsigned long hwid;		/* hart id */
	volatile bool online;
	struct vcpu *vcpu;		/* the vCPU pinned here, if any */
	volatile unsigned long req;	/* REQ_* bits other harts ask of this one */
	struct mux_port *con_port;	/* the console of the cell pinned here */
	volatile uint64_t idle_wakeups;	/* idle-loop rounds: a parked hart sleeps */
	volatile uint64_t hk_runs;	/* housekeeping done on this hart */
	volatile uint64_t xlock_waits;	/* rounds spent waiting on a lock that
					   another cell's harts take too */
	volatile bool trace_on;		/* record trace events (CONFIG_TRACE) */
};

/* Requests between harts (cpu->req); the arch adds its own from bit 8. */
#define REQ_START	(1UL << 0)	/* a vCPU of this hart became START_PENDING */
#define REQ_STOP	(1UL << 1)	/* leave the guest: its cell is stopping */
#define REQ_DRAIN	(1UL << 2)	/* write the console rings out (housekeeping) */
#define REQ_RX		(1UL << 3)	/* typed input waits for this hart's cell */
#define REQ_EMU		(1UL << 4)	/* a device of this hart's cell changed
					   (a frame or a ring from another
					   cell): bring its interrupt line up
					   to date */
#define REQ_ADMIN	(1UL << 5)	/* the monitor asked for a stop, start or
					   restart of this hart's cell */
#define REQ_DEBUG	(1UL << 6)	/* the debugger (src/gdb_cell.c): a stop,
					   a job, or news for the console's hart */
#define REQ_ARCH_SHIFT	8

/* Post `req` to `c` and wake it (src/cpu.c). */
void cpu_request(struct cpu *c, unsigned long req);

extern struct cpu cpus[CONFIG_MAX_HARTS];
extern unsigned nr_cpus;

/* this_cpu() is arch_this_cpu(), an inline from <arch/cpu.h>. */
#define this_cpu() arch_this_cpu()

#endif
