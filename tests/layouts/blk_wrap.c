/* expect: cell "rtos0": emus\[0\] blk hpa 0xfffffffffffff000 \+ size 0x2000 wraps around the address space */
// SPDX-License-Identifier: GPL-2.0-only
/* A disk's backing past the end of the address space. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 11,
			   .blk = { .hpa = 0xfffffffffffff000, .size = 0x2000 } }),
		BOOT,
	}),
};
