/* expect: cell "rtos1": emus\[0\] net.mac 01:00:5e:00:00:01 is a multicast address \(bit 0 of its first byte\): a card's MAC must be unicast */
// SPDX-License-Identifier: GPL-2.0-only
/* A multicast address as a card's MAC. */
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
			   .net = { .link = 1, .mac = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 } } }),
		BOOT,
	}),
};
