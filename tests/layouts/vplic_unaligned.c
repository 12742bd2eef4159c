/* expect: cell "rtos0": arch.vplic_gpa 0xc000800 is not 4 KiB aligned */
// SPDX-License-Identifier: GPL-2.0-only
/* A virtual PLIC address inside a page. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		.arch.vplic_gpa = 0x0c000800, .kernel = IMAGE(img, 0x80000000), .entry = 0x80000000,
	}),
};
