/* expect: cell "rtos0": has no harts \(HARTS\(\.\.\.\)\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A cell without harts. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		MEMORY(RAM16(0x84000000)),
		BOOT,
	}),
};
