/* expect: cell "rtos0": devs\[0\] irqs\[1\] = 5 follows a 0 \(IRQ 0 is no interrupt and ends the list\) */
// SPDX-License-Identifier: GPL-2.0-only
/* An IRQ list with a 0 in the middle. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000, .irqs = { 0, 5 } }),
		BOOT,
	}),
};
