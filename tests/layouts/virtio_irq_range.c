/* expect: cell "rtos0": emus\[0\] irq 128 is out of range 1..127 \(the virtual PLIC's sources\) */
// SPDX-License-Identifier: GPL-2.0-only
/* A virtio device on an IRQ the virtual PLIC does not have. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_VIRTIO_CONSOLE, .gpa = 0x10001000, .irq = 128,
			   .console = { .name = "log" } }),
		BOOT,
	}),
};
