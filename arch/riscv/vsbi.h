/* SPDX-License-Identifier: GPL-2.0-only */
/* The SBI implementation guests see (arch/riscv/vsbi.c). */
#ifndef RISCV_VSBI_H
#define RISCV_VSBI_H

#include <fv/cell.h>

/* Identity reported by BASE: not a registered SBI implementation ID. */
#define VSBI_IMPL_ID		0x4656	/* "FV" */
#define VSBI_SPEC_VERSION	((2UL << 24) | 0)	/* SBI 2.0 */
#define VSBI_DBCN_MAX		4096	/* bytes one DBCN write may take */


/* The checks of hart masks, usable on the host (tests/unit). */
struct vsbi_mask {
	unsigned long bits;	/* vharts selected, bit i = vhart i */
};
/* Resolve (hart_mask, hart_mask_base) for a cell of `nr` vharts: 0, or
 * an SBI error when it names a hart outside the cell. */
long vsbi_hart_mask(unsigned nr, unsigned long mask, unsigned long base,
		    struct vsbi_mask *out);

#endif
