/* expect: cell "rtos0": entry 0x90000000 lies in mem\[1\], which is not executable \(MEM_X\) */
// SPDX-License-Identifier: GPL-2.0-only
/* An entry point in a region without MEM_X. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000),
		       { .gpa = 0x90000000, .hpa = 0x86000000, .size = 1 * MiB, .flags = MEM_RW }),
		.arch.vplic_gpa = 0x0c000000, .kernel = IMAGE(img, 0x80000000), .entry = 0x90000000,
	}),
};
