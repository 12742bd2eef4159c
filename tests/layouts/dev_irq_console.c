/* expect: cell \"rtos0\": devs\[0\] irq 10 is the hypervisor console UART's interrupt */
// SPDX-License-Identifier: GPL-2.0-only
/* The console UART's IRQ given to a cell. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000, .irqs = { 10 } }),
		BOOT,
	}),
};
