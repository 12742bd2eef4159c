/* expect: cell "rtos0": emus\[1\] irq 10 is also used by emus\[0\] */
// SPDX-License-Identifier: GPL-2.0-only
/* Two emulated devices on one IRQ. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 },
			 { .type = EMU_UART16550, .gpa = 0x10000100, .irq = 10 }),
		BOOT,
	}),
};
