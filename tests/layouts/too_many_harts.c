/* expect: cell "rtos0": nr_harts 17 is more than LAYOUT_MAX_HARTS \(16\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A hart count beyond the harts array. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		.nr_harts = 17, .harts = { 0, 1 },
		MEMORY(RAM16(0x84000000)),
		BOOT,
	}),
};
