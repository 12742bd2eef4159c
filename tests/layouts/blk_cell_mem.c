/* expect: cell "rtos0": emus\[0\] blk hpa 0x85800000-0x858fffff overlaps cell "rtos1" mem\[0\] \(a disk's backing is no cell's memory\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A disk's backing in another cell's memory (the other cell could
 * read and write the disk behind the device model's back). */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 11,
			   .blk = { .hpa = 0x85800000, .size = 1 * MiB } }),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000)),
		BOOT,
	}),
};
