/* expect: cell "rtos1": emus\[1\] net.link 1: the cell is already on that link \(emus\[0\]\) */
// SPDX-License-Identifier: GPL-2.0-only
/* One cell with two cards on the same link. */
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
			   .net = { .link = 1 } },
			 { .type = EMU_VIRTIO_NET, .gpa = 0x10002000, .irq = 12,
			   .net = { .link = 1 } }),
		BOOT,
	}),
};
