/* expect: cell "rtos0": emus\[0\] blk image \(0x10000 bytes\) is larger than its size 0x8000 */
// SPDX-License-Identifier: GPL-2.0-only
/* A disk image larger than the disk. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 11,
			   .blk = { .hpa = 0xa0000000, .size = 32 * KiB, BLK_IMAGE(img) } }),
		BOOT,
	}),
};
