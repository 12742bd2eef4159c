/* expect: cell "rtos0": emus\[0\] net.link 9 is out of range 1..8 \(LAYOUT_MAX_LINKS\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A link number past LAYOUT_MAX_LINKS. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_NET, .gpa = 0x10001000, .irq = 11,
			   .net = { .link = 9 } }),
		BOOT,
	}),
};
