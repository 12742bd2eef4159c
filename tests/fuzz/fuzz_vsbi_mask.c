// SPDX-License-Identifier: GPL-2.0-only
/*
 * vsbi_hart_mask() turns the (hart_mask, hart_mask_base) registers of a
 * guest's IPI or RFENCE call into vharts of its cell.  The registers are
 * the guest's, so any value; the cell has 0..64 vharts (the layout allows
 * at most LAYOUT_MAX_HARTS).  The result is compared with the SBI rules
 * spelled out one hart at a time: base -1 is every vhart, an empty mask
 * is nobody, and any named hart outside the cell is SBI_ERR_INVALID_PARAM
 * with nothing selected.
 */
#include <stdbool.h>
#include <arch/sbi.h>
#include "../../arch/riscv/vsbi.h"
#include "fuzz.h"

static long reference(unsigned nr, unsigned long mask, unsigned long base,
		      unsigned long *bits)
{
	*bits = 0;
	if (base == ~0UL) {
		for (unsigned i = 0; i < nr && i < 64; i++)
			*bits |= 1UL << i;
		return SBI_SUCCESS;
	}
	for (unsigned i = 0; i < 64; i++) {
		unsigned long hart = base + i;

		if (!(mask & (1UL << i)))
			continue;
		if (hart < base || hart >= nr) {	/* wrapped, or not the cell's */
			*bits = 0;
			return SBI_ERR_INVALID_PARAM;
		}
		*bits |= 1UL << hart;
	}
	return SBI_SUCCESS;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };
	unsigned nr = in_u8(&in) % 65;
	unsigned long mask = in_u64(&in), base = in_u64(&in), want;
	struct vsbi_mask m = { 0x5a5a5a5a5a5a5a5aUL };
	long err = vsbi_hart_mask(nr, mask, base, &m);
	long ref = reference(nr, mask, base, &want);

	FUZZ_ASSERT(err == SBI_SUCCESS || err == SBI_ERR_INVALID_PARAM);
	FUZZ_ASSERT(nr >= 64 || !(m.bits >> nr));
	if (err)
		FUZZ_ASSERT(m.bits == 0);
	FUZZ_ASSERT(err == ref);
	FUZZ_ASSERT(m.bits == want);
	return 0;
}
