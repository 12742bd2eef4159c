/* expect: cell \"rtos0\": mem\[0\] hpa 0xbf800000-0xc07fffff is outside the board's RAM \(0x80000000-0xbfffffff\) */
// SPDX-License-Identifier: GPL-2.0-only
/* Memory running past the end of the board's 1 GiB. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0xbf800000)),
		BOOT,
	}),
};
