/* expect: cell "rtos0": mem\[1\] hpa 0x84800000-0x848fffff overlaps mem\[0\] of the same cell */
// SPDX-License-Identifier: GPL-2.0-only
/* Two windows of one cell on the same host memory. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000),
		       { .gpa = 0x90000000, .hpa = 0x84800000, .size = 1 * MiB, .flags = MEM_RW }),
		BOOT,
	}),
};
