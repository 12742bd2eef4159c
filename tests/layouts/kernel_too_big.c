/* expect: cell "rtos0": kernel "img" \(64 KiB\) at gpa 0x80ff8000-0x81007fff is larger than its region mem\[0\] \(gpa 0x80000000-0x80ffffff\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A kernel that starts in its region and runs past its end. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		.arch.vplic_gpa = 0x0c000000, .kernel = IMAGE(img, 0x80ff8000), .entry = 0x80000000,
	}),
};
