/* expect: cell "rtos0": harts\[1\]: hart 0 is listed twice \(also harts\[0\]\) */
// SPDX-License-Identifier: GPL-2.0-only
/* One hart listed twice in a cell. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0, 0),
		MEMORY(RAM16(0x84000000)),
		BOOT,
	}),
};
