/* expect: cell "rtos1": devs\[0\] hpa 0x101000-0x101fff is also passed through to cell "rtos0" \(devs\[0\]\); a device has one owner */
// SPDX-License-Identifier: GPL-2.0-only
/* One device passed through to two cells. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000 }),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000)),
		DEVICES({ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000 }),
		BOOT,
	}),
};
