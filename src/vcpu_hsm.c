// SPDX-License-Identifier: GPL-2.0-only
/*
 * The HSM calls a guest makes about another vhart of its cell: start it,
 * ask its state.  The vhart id and the start address are the guest's and
 * are checked against the calling cell before anything changes; the
 * target's own hart does the start (REQ_START).  Built on the host too
 * (the vSBI fuzz harness).
 */
#include <fv/cell.h>
#include <fv/compiler.h>
#include <fv/errno.h>

long vcpu_hart_start(struct vcpu *caller, unsigned long vhartid, unsigned long pc,
		     unsigned long arg)
{
	struct vcpu *t = cell_vcpu(caller->cell, vhartid);
	int expect = VCPU_STOPPED;

	if (!t)
		return FV_EINVAL;
	if (!cell_gpa_to_hva(caller->cell, pc, 2, MEM_X))
		return FV_EFAULT;
	/* claim it first, so a losing second start cannot change pc or arg */
	if (!__atomic_compare_exchange_n(&t->state, &expect, VCPU_STARTING, false,
					 __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
		return FV_EBUSY;
	if (__atomic_load_n(&caller->cell->state, __ATOMIC_SEQ_CST) != CELL_RUNNING) {
		WRITE_ONCE(t->state, VCPU_STOPPED);	/* its cell is stopping */
		return FV_EBUSY;
	}
	t->start_pc = pc;
	t->start_arg = arg;
	__atomic_store_n(&t->state, VCPU_START_PENDING, __ATOMIC_RELEASE);
	cpu_request(t->cpu, REQ_START);
	return FV_OK;
}

long vcpu_hart_status(struct vcpu *caller, unsigned long vhartid)
{
	struct vcpu *t = cell_vcpu(caller->cell, vhartid);

	int st;

	if (!t)
		return FV_EINVAL;
	st = READ_ONCE(t->state);
	return st == VCPU_STARTING ? VCPU_START_PENDING : st;
}
