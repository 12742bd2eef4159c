/* expect: cell "rtos0": devs\[0\] has unknown flags 0x100 */
// SPDX-License-Identifier: GPL-2.0-only
/* A passthrough device with a flag bit that means nothing. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000, .irqs = { 11 },
			  .flags = 0x100 }),
		BOOT,
	}),
};
