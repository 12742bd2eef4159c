// SPDX-License-Identifier: GPL-2.0-only
/*
 * What a hart does around its vCPU: the idle loop (waiting to be started),
 * requests from other harts, and a guest stopping its own hart
 * (HSM start and status are in vcpu_hsm.c).
 */
#include <fv/arch_cell.h>
#include <fv/arch_cpu.h>
#include <fv/cell.h>
#include <fv/cell_doorbell.h>
#include <fv/cell_virtio.h>
#include <fv/console_mux.h>
#include <fv/errno.h>
#include <fv/panic.h>

/* Who serves the monitor's stop, start and restart: the lifecycle code
 * (src/cell.c), which sits above this file and registers itself at boot. */
static void (*admin_handler)(struct vcpu *v);

void vcpu_set_admin_handler(void (*fn)(struct vcpu *v))
{
	admin_handler = fn;
}

/* Who serves the debugger's requests (src/gdb_cell.c), likewise. */
static void (*debug_handler)(struct cpu *c);

void vcpu_set_debug_handler(void (*fn)(struct cpu *c))
{
	__atomic_store_n(&debug_handler, fn, __ATOMIC_RELEASE);
}

/* REQ_DEBUG, or this hart's vCPU starting: a debugger's session on its
 * cell covers it too (the handler checks). */
static void debug_news(struct cpu *c)
{
	void (*fn)(struct cpu *) = __atomic_load_n(&debug_handler, __ATOMIC_ACQUIRE);

	if (fn)
		fn(c);
}

static unsigned long take_requests(struct cpu *c)
{
	return __atomic_exchange_n(&c->req, 0, __ATOMIC_ACQUIRE);
}

/* Console work: the drain if this is the housekeeping hart, typed input
 * for this hart's cell (into its UART, on its own hart). */
static void common_requests(struct cpu *c, unsigned long req)
{
	if (req & REQ_DRAIN) {
		c->hk_runs++;
		mux_drain();
	}
	if ((req & REQ_RX) && c->vcpu) {
		mux_rx_drain(&c->vcpu->cell->con);
		cell_virtio_rx(c->vcpu->cell);
	}
	if ((req & REQ_EMU) && c->vcpu) {
		cell_virtio_sync(c->vcpu->cell);
		cell_doorbell_sync(c->vcpu->cell);
	}
	if (req & REQ_DEBUG)
		debug_news(c);
}

/*
 * Handle what other harts asked of this one.  From REQS_MAY_PARK on, a
 * stop request leaves the guest for good (this hart's vCPU is running);
 * with REQS_MAY_ADMIN the monitor's request is served too, else it is put
 * back for the idle loop (the callers that may not serve it are stopping
 * the cell, so they end up there).
 */
void cpu_handle_requests(struct cpu *c, int may)
{
	unsigned long req = take_requests(c);

	if (!req)
		return;
	if (req >> REQ_ARCH_SHIFT)
		arch_cpu_handle_requests(c, req);
	common_requests(c, req);
	if ((req & REQ_STOP) && may >= REQS_MAY_PARK && c->vcpu)
		vcpu_hart_stop(c->vcpu);
	if (!(req & REQ_ADMIN))
		return;
	if (may == REQS_MAY_ADMIN && c->vcpu && admin_handler)
		admin_handler(c->vcpu);
	else
		__atomic_fetch_or(&c->req, REQ_ADMIN, __ATOMIC_RELEASE);
}

static __noreturn void idle_loop(struct cpu *c)
{
	for (;;) {
		/* read each time: harts idle here before the cells exist */
		struct vcpu *v = READ_ONCE(c->vcpu);
		unsigned long req;

		c->idle_wakeups++;
		arch_cpu_idle_poll(c);
		req = take_requests(c);
		if (req >> REQ_ARCH_SHIFT)
			arch_cpu_handle_requests(c, req);
		common_requests(c, req);
		if ((req & REQ_ADMIN) && v && admin_handler)
			admin_handler(v);	/* a stopped cell starts here */
		/* REQ_STOP needs nothing here: no guest runs, and a pending start
		 * of a stopping cell is dropped below */
		if (v && __atomic_load_n(&v->state, __ATOMIC_ACQUIRE) == VCPU_START_PENDING) {
			ASSERT(v->cpu == c);
			/* a start that raced with its cell stopping is dropped */
			if (__atomic_load_n(&v->cell->state, __ATOMIC_SEQ_CST) != CELL_RUNNING) {
				WRITE_ONCE(v->state, VCPU_STOPPED);
				continue;
			}
			WRITE_ONCE(v->state, VCPU_RUNNING);
			debug_news(c);	/* started while its cell is debugged */
			arch_vcpu_enter(v, v->start_pc, v->vhartid, v->start_arg);
		}
		arch_cpu_wait();
	}
}

/* Leave the guest for the idle loop: nothing of it may stay armed or
 * pending there, or the loop's wait would not sleep. */
__noreturn void vcpu_park(struct cpu *c)
{
	arch_vcpu_quiesce(c);
	arch_cpu_restart_on_stack(c, idle_loop);
}

__noreturn void hv_run_secondary(struct cpu *c)
{
	idle_loop(c);
}

__noreturn void vcpu_hart_stop(struct vcpu *v)
{
	WRITE_ONCE(v->state, VCPU_STOPPED);
	vcpu_park(v->cpu);
}

