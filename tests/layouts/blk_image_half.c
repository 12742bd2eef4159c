/* expect: cell "rtos0": emus\[0\] blk image_start and image_end make no image \(set both with BLK_IMAGE\(sym\)\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A disk image with an end and no start (not set with BLK_IMAGE). */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 11,
			   .blk = { .hpa = 0xa0000000, .size = 1 * MiB, .image_end = img_end } }),
		BOOT,
	}),
};
