// SPDX-License-Identifier: GPL-2.0-only
/*
 * The debugger's target: one cell; see <fv/gdb_cell.h>.  The console's
 * hart ("home") runs the protocol and posts requests; each vhart of the
 * cell parks in its own guest trap and serves them there; home learns of
 * stops and finished jobs by a request back (REQ_DEBUG), never by waiting.
 */
#include <fv/arch_cpu.h>
#include <fv/arch_gdb.h>
#include <fv/console.h>
#include <fv/console_mux.h>
#include <fv/gdb_cell.h>
#include <fv/string.h>

enum { VH_RUN, VH_PARKED };

struct dbg_vhart {
	volatile int state;
	volatile bool go;		/* home: leave the park */
	volatile bool step;		/* home: and stop after one instruction */
	struct gdb_job *volatile job;	/* home: run this, then say so */
	volatile bool job_done;
};

static struct {
	struct cell *volatile cell;	/* the session's cell, or NULL */
	struct cpu *home;		/* the console's hart */
	volatile bool stop_wanted;	/* every vhart must park */
	volatile bool ending;		/* detached: leave the parks for good */
	volatile int brk_thread;	/* vhart that hit a breakpoint, or -1 */
	int brk_trigger;		/* and the trigger, if one fired it */
	uint64_t brk_addr;
	bool reported;			/* this stop was told to the stub */
	int job_thread;			/* vhart running the stub's job, or -1 */
	struct dbg_vhart vh[LAYOUT_MAX_HARTS];
	struct gdb_target t;
	struct gdbstub stub;
} dbg;

/* ------------------------------------------------------------ the cell's harts */

static void tell_home(void)
{
	cpu_request(dbg.home, REQ_DEBUG);
}

/* A job, on the parked hart that owns the thread: every address is
 * checked against the cell (its memory regions, or its stage-2 tables). */
static void run_job(struct vcpu *v, struct gdb_job *j)
{
	struct cpu *c = v->cpu;
	bool wr = j->kind == GDB_JOB_WRITE_MEM;
	void *p;

	j->result = 0;
	switch (j->kind) {
	case GDB_JOB_READ_REGS:
		arch_gdb_read_regs(c, j->buf);
		return;
	case GDB_JOB_WRITE_REGS:
		arch_gdb_write_regs(c, j->buf);
		return;
	case GDB_JOB_TRIGGER:
		j->result = arch_gdb_trigger(c, j->trigger, j->addr, j->len, j->insert);
		return;
	}
	if (!j->phys) {
		j->result = arch_gdb_access_virt(c, j->addr, j->buf, j->len, wr);
	} else if (!(p = cell_gpa_to_hva(v->cell, j->addr, j->len, wr ? MEM_W : MEM_R))) {
		j->result = -1;
	} else if (wr) {
		memcpy(p, j->buf, j->len);
	} else {
		memcpy(j->buf, p, j->len);
	}
	if (wr && !j->result)
		arch_gdb_sync_icache();
}

static void serve_job(struct vcpu *v, struct dbg_vhart *d)
{
	struct gdb_job *j = __atomic_load_n(&d->job, __ATOMIC_ACQUIRE);

	if (!j)
		return;
	run_job(v, j);
	d->job = NULL;
	__atomic_store_n(&d->job_done, true, __ATOMIC_RELEASE);
	tell_home();
}

/* Stay here, out of the guest, serving requests, until home says go. */
static void park(struct vcpu *v)
{
	struct cpu *c = v->cpu;
	struct dbg_vhart *d = &dbg.vh[v->vhartid];

	arch_gdb_park_enter(c);
	d->go = false;
	__atomic_store_n(&d->state, VH_PARKED, __ATOMIC_SEQ_CST);
	tell_home();
	while (!__atomic_load_n(&d->go, __ATOMIC_ACQUIRE)) {
		arch_gdb_park_poll(c);
		cpu_handle_requests(c, REQS_STAY);
		serve_job(v, d);
		if (!__atomic_load_n(&d->go, __ATOMIC_ACQUIRE) && !d->job)
			arch_cpu_wait();	/* a request's kick wakes it */
	}
	arch_gdb_park_leave(c);
	arch_gdb_session(c, !dbg.ending);
	if (d->step && !dbg.ending)
		arch_gdb_step(c, true);
	d->step = false;
	__atomic_store_n(&d->state, VH_RUN, __ATOMIC_SEQ_CST);
	if (dbg.ending)
		tell_home();	/* so home can close the session */
}

/* Ask the cell's other vharts to park too. */
static void stop_others(const struct vcpu *self)
{
	struct cell *cl = self->cell;

	dbg.stop_wanted = true;
	for (unsigned i = 0; i < cl->nr_vcpus; i++)
		if (cl->vcpu[i] != self)
			cpu_request(cl->vcpu[i]->cpu, REQ_DEBUG);
}

