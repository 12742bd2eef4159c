/* expect: cell "rtos0": mem\[0\] hpa 0x80100000-0x801fffff overlaps the firmware \(0x80000000-0x801fffff\) */
// SPDX-License-Identifier: GPL-2.0-only
/* Memory on top of OpenSBI. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x80100000, .size = 1 * MiB, .flags = MEM_RWX }),
		BOOT,
	}),
};
