/* expect: cell "rtos0": emus\[0\] has unknown type 7 */
// SPDX-License-Identifier: GPL-2.0-only
/* An emulated device of no known type. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = 7, .gpa = 0x10000000, .irq = 10 }),
		BOOT,
	}),
};
