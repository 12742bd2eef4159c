/* expect: cell "rtos0": emus\[1\] blk hpa 0xa0000000-0xa00fffff overlaps cell "rtos0" emus\[0\] blk \(mark both readonly to share\) */
// SPDX-License-Identifier: GPL-2.0-only
/* Two writable disks of one cell on one backing. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 11,
			   .blk = { .hpa = 0xa0000000, .size = 1 * MiB } },
			 { .type = EMU_VIRTIO_BLK, .gpa = 0x10002000, .irq = 12,
			   .blk = { .hpa = 0xa0000000, .size = 1 * MiB } }),
		BOOT,
	}),
};
