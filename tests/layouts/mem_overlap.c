/* expect: ^tests/layouts/mem_overlap\.c: cell "rtos1": mem\[0\] hpa 0x90000000-0x90ffffff overlaps cell "rtos0" mem\[0\] \(mark both MEM_SHARED to share\)$ */
// SPDX-License-Identifier: GPL-2.0-only
/* Two cells on the same memory, not both shared. */
#include "common.h"

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x90000000)),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x90000000, .size = 16 * MiB,
			 .flags = MEM_RWX | MEM_SHARED }),
		BOOT,
	}),
};
