/* expect: cell "rtos0": has no kernel image \(\.kernel = IMAGE\(\.\.\.\)\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A cell without a kernel. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		.arch.vplic_gpa = 0x0c000000, .entry = 0x80000000,
	}),
};
