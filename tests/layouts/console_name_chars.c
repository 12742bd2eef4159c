/* expect: cell "rtos0": emus\[0\] console.name has 'L' at \[5\]: only a-z, 0-9, '_' and '-' may be used */
// SPDX-License-Identifier: GPL-2.0-only
/* A virtio console name with a capital letter. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_CONSOLE, .gpa = 0x10001000, .irq = 11,
			   .console = { .name = "rtos0Log" } }),
		BOOT,
	}),
};
