/* expect: the layout has \d+ cells, more than CONFIG_MAX_CELLS \(\d+\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A cell count beyond the cells array (CELLS() cannot say it; a hand count can). */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	.nr_cells = CONFIG_MAX_CELLS + 1,
	.cells = {{
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		BOOT,
	}, {
		.name = "b",
		HARTS(1),
		MEMORY(RAM16(0x85000000)),
		BOOT,
	}, {
		.name = "c",
		HARTS(2),
		MEMORY(RAM16(0x86000000)),
		BOOT,
	}, {
		.name = "d",
		HARTS(3),
		MEMORY(RAM16(0x87000000)),
		BOOT,
	}},
};
