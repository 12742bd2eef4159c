/* expect: cell \"rtos0\": devs\[0\] irq 96 is above the interrupt controller's 95 sources */
// SPDX-License-Identifier: GPL-2.0-only
/* An IRQ the PLIC does not have. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000, .irqs = { 96 } }),
		BOOT,
	}),
};
