/* expect: cell "rtos0": arch\.aplic_gpa 0xb000800 is not 4 KiB aligned */
// SPDX-License-Identifier: GPL-2.0-only
/* A virtual APLIC off a page boundary. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		BOOT,
		.arch.imsic_gpa = 0x28000000,
		.arch.aplic_gpa = 0x0b000800,
	}),
};
