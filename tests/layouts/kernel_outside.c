/* expect: cell "rtos0": kernel "img" \(64 KiB\) at gpa 0x90000000 is not inside any memory region of the cell */
// SPDX-License-Identifier: GPL-2.0-only
/* A kernel loaded where the cell has no memory. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		.arch.vplic_gpa = 0x0c000000, .kernel = IMAGE(img, 0x90000000), .entry = 0x80000000,
	}),
};
