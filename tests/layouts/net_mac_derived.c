/* expect: cell "rtos1": emus\[0\] net.mac 02:46:56:00:01:00 on link 1 is also the MAC of cell "rtos0" emus\[0\] */
// SPDX-License-Identifier: GPL-2.0-only
/* An explicit MAC equal to the one derived for another card on the link. */
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
			   .net = { .link = 1, .mac = { 0x02, 0x46, 0x56, 0x00, 0x01, 0x00 } } }),
		BOOT,
	}),
};
