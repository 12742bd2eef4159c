// SPDX-License-Identifier: GPL-2.0-only
/* Hart masks a guest passes to SBI IPI and RFENCE, checked against its cell. */
#include <arch/sbi.h>
#include "../../arch/riscv/vsbi.h"
#include "test.h"

static unsigned long resolve(unsigned nr, unsigned long mask, unsigned long base, long *err)
{
	struct vsbi_mask m = { 0xdead };

	*err = vsbi_hart_mask(nr, mask, base, &m);
	return m.bits;
}

int main(void)
{
	long err;

	/* base -1: every vhart of the cell, whatever the mask */
	CHECK_EQ(resolve(2, 0, ~0UL, &err), 0x3);
	CHECK_EQ(err, SBI_SUCCESS);
	CHECK_EQ(resolve(3, ~0UL, ~0UL, &err), 0x7);
	CHECK_EQ(err, SBI_SUCCESS);
	CHECK_EQ(resolve(64, 1, ~0UL, &err), ~0UL);

	/* inside the cell */
	CHECK_EQ(resolve(2, 0x1, 0, &err), 0x1);
	CHECK_EQ(err, SBI_SUCCESS);
	CHECK_EQ(resolve(2, 0x3, 0, &err), 0x3);
	CHECK_EQ(resolve(2, 0x1, 1, &err), 0x2);
	CHECK_EQ(err, SBI_SUCCESS);
	CHECK_EQ(resolve(4, 0x5, 1, &err), 0xa);

	/* an empty mask names nobody: fine, and selects nothing */
	CHECK_EQ(resolve(2, 0, 0, &err), 0);
	CHECK_EQ(err, SBI_SUCCESS);
	CHECK_EQ(resolve(2, 0, 100, &err), 0);
	CHECK_EQ(err, SBI_SUCCESS);

	/* any vhart outside the cell: refused, nothing selected */
	CHECK_EQ(resolve(2, 0x4, 0, &err), 0);
	CHECK_EQ(err, SBI_ERR_INVALID_PARAM);
	CHECK_EQ(resolve(2, 0x3, 1, &err), 0);		/* vharts 1 and 2 */
	CHECK_EQ(err, SBI_ERR_INVALID_PARAM);
	CHECK_EQ(resolve(2, 0x1, 2, &err), 0);
	CHECK_EQ(err, SBI_ERR_INVALID_PARAM);
	CHECK_EQ(resolve(1, 0x1, 1UL << 40, &err), 0);	/* huge base */
	CHECK_EQ(err, SBI_ERR_INVALID_PARAM);
	CHECK_EQ(resolve(1, 0x1, 63, &err), 0);
	CHECK_EQ(err, SBI_ERR_INVALID_PARAM);
	CHECK_EQ(resolve(64, 0x3, 63, &err), 0);	/* bit shifted out past 63 */
	CHECK_EQ(err, SBI_ERR_INVALID_PARAM);
	CHECK_EQ(resolve(2, ~0UL, 0, &err), 0);
	CHECK_EQ(err, SBI_ERR_INVALID_PARAM);
	CHECK_EQ(resolve(0, 0x1, 0, &err), 0);		/* a cell of no vharts */
	CHECK_EQ(err, SBI_ERR_INVALID_PARAM);

	/* legacy (v0.1) masks: bits past the cell's last vhart are ignored */
	struct vsbi_mask m = { 0xdead };

	vsbi_hart_mask_legacy(2, 0x3, &m);
	CHECK_EQ(m.bits, 0x3);
	vsbi_hart_mask_legacy(2, ~0UL, &m);
	CHECK_EQ(m.bits, 0x3);
	vsbi_hart_mask_legacy(2, 1UL << 63 | 0x4, &m);
	CHECK_EQ(m.bits, 0);
	vsbi_hart_mask_legacy(64, ~0UL, &m);
	CHECK_EQ(m.bits, ~0UL);
	vsbi_hart_mask_legacy(100, 0x5, &m);
	CHECK_EQ(m.bits, 0x5);
	vsbi_hart_mask_legacy(0, ~0UL, &m);
	CHECK_EQ(m.bits, 0);

	return test_report("test_vsbi_mask");
}
