/* expect: cell "rtos1": emus\[0\] blk hpa 0xa0080000-0xa017ffff overlaps cell "rtos0" emus\[0\] blk \(mark both readonly to share\) */
// SPDX-License-Identifier: GPL-2.0-only
/* Two disks on one backing, one of them writable. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 11,
			   .blk = { .hpa = 0xa0000000, .size = 1 * MiB, .readonly = true } }),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000)),
		EMULATED({ .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 11,
			   .blk = { .hpa = 0xa0080000, .size = 1 * MiB } }),
		BOOT,
	}),
};
