/* expect: cell "rtos0": devs\[0\] hpa 0x101800 is not 4 KiB aligned */
/* expect: cell "rtos0": devs\[0\] gpa 0x101800 is not 4 KiB aligned */
/* expect: cell "rtos0": devs\[0\] size 0x200 is not a multiple of 4 KiB */
// SPDX-License-Identifier: GPL-2.0-only
/* A device window that is not whole pages. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x101800, .hpa = 0x101800, .size = 0x200, .irqs = { 1 } }),
		BOOT,
	}),
};
