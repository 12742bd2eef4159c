/* expect: ^tests/layouts/doorbell_region_not_shared\.c: cell "rtos0": emus\[0\] doorbell\.region_hpa 0x84000000 is not the hpa of a MEM_SHARED region of the cell$ */
// SPDX-License-Identifier: GPL-2.0-only
/* A doorbell on the cell's private RAM, not on the region it shares. */
#include "common.h"

#define SHM	{ .gpa = 0x90000000, .hpa = 0xbff00000, .size = 1 * MiB, \
		  .flags = MEM_RW | MEM_SHARED }

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000), SHM),
		EMULATED({ .type = EMU_DOORBELL, .gpa = 0x10001000, .irq = 11,
			   .doorbell = { .region_hpa = 0x84000000, .peer = "rtos1" } }),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000), SHM),
		BOOT,
	}),
};
