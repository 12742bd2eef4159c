/* expect: cell "rtos0": vplic gpa 0x80000000-0x83ffffff overlaps mem\[0\] gpa 0x80000000-0x80ffffff in the guest-physical map */
// SPDX-License-Identifier: GPL-2.0-only
/* The virtual PLIC on top of the cell's RAM. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		.arch.vplic_gpa = 0x80000000, .kernel = IMAGE(img, 0x80000000), .entry = 0x80000000,
	}),
};
