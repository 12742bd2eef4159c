/* expect: cell "rtos0": emus\[0\] blk hpa 0x82000000-0x820fffff overlaps the hypervisor \(0x80200000-0x821fffff\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A disk's backing on top of the hypervisor. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 11,
			   .blk = { .hpa = 0x82000000, .size = 1 * MiB } }),
		BOOT,
	}),
};
