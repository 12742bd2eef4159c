/* expect: cell "rtos0": mem\[1\] hpa 0x86000800 is not 4 KiB aligned */
/* expect: cell "rtos0": mem\[1\] gpa 0x90000100 is not 4 KiB aligned */
/* expect: cell "rtos0": mem\[1\] size 0x1800 is not a multiple of 4 KiB */
// SPDX-License-Identifier: GPL-2.0-only
/* A memory region whose addresses and size are not page multiples. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000),
		       { .gpa = 0x90000100, .hpa = 0x86000800, .size = 0x1800, .flags = MEM_RW }),
		BOOT,
	}),
};
