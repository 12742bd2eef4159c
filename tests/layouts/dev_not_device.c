/* expect: cell "rtos0": devs\[0\] hpa 0x50000000-0x50000fff is no device of the board \(no device-tree node\'s reg covers 0x50000000\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A window where the board has no device. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x50000000, .hpa = 0x50000000, .size = 0x1000 }),
		BOOT,
	}),
};
