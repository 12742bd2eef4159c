/* expect: OK */
// SPDX-License-Identifier: GPL-2.0-only
/* A layout the checker accepts with every virtio type: two cells on two
 * links, disks of their own and one read-only disk both share. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 },
			 { .type = EMU_VIRTIO_NET, .gpa = 0x10001000, .irq = 11,
			   .net = { .link = 1 } },
			 { .type = EMU_VIRTIO_NET, .gpa = 0x10002000, .irq = 12,
			   .net = { .link = 2 } },
			 { .type = EMU_VIRTIO_BLK, .gpa = 0x10003000, .irq = 13,
			   .blk = { .hpa = 0xa0000000, .size = 1 * MiB, BLK_IMAGE(img) } },
			 { .type = EMU_VIRTIO_BLK, .gpa = 0x10004000, .irq = 14,
			   .blk = { .hpa = 0xa0100000, .size = 64 * KiB, BLK_IMAGE(img),
				    .readonly = true } },
			 { .type = EMU_VIRTIO_CONSOLE, .gpa = 0x10005000, .irq = 15,
			   .console = { .name = "rtos0-log" } }),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000)),
		EMULATED({ .type = EMU_VIRTIO_NET, .gpa = 0x10001000, .irq = 11,
			   .net = { .link = 1, .mac = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 } } },
			 { .type = EMU_VIRTIO_NET, .gpa = 0x10002000, .irq = 12,
			   .net = { .link = 2 } },
			 { .type = EMU_VIRTIO_BLK, .gpa = 0x10003000, .irq = 13,
			   .blk = { .hpa = 0xa0200000, .size = 512 } },
			 { .type = EMU_VIRTIO_BLK, .gpa = 0x10004000, .irq = 14,
			   .blk = { .hpa = 0xa0100000, .size = 64 * KiB, .readonly = true } },
			 { .type = EMU_VIRTIO_CONSOLE, .gpa = 0x10005000, .irq = 15,
			   .console = { .name = "rtos1_log" } },
			 { .type = EMU_VIRTIO_CONSOLE, .gpa = 0x10006000, .irq = 16,
			   .console = { .name = "x" } }),
		BOOT,
	}),
};
