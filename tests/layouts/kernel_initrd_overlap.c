/* expect: cell "rtos0": kernel gpa 0x80000000-0x8000ffff overlaps initrd gpa 0x80008000-0x80017fff */
// SPDX-License-Identifier: GPL-2.0-only
/* A kernel and an initrd loaded on top of each other. */
#include "common.h"

GUEST_IMAGE(rd, "test/img.bin");

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		.initrd = IMAGE(rd, 0x80008000),
		BOOT,
	}),
};
