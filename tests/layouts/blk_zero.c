/* expect: cell "rtos0": emus\[0\] blk has size 0 */
// SPDX-License-Identifier: GPL-2.0-only
/* A disk of no size. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 11,
			   .blk = { .hpa = 0xa0000000, .size = 0 } }),
		BOOT,
	}),
};
