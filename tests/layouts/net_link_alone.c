/* expect: virtio-net link 3 has only cell "rtos1" on it \(emus\[0\]\): a link joins two cells or more */
// SPDX-License-Identifier: GPL-2.0-only
/* A link only one cell is on: it connects nothing. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_NET, .gpa = 0x10001000, .irq = 11,
			   .net = { .link = 1 } }),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000)),
		EMULATED({ .type = EMU_VIRTIO_NET, .gpa = 0x10001000, .irq = 11,
			   .net = { .link = 3 } },
			 { .type = EMU_VIRTIO_NET, .gpa = 0x10002000, .irq = 12,
			   .net = { .link = 1 } }),
		BOOT,
	}),
};
