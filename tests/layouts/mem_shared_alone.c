/* expect: ^tests/layouts/mem_shared_alone\.c: cell "rtos1": mem\[1\] hpa 0xbff00000-0xbfffffff is MEM_SHARED but no other cell maps it: a shared region needs two cells$ */
// SPDX-License-Identifier: GPL-2.0-only
/* A shared region only one cell maps. */
#include "common.h"

#define SHM	{ .gpa = 0x90000000, .hpa = 0xbff00000, .size = 1 * MiB, \
		  .flags = MEM_RW | MEM_SHARED }

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000), SHM),
		BOOT,
	}),
};
