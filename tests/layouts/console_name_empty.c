/* expect: cell "rtos0": emus\[0\] console.name is not set \(the port's name in the console multiplexer\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A virtio console named "". */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_CONSOLE, .gpa = 0x10001000, .irq = 11,
			   .console = { .name = "" } }),
		BOOT,
	}),
};
