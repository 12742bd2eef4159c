/* expect: cell "rtos0": devs\[0\] hpa 0x10008000-0x10009fff is no device of the board \(no device-tree node\'s reg covers 0x10009000\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A window that starts on a device and runs past it. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x10008000, .hpa = 0x10008000, .size = 0x2000, .irqs = { 8 } }),
		BOOT,
	}),
};
