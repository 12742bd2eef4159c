/* expect: ^tests/layouts/doorbell_no_peer\.c: cell "rtos0": emus\[0\] doorbell\.peer is not set \(the name of the cell it rings\)$ */
// SPDX-License-Identifier: GPL-2.0-only
/* A doorbell that names no peer. */
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
			   .doorbell = { .region_hpa = 0xbff00000 } }),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000), SHM),
		BOOT,
	}),
};
