/* expect: cell "rtos0": emus\[0\] gpa 0x80fff000-0x80ffffff overlaps mem\[0\] gpa 0x80000000-0x80ffffff in the guest-physical map */
// SPDX-License-Identifier: GPL-2.0-only
/* A virtio device inside the cell's RAM. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_BLK, .gpa = 0x80fff000, .irq = 11,
			   .blk = { .hpa = 0xa0000000, .size = 1 * MiB } }),
		BOOT,
	}),
};
