// SPDX-License-Identifier: GPL-2.0-only
/*
 * SBI SUSP (system suspend) for a cell: suspend to RAM of the calling
 * cell only.  Its other vharts must be stopped; the caller sleeps as in
 * a non-retentive hart suspend until one of the cell's own interrupts
 * that it enabled is pending, then resumes at resume_addr.  sleep_type
 * is a uint32_t in the spec: only the low 32 bits of a0 count.
 */
#include <arch/sbi.h>
#include "vsbi.h"

/* Every vhart of the cell but the caller is stopped. */
static bool alone(const struct vcpu *v)
{
	const struct cell *cell = v->cell;

	for (unsigned i = 0; i < cell->nr_vcpus; i++)
		if (cell->vcpu[i] != v && READ_ONCE(cell->vcpu[i]->state) != VCPU_STOPPED)
			return false;
	return true;
}

struct sbiret vsbi_susp(struct vcpu *v, unsigned long fid, unsigned long *a)
{
	if (fid != SBI_SUSP_SYSTEM_SUSPEND)
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	/* 0: suspend to RAM; reserved and platform-specific types we lack */
	if ((uint32_t)a[0] != SBI_SUSP_TO_RAM)
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	if (!alone(v))
		return (struct sbiret){ SBI_ERR_DENIED, 0 };
	if (!cell_gpa_to_hva(v->cell, a[1], 2, MEM_X))
		return (struct sbiret){ SBI_ERR_INVALID_ADDRESS, 0 };
	vsbi_suspend_wait(v);
	return vsbi_resume_at(v, a[1], a[2]);
}
