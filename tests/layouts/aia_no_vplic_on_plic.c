/* expect: cell "rtos0": arch\.vplic_gpa is not set \(the virtual PLIC's guest address\): this board has a PLIC, arch\.aplic_gpa serves AIA boards only */
// SPDX-License-Identifier: GPL-2.0-only
/* An AIA-only cell (virtual APLIC, no virtual PLIC) on the PLIC board. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		.arch.imsic_gpa = 0x28000000,
		.arch.aplic_gpa = 0x0d000000,
		.kernel = IMAGE(img, 0x80000000), .entry = 0x80000000,
	}),
};
