/* expect: cell "rtos1": emus\[0\] console.name "log" is also the name of cell "rtos0" emus\[0\] */
// SPDX-License-Identifier: GPL-2.0-only
/* Two virtio consoles of the same name in different cells. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_CONSOLE, .gpa = 0x10001000, .irq = 11,
			   .console = { .name = "log" } }),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000)),
		EMULATED({ .type = EMU_VIRTIO_CONSOLE, .gpa = 0x10001000, .irq = 11,
			   .console = { .name = "log" } }),
		BOOT,
	}),
};
