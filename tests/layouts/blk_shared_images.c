/* expect: cell "rtos1": emus\[0\] blk hpa 0xa0000000-0xa00fffff overlaps cell "rtos0" emus\[0\] blk and both have an image \(give the shared contents once\) */
// SPDX-License-Identifier: GPL-2.0-only
/* Two read-only disks on one backing, each with an image: which one
 * would the backing hold? */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 11,
			   .blk = { .hpa = 0xa0000000, .size = 1 * MiB, BLK_IMAGE(img), .readonly = true } }),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000)),
		EMULATED({ .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 11,
			   .blk = { .hpa = 0xa0000000, .size = 1 * MiB, BLK_IMAGE(img), .readonly = true } }),
		BOOT,
	}),
};
