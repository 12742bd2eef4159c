/* expect: cell "rtos0": has no memory \(MEMORY\(\.\.\.\)\) */
/* expect: kernel "img" \(64 KiB\) at gpa 0x80000000 is not inside any memory region of the cell */
/* expect: entry 0x80000000 is not inside any memory region of the cell */
// SPDX-License-Identifier: GPL-2.0-only
/* A cell without memory. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		BOOT,
	}),
};
