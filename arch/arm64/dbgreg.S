/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The breakpoint and watchpoint registers by number (DBGBVR<n>_EL1,
 * DBGBCR<n>_EL1, DBGWVR<n>_EL1, DBGWCR<n>_EL1, n = 0..15): each register
 * has its own instruction encoding, so a number becomes a branch into a
 * table of "mrs/msr; ret" pairs (8 bytes each), one table per register
 * kind.  The caller (gdb_hw.c) asks only for numbers the CPU has
 * (ID_AA64DFR0_EL1.BRPs, WRPs); anything else would be undefined.
 *
 * uint64_t arm64_dbgreg_read(unsigned kind, unsigned n)
 * void arm64_dbgreg_write(unsigned kind, unsigned n, uint64_t v)
 * kind: 0 BVR, 1 BCR, 2 WVR, 3 WCR (gdb_hw.h).
 */
	.text

#define RD(r, n)	mrs x0, r##n##_el1; ret;
#define WR(r, n)	msr r##n##_el1, x2; ret;
#define EACH(m, r)	m(r, 0) m(r, 1) m(r, 2) m(r, 3) m(r, 4) m(r, 5) m(r, 6) m(r, 7) \
			m(r, 8) m(r, 9) m(r, 10) m(r, 11) m(r, 12) m(r, 13) m(r, 14) m(r, 15)

/* x0 = kind, x1 = n: the entry at (kind * 16 + n) * 8 of the table at x3 */
	.macro	dispatch table
	and	x0, x0, #3
	and	x1, x1, #15
	add	x1, x1, x0, lsl #4
	adr	x3, \table
	add	x3, x3, x1, lsl #3
	br	x3
	.endm

	.global arm64_dbgreg_read
	.type	arm64_dbgreg_read, %function
arm64_dbgreg_read:
	dispatch 1f
	.balign	8
1:	EACH(RD, dbgbvr)
	EACH(RD, dbgbcr)
	EACH(RD, dbgwvr)
	EACH(RD, dbgwcr)
	.size	arm64_dbgreg_read, . - arm64_dbgreg_read

	.global arm64_dbgreg_write
	.type	arm64_dbgreg_write, %function
arm64_dbgreg_write:
	dispatch 1f
	.balign	8
1:	EACH(WR, dbgbvr)
	EACH(WR, dbgbcr)
	EACH(WR, dbgwvr)
	EACH(WR, dbgwcr)
	.size	arm64_dbgreg_write, . - arm64_dbgreg_write
