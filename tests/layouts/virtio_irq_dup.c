/* expect: cell "rtos0": emus\[1\] irq 10 is also used by emus\[0\] */
// SPDX-License-Identifier: GPL-2.0-only
/* A virtio device on the IRQ of the UART. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 },
			 { .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 10,
			   .blk = { .hpa = 0xa0000000, .size = 1 * MiB } }),
		BOOT,
	}),
};
