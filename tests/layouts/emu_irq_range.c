/* expect: cell "rtos0": emus\[0\] irq 128 is out of range 1\.\.127 \(the virtual PLIC\'s sources\) */
/* expect: cell "rtos0": emus\[1\] irq 0 is out of range 1\.\.127 */
// SPDX-License-Identifier: GPL-2.0-only
/* Emulated-device IRQs the virtual PLIC does not have. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 128 },
			 { .type = EMU_UART16550, .gpa = 0x10000100 }),
		BOOT,
	}),
};
