/* expect: cell "rtos0": name is also used by cell #0 */
// SPDX-License-Identifier: GPL-2.0-only
/* Two cells with one name. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		BOOT,
	}, {
		.name = "rtos0",
		HARTS(1),
		MEMORY(RAM16(0x85000000)),
		BOOT,
	}),
};
