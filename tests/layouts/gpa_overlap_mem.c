/* expect: cell "rtos0": mem\[1\] gpa 0x80800000-0x808fffff overlaps mem\[0\] gpa 0x80000000-0x80ffffff in the guest-physical map */
// SPDX-License-Identifier: GPL-2.0-only
/* Two memory windows at one guest address. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000),
		       { .gpa = 0x80800000, .hpa = 0x86000000, .size = 1 * MiB, .flags = MEM_RW }),
		BOOT,
	}),
};
