// SPDX-License-Identifier: GPL-2.0-only
/*
 * What a hart does around its vCPU: the idle loop (waiting to be started),
 * requests from other harts, and the HSM calls of guests.
 */
#include <fv/arch_cell.h>
#include <fv/arch_cpu.h>
#include <fv/cell.h>
#include <fv/errno.h>
#include <fv/panic.h>

void cpu_request(struct cpu *c, unsigned long req)
{
	__atomic_fetch_or(&c->req, req, __ATOMIC_RELEASE);
	if (c != this_cpu())
		arch_cpu_kick(c);
}

static unsigned long take_requests(struct cpu *c)
{
	return __atomic_exchange_n(&c->req, 0, __ATOMIC_ACQUIRE);
}

/*
 * Handle what other harts asked of this one.  With `may_park`, a stop
 * request leaves the guest for good (this hart's vCPU is running).
 */
void cpu_handle_requests(struct cpu *c, bool may_park)
{
	unsigned long req = take_requests(c);

	if (!req)
		return;
	if (req >> REQ_ARCH_SHIFT)
		arch_cpu_handle_requests(c, req);
	if ((req & REQ_STOP) && may_park && c->vcpu)
		vcpu_hart_stop(c->vcpu);
}

static __noreturn void idle_loop(struct cpu *c)
{
	for (;;) {
		/* read each time: harts idle here before the cells exist */
		struct vcpu *v = READ_ONCE(c->vcpu);
		unsigned long req;

		arch_cpu_idle_poll(c);
		req = take_requests(c);
		if (req >> REQ_ARCH_SHIFT)
			arch_cpu_handle_requests(c, req);
		if (v && (req & REQ_STOP))
			__atomic_compare_exchange_n(&v->state, &(int){ VCPU_START_PENDING },
						    VCPU_STOPPED, false, __ATOMIC_ACQ_REL,
						    __ATOMIC_RELAXED);
		if (v && READ_ONCE(v->state) == VCPU_START_PENDING) {
			ASSERT(v->cpu == c);
			WRITE_ONCE(v->state, VCPU_RUNNING);
			arch_vcpu_enter(v, v->start_pc, v->vhartid, v->start_arg);
		}
		arch_cpu_wait();
	}
}

__noreturn void vcpu_park(struct cpu *c)
{
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

long vcpu_hart_start(struct vcpu *caller, unsigned long vhartid, unsigned long pc,
		     unsigned long arg)
{
	struct vcpu *t = cell_vcpu(caller->cell, vhartid);
	int expect = VCPU_STOPPED;

	if (!t)
		return FV_EINVAL;
	if (!cell_gpa_to_hva(caller->cell, pc, 2, MEM_X))
		return FV_EFAULT;
	t->start_pc = pc;
	t->start_arg = arg;
	if (!__atomic_compare_exchange_n(&t->state, &expect, VCPU_START_PENDING, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
		return FV_EBUSY;
	cpu_request(t->cpu, REQ_START);
	return FV_OK;
}

long vcpu_hart_status(struct vcpu *caller, unsigned long vhartid)
{
	struct vcpu *t = cell_vcpu(caller->cell, vhartid);

	return t ? READ_ONCE(t->state) : FV_EINVAL;
}
