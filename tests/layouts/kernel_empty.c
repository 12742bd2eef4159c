/* expect: cell "rtos0": kernel image "img" is empty */
// SPDX-License-Identifier: GPL-2.0-only
/* A kernel whose end is not after its start. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		.arch.vplic_gpa = 0x0c000000, .entry = 0x80000000,
		.kernel = { .name = "img", .start = img_end, .end = img_start, .load_gpa = 0x80000000 },
	}),
};
