/* expect: ^tests/layouts/doorbell_twice\.c: cell "rtos0": emus\[1\] doorbell to cell "rtos1" on hpa 0xbff00000 is also emus\[0\] \(one doorbell per region and peer\)$ */
// SPDX-License-Identifier: GPL-2.0-only
/* Two doorbells of one cell on one region to one peer. */
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
			   .doorbell = { .region_hpa = 0xbff00000, .peer = "rtos1" } },
			 { .type = EMU_DOORBELL, .gpa = 0x10002000, .irq = 12,
			   .doorbell = { .region_hpa = 0xbff00000, .peer = "rtos1" } }),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000), SHM),
		EMULATED({ .type = EMU_DOORBELL, .gpa = 0x10001000, .irq = 11,
			   .doorbell = { .region_hpa = 0xbff00000, .peer = "rtos0" } }),
		BOOT,
	}),
};
