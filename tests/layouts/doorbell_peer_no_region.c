/* expect: ^tests/layouts/doorbell_peer_no_region\.c: cell "rtos0": emus\[0\] doorbell\.peer cell "rtos1" does not map the region hpa 0xbff00000-0xbfffffff \(MEM_SHARED, the same hpa and size\)$ */
// SPDX-License-Identifier: GPL-2.0-only
/* A doorbell to a cell that does not map the region (rtos2 shares it). */
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
			   .doorbell = { .region_hpa = 0xbff00000, .peer = "rtos1" } }),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000)),
		BOOT,
	}, {
		.name = "rtos2",
		HARTS(2),
		MEMORY(RAM16(0x86000000), SHM),
		BOOT,
	}),
};
