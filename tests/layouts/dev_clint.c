/* expect: cell "rtos0": devs\[0\] hpa 0x2000000-0x200ffff belongs to the hypervisor */
// SPDX-License-Identifier: GPL-2.0-only
/* Passing the CLINT through. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x02000000, .hpa = 0x02000000, .size = 0x10000 }),
		BOOT,
	}),
};
