/* expect: cell "rtos0": arch\.imsic_gpa 0x28001000 is not aligned to its 2 vharts' files \(0x2000: a power of two of pages\) */
// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guest interrupt files whose base has a hart index bit set: the guest
 * (Linux) would take the files' base to be a page lower.
 */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0, 1),
		MEMORY(RAM16(0x84000000)),
		BOOT,
		.arch.imsic_gpa = 0x28001000,
	}),
};
