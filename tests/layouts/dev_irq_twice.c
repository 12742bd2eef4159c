/* expect: cell "rtos0": devs\[1\] irq 2 is listed twice \(also devs\[0\]\) */
// SPDX-License-Identifier: GPL-2.0-only
/* One IRQ on two devices of a cell. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000, .irqs = { 1, 2 } },
			{ .gpa = 0x20000000, .hpa = 0x20000000, .size = 0x1000, .irqs = { 2 } }),
		BOOT,
	}),
};
