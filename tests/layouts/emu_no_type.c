/* expect: cell "rtos0": emus\[0\] has no type \(\.type = EMU_\.\.\.\) */
// SPDX-License-Identifier: GPL-2.0-only
/* An emulated device without a type. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .gpa = 0x10000000, .irq = 10 }),
		BOOT,
	}),
};
