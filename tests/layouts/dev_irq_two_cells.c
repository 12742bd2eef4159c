/* expect: cell "rtos1": devs\[0\] irq 1 is also owned by cell "rtos0" \(devs\[0\]\) */
// SPDX-License-Identifier: GPL-2.0-only
/* One IRQ owned by two cells. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000, .irqs = { 1 } }),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000)),
		DEVICES({ .gpa = 0x20000000, .hpa = 0x20000000, .size = 0x1000, .irqs = { 1 } }),
		BOOT,
	}),
};
