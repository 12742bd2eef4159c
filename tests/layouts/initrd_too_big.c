/* expect: cell "rtos0": initrd "rd" \(64 KiB\) at gpa 0x80ff8000-0x81007fff is larger than its region mem\[0\] */
// SPDX-License-Identifier: GPL-2.0-only
/* An initrd running past the end of its region. */
#include "common.h"

GUEST_IMAGE(rd, "test/img.bin");

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		.initrd = IMAGE(rd, 0x80ff8000),
		BOOT,
	}),
};
