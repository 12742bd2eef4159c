/* expect: cell "rtos0": emus\[0\] blk hpa 0x84f00000-0x84ffffff overlaps cell "rtos0" mem\[0\] \(a disk's backing is no cell's memory\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A disk's backing in its own cell's memory. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 11,
			   .blk = { .hpa = 0x84f00000, .size = 1 * MiB } }),
		BOOT,
	}),
};
