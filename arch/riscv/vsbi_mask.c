// SPDX-License-Identifier: GPL-2.0-only
/*
 * SBI hart masks from a guest, resolved against its cell's vharts.  Kept
 * apart from vsbi.c so the host unit tests can run it as it is.
 */
#include <arch/sbi.h>
#include "vsbi.h"

long vsbi_hart_mask(unsigned nr, unsigned long mask, unsigned long base,
		    struct vsbi_mask *out)
{
	unsigned long all;

	if (nr > 64)
		nr = 64;	/* a mask has 64 bits: no shift past them below */
	all = nr == 64 ? ~0UL : (1UL << nr) - 1;
	out->bits = 0;
	if (base == ~0UL) {	/* "all harts": all of the caller's cell */
		out->bits = all;
		return SBI_SUCCESS;
	}
	if (!mask)
		return SBI_SUCCESS;
	/* any hart at or beyond the cell's count is not the guest's */
	if (base >= nr || (mask << base) >> base != mask)
		return SBI_ERR_INVALID_PARAM;
	out->bits = mask << base;
	if (out->bits & ~all) {
		out->bits = 0;
		return SBI_ERR_INVALID_PARAM;
	}
	return SBI_SUCCESS;
}

void vsbi_hart_mask_legacy(unsigned nr, unsigned long mask, struct vsbi_mask *out)
{
	out->bits = nr >= 64 ? mask : mask & ((1UL << nr) - 1);
}
