/* expect: cell "rtos0": emus\[0\] virtio-console gpa 0x10001800 is not aligned to its window \(VIRTIO_MMIO_WINDOW, 0x1000\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A virtio device not at the start of a page. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_CONSOLE, .gpa = 0x10001800, .irq = 11,
			   .console = { .name = "log" } }),
		BOOT,
	}),
};
