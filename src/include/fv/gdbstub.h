/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The GDB remote serial protocol, arch-neutral and target-neutral: packet
 * framing, checksums, acknowledgements and the commands, turned into calls
 * of a `struct gdb_target`.  Nothing here waits: a command that needs the
 * target (registers, memory, a stop) is handed to it as a job or a stop
 * request, and its answer goes out when the target reports back
 * (gdbstub_job_done(), gdbstub_stopped()).  One command is in flight at a
 * time, as the protocol has it.  The host unit test feeds it packets.
 */
#ifndef FV_GDBSTUB_H
#define FV_GDBSTUB_H

#include <fv/types.h>

#define GDB_PKT_MAX	1024	/* longest packet we take (PacketSize) */
#define GDB_MEM_MAX	512	/* bytes per memory job (an "m" for more gets fewer) */
#define GDB_REGS_MAX	(64 * 8)	/* the register file, in target byte order */

#define GDB_SIGINT	2
#define GDB_SIGTRAP	5

enum gdb_job_kind {
	GDB_JOB_READ_REGS,
	GDB_JOB_WRITE_REGS,
	GDB_JOB_READ_MEM,
	GDB_JOB_WRITE_MEM,
	GDB_JOB_TRIGGER,	/* insert or remove a hardware trigger (Z1-Z4) */
};

/* Hardware triggers, numbered as Z1-Z4 number them. */
enum { GDB_HW_BREAK = 1, GDB_WATCH_WRITE, GDB_WATCH_READ, GDB_WATCH_ACCESS };

struct gdb_job {
	int kind;			/* enum gdb_job_kind */
	unsigned thread;		/* 0-based */
	uint64_t addr;			/* memory jobs */
	unsigned len;			/* bytes in buf */
	bool phys;			/* guest-physical, not through the guest's MMU */
	int trigger;			/* GDB_JOB_TRIGGER: GDB_HW_BREAK... */
	bool insert;			/* GDB_JOB_TRIGGER: insert, else remove */
	int result;			/* 0, or < 0: the target refused */
	uint8_t buf[GDB_REGS_MAX > GDB_MEM_MAX ? GDB_REGS_MAX : GDB_MEM_MAX];
};

struct gdb_target {
	void *ctx;
	unsigned nr_threads;
	unsigned regs_size;		/* bytes of a 'g' reply's register file */
	unsigned reg_size;		/* bytes per register ('p' / 'P') */
	const char *target_xml;		/* qXfer:features:read:target.xml */
	/* A byte that, between packets (where gdb never sends it), ends the
	 * session as a detach would, for a gdb that went away; 0: none. */
	char abort_char;
	bool triggers;			/* Z1-Z4 offered (else "not supported") */
	void (*write)(void *ctx, const char *s, unsigned n);	/* to the debugger */
	void (*stop)(void *ctx);	/* stop every thread; then gdbstub_stopped() */
	/* let thread `thread` run (0-based), or every thread (-1); gdb
	 * resumes one alone (Hc) to step it over a breakpoint */
	void (*resume)(void *ctx, int thread);
	/* step thread `thread` by one instruction, the others stay stopped;
	 * NULL: 's' is not offered (gdb steps with breakpoints itself) */
	void (*step)(void *ctx, unsigned thread);
	void (*submit)(void *ctx, struct gdb_job *j);	/* then gdbstub_job_done() */
	void (*detach)(void *ctx);	/* resume for good, the session ends */
};

struct gdbstub {
	const struct gdb_target *t;
	int rx_state;
	unsigned rx_len;
	uint8_t rx_sum, rx_ck;
	char rx[GDB_PKT_MAX + 1];
	bool no_ack;			/* QStartNoAckMode */
	bool phys;			/* "monitor phys": memory is guest-physical */
	bool running;			/* resumed, its stop not reported yet */
	bool stop_asked;		/* a stop was asked of the target */
	bool want_stop_reply;		/* '?' or a resume waits for the stop */
	bool stopped;			/* every thread is stopped */
	bool busy;			/* a job is out */
	bool ended;			/* detached */
	int stop_sig;
	unsigned stop_thread;		/* 0-based */
	int stop_trigger;		/* the trigger that stopped it, or 0 */
	uint64_t stop_addr;		/* its address */
	unsigned g_thread;		/* 0-based, for g/G/p/P/m/M */
	int c_thread;			/* 0-based, for c; -1: all */
	int pend_reg;			/* 'p'/'P': register number, else -1 */
	uint64_t pend_val;		/* 'P': the value */
	struct gdb_job job;
	char out[2 * GDB_MEM_MAX + 2 * GDB_REGS_MAX + 64];
};

/* Start a session; the target is asked to stop at once. */
void gdbstub_init(struct gdbstub *g, const struct gdb_target *t);
/* A byte from the debugger. */
void gdbstub_rx(struct gdbstub *g, char c);
/* The target: every thread is stopped (`thread` is the one that caused
 * it, `sig` a GDB_SIG*). */
void gdbstub_stopped(struct gdbstub *g, unsigned thread, int sig);
/* The same, by a hardware trigger (GDB_HW_BREAK...) at `addr`. */
void gdbstub_stopped_by(struct gdbstub *g, unsigned thread, int trigger, uint64_t addr);
/* The target: the job handed to submit() is done (job.result says how). */
void gdbstub_job_done(struct gdbstub *g);
/* The session has ended (detach or kill). */
bool gdbstub_ended(const struct gdbstub *g);

#endif
