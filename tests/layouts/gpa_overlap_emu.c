/* expect: cell "rtos0": emus\[0\] gpa 0x10001100-0x100011ff overlaps devs\[0\] gpa 0x10001000-0x10001fff in the guest-physical map */
// SPDX-License-Identifier: GPL-2.0-only
/* An emulated UART in the page of a passthrough device. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x10001000, .hpa = 0x101000, .size = 0x1000, .irqs = { 1 } }),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10001100, .irq = 10 }),
		BOOT,
	}),
};
