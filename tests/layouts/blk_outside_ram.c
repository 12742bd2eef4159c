/* expect: cell "rtos0": emus\[0\] blk hpa 0xbff00000-0xc00fffff is outside the board's RAM \(0x80000000-0xbfffffff\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A disk's backing beyond the end of RAM. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 11,
			   .blk = { .hpa = 0xbff00000, .size = 2 * MiB } }),
		BOOT,
	}),
};
