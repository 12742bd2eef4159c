/* expect: cell "rtos0": mem\[1\] has size 0 */
// SPDX-License-Identifier: GPL-2.0-only
/* A memory region of size 0. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000), { .gpa = 0x90000000, .hpa = 0x86000000, .flags = MEM_RW }),
		BOOT,
	}),
};
