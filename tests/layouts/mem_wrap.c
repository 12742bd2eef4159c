/* expect: cell "rtos0": mem\[1\] hpa 0xfffffffffff00000 \+ size 0x200000 wraps around the address space */
// SPDX-License-Identifier: GPL-2.0-only
/* A memory region running past the top of the address space. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000),
		       { .gpa = 0x90000000, .hpa = 0xfffffffffff00000, .size = 2 * MiB,
			 .flags = MEM_RW }),
		BOOT,
	}),
};
