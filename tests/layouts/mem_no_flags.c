/* expect: cell "rtos0": mem\[1\] has no access flags \(MEM_R, MEM_W, MEM_X\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A memory region without access flags. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000),
		       { .gpa = 0x90000000, .hpa = 0x86000000, .size = 1 * MiB }),
		BOOT,
	}),
};
