/* expect: cell "rtos0": arch\.aplic_gpa needs arch\.imsic_gpa: the virtual APLIC delivers into the vharts' guest interrupt files */
// SPDX-License-Identifier: GPL-2.0-only
/* A virtual APLIC with no guest interrupt files to deliver into. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		BOOT,
		.arch.aplic_gpa = 0x0b000000,
	}),
};
