// SPDX-License-Identifier: GPL-2.0-only
/*
 * SBI HSM for a cell's vharts: start, stop and status (the checks are in
 * src/vcpu_hsm.c), and hart_suspend, retentive and non-retentive, with
 * the SUSPEND_PENDING, SUSPENDED and RESUME_PENDING states visible to the
 * cell's other vharts (vsbi_suspend.c).  suspend_type is a uint32_t in
 * the spec: only the low 32 bits of a0 count.
 */
#include <arch/sbi.h>
#include <fv/errno.h>
#include "vsbi.h"

static long fv_to_sbi(long e)
{
	switch (e) {
	case FV_OK: return SBI_SUCCESS;
	case FV_EINVAL: return SBI_ERR_INVALID_PARAM;
	case FV_EFAULT: return SBI_ERR_INVALID_ADDRESS;
	case FV_EBUSY: return SBI_ERR_ALREADY_AVAILABLE;
	default: return SBI_ERR_FAILED;
	}
}

/* STARTED of a vhart that is running reads as its suspend state. */
static struct sbiret status(struct vcpu *v, unsigned long vhartid)
{
	long r = vcpu_hart_status(v, vhartid);

	if (r < 0)
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	if (r == SBI_HSM_STARTED)
		r = vsbi_hsm_state(cell_vcpu(v->cell, vhartid));
	return (struct sbiret){ SBI_SUCCESS, r };
}

/* The default types are implemented; the rest are reserved or
 * platform-specific types we do not have: SBI_ERR_INVALID_PARAM. */
static struct sbiret suspend(struct vcpu *v, uint32_t type, unsigned long pc,
			     unsigned long opaque)
{
	if (type != SBI_HSM_SUSPEND_RET_DEFAULT && type != SBI_HSM_SUSPEND_NON_RET_DEFAULT)
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	if (type == SBI_HSM_SUSPEND_RET_DEFAULT) {
		vsbi_suspend_wait(v);
		vsbi_resumed(v);
		return (struct sbiret){ SBI_SUCCESS, 0 };
	}
	if (!cell_gpa_to_hva(v->cell, pc, 2, MEM_X))
		return (struct sbiret){ SBI_ERR_INVALID_ADDRESS, 0 };
	vsbi_suspend_wait(v);
	return vsbi_resume_at(v, pc, opaque);
}

struct sbiret vsbi_hsm(struct vcpu *v, unsigned long fid, unsigned long *a)
{
	switch (fid) {
	case SBI_HSM_HART_START:
		return (struct sbiret){ fv_to_sbi(vcpu_hart_start(v, a[0], a[1], a[2])), 0 };
	case SBI_HSM_HART_STOP:
		vcpu_hart_stop(v);
	case SBI_HSM_HART_STATUS:
		return status(v, a[0]);
	case SBI_HSM_HART_SUSPEND:
		return suspend(v, (uint32_t)a[0], a[1], a[2]);
	}
	return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
}