bool gdb_cell_trap(struct vcpu *v, bool brk)
{
	struct cpu *c = v->cpu;
	int none = -1;

	if (READ_ONCE(dbg.cell) != v->cell || dbg.ending)
		return false;
	if (!arch_gdb_regs_saved(c)) {
		arch_gdb_poke(c);	/* come back at once, all saved */
		return brk;		/* (a breakpoint runs again) */
	}
	if (brk) {
		uint64_t addr = 0;
		int trig = arch_gdb_trigger_hit(c, &addr);

		if (__atomic_compare_exchange_n(&dbg.brk_thread, &none, (int)v->vhartid, false,
						__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
			dbg.brk_trigger = trig;
			dbg.brk_addr = addr;
		}
		stop_others(v);
	} else if (!dbg.stop_wanted) {
		return false;
	}
	park(v);
	return true;
}

/* ------------------------------------------------------------ home: the target */

static void con_write(void *ctx, const char *s, unsigned n)
{
	(void)ctx;
	console_lock();
	console_write_locked(s, n);
	console_unlock();
	mux_console_released();
}

static void t_stop(void *ctx)
{
	struct cell *cl = ctx;

	dbg.reported = false;
	dbg.stop_wanted = true;
	for (unsigned i = 0; i < cl->nr_vcpus; i++)
		cpu_request(cl->vcpu[i]->cpu, REQ_DEBUG);
}

/* Thread `th`, or all (-1): the others stay parked meanwhile. */
static void t_resume(void *ctx, int th)
{
	struct cell *cl = ctx;

	dbg.stop_wanted = false;
	dbg.reported = false;
	dbg.brk_thread = -1;
	for (unsigned i = 0; i < cl->nr_vcpus; i++) {
		if (READ_ONCE(dbg.vh[i].state) != VH_PARKED || (th >= 0 && (unsigned)th != i))
			continue;
		__atomic_store_n(&dbg.vh[i].go, true, __ATOMIC_RELEASE);
		cpu_request(cl->vcpu[i]->cpu, REQ_DEBUG);
	}
}

/* One instruction of thread `th`: its step trap stops it again (a
 * breakpoint-like stop, gdb_cell_trap()); the others stay parked. */
static void t_step(void *ctx, unsigned th)
{
	struct cell *cl = ctx;

	if (th >= cl->nr_vcpus)
		th = 0;
	dbg.vh[th].step = true;
	t_resume(ctx, (int)th);
}

/* The thread's own hart if it is parked, else any parked one (memory is
 * the cell's); -1 if none is. */
static int job_hart(const struct cell *cl, unsigned th, int kind)
{
	if (th < cl->nr_vcpus && READ_ONCE(dbg.vh[th].state) == VH_PARKED)
		return (int)th;
	if (kind == GDB_JOB_READ_REGS || kind == GDB_JOB_WRITE_REGS)
		return -1;
	for (unsigned i = 0; i < cl->nr_vcpus; i++)
		if (READ_ONCE(dbg.vh[i].state) == VH_PARKED)
			return (int)i;
	return -1;
}

/* The next parked vhart after `from` (for a trigger, which every vhart
 * needs), or -1. */
static int next_parked(const struct cell *cl, int from)
{
	for (unsigned i = (unsigned)(from + 1); i < cl->nr_vcpus; i++)
		if (READ_ONCE(dbg.vh[i].state) == VH_PARKED)
			return (int)i;
	return -1;
}

static void post_job(struct cell *cl, int h, struct gdb_job *j)
{
	dbg.job_thread = h;
	dbg.vh[h].job_done = false;
	__atomic_store_n(&dbg.vh[h].job, j, __ATOMIC_RELEASE);
	cpu_request(cl->vcpu[h]->cpu, REQ_DEBUG);
}

static void t_submit(void *ctx, struct gdb_job *j)
{
	struct cell *cl = ctx;
	int h = j->kind == GDB_JOB_TRIGGER ? next_parked(cl, -1) : job_hart(cl, j->thread, j->kind);

	if (h < 0) {		/* a vhart that is not running has no registers */
		memset(j->buf, 0, sizeof(j->buf));
		j->result = j->kind == GDB_JOB_READ_REGS ? 0 : -1;
		gdbstub_job_done(&dbg.stub);
		return;
	}
	post_job(cl, h, j);
}

static void say_locked(const struct cell *cl, const char *what)
{
	console_close_line_locked();
	kprintf_locked("[fv] gdb %s cell %s\n", what, cl->name);
}

static void t_detach(void *ctx)
{
	struct cell *cl = ctx;

	dbg.ending = true;
	t_resume(ctx, -1);
	/* the running ones: breakpoints back to the guest */
	for (unsigned i = 0; i < cl->nr_vcpus; i++)
		cpu_request(cl->vcpu[i]->cpu, REQ_DEBUG);
	console_lock();
	say_locked(cl, "detached from");
	console_unlock();
	mux_hold(false);
	mux_console_released();
}

/* Every vhart that runs a guest is parked (or stopped by its guest). */
static bool all_parked(const struct cell *cl)
{
	for (unsigned i = 0; i < cl->nr_vcpus; i++)
		if (READ_ONCE(dbg.vh[i].state) != VH_PARKED &&
		    READ_ONCE(cl->vcpu[i]->state) == VCPU_RUNNING)
			return false;
	return true;
}

static void home_poll(void)
{
	struct cell *cl = dbg.cell;
	int th = dbg.job_thread;

	if (th >= 0 && __atomic_load_n(&dbg.vh[th].job_done, __ATOMIC_ACQUIRE)) {
		struct gdb_job *j = &dbg.stub.job;
		int next = j->kind == GDB_JOB_TRIGGER && !j->result ? next_parked(cl, th) : -1;

		dbg.vh[th].job_done = false;
		dbg.job_thread = -1;
		if (next >= 0)
			post_job(cl, next, j);	/* the same trigger on the next vhart */
		else
			gdbstub_job_done(&dbg.stub);
	}
	if (dbg.stop_wanted && !dbg.reported && all_parked(cl)) {
		int b = dbg.brk_thread;

		dbg.reported = true;
		if (b >= 0 && dbg.brk_trigger)
			gdbstub_stopped_by(&dbg.stub, (unsigned)b, dbg.brk_trigger, dbg.brk_addr);
		else
			gdbstub_stopped(&dbg.stub, b >= 0 ? (unsigned)b : 0, GDB_SIGTRAP);
	}
}

/* Once every vhart has left its park after a detach, the session is over. */
static void maybe_end(void)
{
	struct cell *cl = dbg.cell;

	for (unsigned i = 0; i < cl->nr_vcpus; i++)
		if (READ_ONCE(dbg.vh[i].state) == VH_PARKED)
			return;
	WRITE_ONCE(dbg.cell, NULL);
}

/* REQ_DEBUG on any hart, or its vCPU starting: home's news, or a stop
 * for this hart's guest. */
static void debug_request(struct cpu *c)
{
	struct vcpu *v = c->vcpu;
	struct cell *cl = READ_ONCE(dbg.cell);

	if (!cl)
		return;
	if (c == dbg.home) {
		if (dbg.ending)
			maybe_end();
		else
			home_poll();
	}
	if (!v || v->cell != cl || READ_ONCE(v->state) != VCPU_RUNNING)
		return;
	if (dbg.ending) {
		if (READ_ONCE(dbg.vh[v->vhartid].state) != VH_PARKED)
			arch_gdb_session(c, false);	/* not parked: just undo */
	} else {
		/* also a vhart the guest started during the session: its
		 * breakpoints come to us like the others' */
		arch_gdb_session(c, true);
		if (dbg.stop_wanted && READ_ONCE(dbg.vh[v->vhartid].state) != VH_PARKED)
			arch_gdb_poke(c);	/* its next trap parks */
	}
}

/* ------------------------------------------------------------ the console's side */

bool gdb_cell_active(void)
{
	return READ_ONCE(dbg.cell) != NULL && !dbg.ending;
}

void gdb_cell_input(char ch)
{
	if (gdb_cell_active())
		gdbstub_rx(&dbg.stub, ch);
}

bool gdb_cell_available(void)
{
	return arch_gdb_regs_size() != 0;
}

bool gdb_cell_attach(struct cell *cl)
{
	if (READ_ONCE(dbg.cell) || READ_ONCE(cl->state) != CELL_RUNNING)
		return false;
	vcpu_set_debug_handler(debug_request);
	memset(dbg.vh, 0, sizeof(dbg.vh));
	dbg.home = this_cpu();
	dbg.ending = false;
	dbg.brk_thread = -1;
	dbg.job_thread = -1;
	dbg.t = (struct gdb_target){
		.ctx = cl, .nr_threads = cl->nr_vcpus,
		.regs_size = arch_gdb_regs_size(), .reg_size = arch_gdb_reg_size(),
		.target_xml = arch_gdb_target_xml, .abort_char = MUX_ESCAPE,
		.triggers = arch_gdb_triggers() != NULL,
		.write = con_write, .stop = t_stop, .resume = t_resume,
		.step = arch_gdb_can_step() ? t_step : NULL,
		.submit = t_submit, .detach = t_detach,
	};
	console_lock();
	say_locked(cl, "attached to");
	kprintf_locked("[fv] gdb: the console speaks the GDB remote protocol now (detach, or "
		       "Ctrl-] between packets, ends it); hardware breakpoints and watchpoints: "
		       "%s\n", dbg.t.triggers ? arch_gdb_triggers() : "none");
	console_unlock();
	mux_hold(true);		/* the cells' lines wait in their rings */
	__atomic_store_n(&dbg.cell, cl, __ATOMIC_SEQ_CST);
	gdbstub_init(&dbg.stub, &dbg.t);	/* stops the cell */
	return true;
}
