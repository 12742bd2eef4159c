/* expect: cell "rtos0": mem\[0\] has unknown flags 0x100 */
// SPDX-License-Identifier: GPL-2.0-only
/* A memory region with a flag bit that means nothing. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x84000000, .size = 16 * MiB,
			 .flags = MEM_RWX | 0x100 }),
		BOOT,
	}),
};
