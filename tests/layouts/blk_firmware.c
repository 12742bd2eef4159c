/* expect: cell "rtos0": emus\[0\] blk hpa 0x80000000-0x800fffff overlaps the firmware \(0x80000000-0x801fffff\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A disk's backing on top of OpenSBI. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 11,
			   .blk = { .hpa = 0x80000000, .size = 1 * MiB } }),
		BOOT,
	}),
};
