/* expect: cell "rtos0": devs\[0\] has size 0 */
// SPDX-License-Identifier: GPL-2.0-only
/* A device window of size 0. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x10001000, .hpa = 0x10001000, .irqs = { 1 } }),
		BOOT,
	}),
};
