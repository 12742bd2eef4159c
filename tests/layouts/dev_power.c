/* expect: cell "rtos0": devs\[0\] hpa 0x100000-0x100fff is the machine\'s power/reset control \(the firmware\'s\) */
// SPDX-License-Identifier: GPL-2.0-only
/* Passing the poweroff/reboot syscon through. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x00100000, .hpa = 0x00100000, .size = 0x1000 }),
		BOOT,
	}),
};
