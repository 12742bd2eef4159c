/* expect: cell "rtos0": devs\[0\] hpa 0xc000000-0xc5fffff belongs to the hypervisor \(interrupt controller, timer or IPI device\) */
// SPDX-License-Identifier: GPL-2.0-only
/* Passing the PLIC through. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x0c000000, .hpa = 0x0c000000, .size = 0x600000 }),
		.arch.vplic_gpa = 0x20000000, .kernel = IMAGE(img, 0x80000000), .entry = 0x80000000,
	}),
};
