/* expect: cell "rtos0": emus\[0\] irq 11 is also the cell's passthrough devs\[0\] irq */
// SPDX-License-Identifier: GPL-2.0-only
/* A virtio device on the IRQ of a passthrough device. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000, .irqs = { 11 } }),
		EMULATED({ .type = EMU_VIRTIO_CONSOLE, .gpa = 0x10001000, .irq = 11,
			   .console = { .name = "log" } }),
		BOOT,
	}),
};
