/* expect: cell "rtos0": arch.vplic_gpa is not set \(the virtual PLIC\'s guest address\) */
// SPDX-License-Identifier: GPL-2.0-only
/* No virtual PLIC address. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		.kernel = IMAGE(img, 0x80000000), .entry = 0x80000000,
	}),
};
