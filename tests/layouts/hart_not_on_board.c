/* expect: cell "rtos0": harts\[1\]: hart 7 is not on the board \(its harts: 0-3\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A hart the board does not have. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0, 7),
		MEMORY(RAM16(0x84000000)),
		BOOT,
	}),
};
