// SPDX-License-Identifier: GPL-2.0-only
/*
 * A vCPU's guest interrupt file on an AIA machine: hstatus.VGEIN selects
 * the file of its hart the cell maps for it, so its vstopei, vsiselect
 * and vsireg accesses and its supervisor external interrupt go to that
 * file with no trap; hstateen0 (where Smstateen exists) lets it reach
 * them.  hgeie stays 0: no guest file ever interrupts the hypervisor,
 * since a hart runs one vCPU and the file is that vCPU's already.
 */
#include <arch/csr.h>
#include <fv/cell.h>
#include "aia.h"

static bool has_file(const struct vcpu *v)
{
	return riscv_aia && v->vhartid < LAYOUT_MAX_HARTS &&
	       v->cell->arch.guest_file[v->vhartid];
}

unsigned long aia_vgein(const struct vcpu *v)
{
	return has_file(v) ? (unsigned long)AIA_GUEST_FILE << HSTATUS_VGEIN_SHIFT : 0;
}

/* senvcfg always; with a file also its CSRs (CSRIND, IMSIC) and the
 * other AIA state (AIA). */
unsigned long aia_hstateen0(const struct vcpu *v)
{
	unsigned long aia = HSTATEEN0_CSRIND | HSTATEEN0_AIA | HSTATEEN0_IMSIC;

	return HSTATEEN0_ENVCFG | (has_file(v) ? aia : 0);
}

/* On every start of the vCPU, hstatus.VGEIN already set. */
void aia_vcpu_reset(const struct vcpu *v)
{
	if (!riscv_aia)
		return;
	csr_write(CSR_HGEIE, 0);
	if (has_file(v))
		imsic_guest_file_reset();
}
