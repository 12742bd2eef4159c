/* expect: cell "rtos0": imsic gpa 0x80000000-0x8000ffff overlaps mem\[0\] gpa 0x80000000-0x80ffffff in the guest-physical map */
// SPDX-License-Identifier: GPL-2.0-only
/* The guest interrupt files' window on top of the cell's RAM. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		BOOT,
		.arch.imsic_gpa = 0x80000000,
	}),
};
