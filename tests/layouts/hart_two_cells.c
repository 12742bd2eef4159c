/* expect: cell "rtos1": harts\[0\]: hart 0 is also owned by cell "rtos0" \(harts\[0\]\) */
// SPDX-License-Identifier: GPL-2.0-only
/* One hart in two cells. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(0),
		MEMORY(RAM16(0x85000000)),
		BOOT,
	}),
};
