/* expect: cell "rtos0": kernel "img" at gpa 0x80000000 lies in mem\[0\], which is not writable \(MEM_W\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A kernel placed in a read-only region. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x84000000, .size = 16 * MiB,
			 .flags = MEM_R | MEM_X }),
		BOOT,
	}),
};
