/* expect: cell "rtos0": aplic gpa 0xd000000-0xd007fff overlaps vplic gpa 0xc000000-0xfffffff in the guest-physical map */
// SPDX-License-Identifier: GPL-2.0-only
/* A layout for both boards whose virtual APLIC sits inside its virtual PLIC. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		BOOT,
		.arch.imsic_gpa = 0x28000000,
		.arch.aplic_gpa = 0x0d000000,
	}),
};
