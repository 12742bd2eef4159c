/* expect: cell "rtos0": emus\[0\] net.link 0 is out of range 1..8 \(LAYOUT_MAX_LINKS\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A network card on no link (.net.link left 0). */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_NET, .gpa = 0x10001000, .irq = 11,
			   .net = { .link = 0 } }),
		BOOT,
	}),
};
