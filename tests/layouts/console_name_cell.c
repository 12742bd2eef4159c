/* expect: cell "rtos0": emus\[0\] console.name "rtos1" is the name of cell "rtos1": the console multiplexer tags lines with both */
// SPDX-License-Identifier: GPL-2.0-only
/* A virtio console named like a cell: the multiplexer's tags would
 * not tell them apart. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_CONSOLE, .gpa = 0x10001000, .irq = 11,
			   .console = { .name = "rtos1" } }),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000)),
		BOOT,
	}),
};
