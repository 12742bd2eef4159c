/* expect: cell "rtos0": devs\[0\] hpa 0x10000000-0x10000fff is the hypervisor console UART /soc/serial@10000000 */
// SPDX-License-Identifier: GPL-2.0-only
/* Passing the hypervisor's console UART through. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		DEVICES({ .gpa = 0x10000000, .hpa = 0x10000000, .size = 0x1000 }),
		BOOT,
	}),
};
