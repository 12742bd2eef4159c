/* expect: cell "rtos1": emus\[0\] net.mac 52:54:00:12:34:56 on link 1 is also the MAC of cell "rtos0" emus\[0\] */
// SPDX-License-Identifier: GPL-2.0-only
/* Two cards with the same explicit MAC on one link. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_NET, .gpa = 0x10001000, .irq = 11,
			   .net = { .link = 1, .mac = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 } } }),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000)),
		EMULATED({ .type = EMU_VIRTIO_NET, .gpa = 0x10001000, .irq = 11,
			   .net = { .link = 1, .mac = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 } } }),
		BOOT,
	}),
};
