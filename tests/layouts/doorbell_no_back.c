/* expect: ^tests/layouts/doorbell_no_back\.c: cell "rtos0": emus\[0\] doorbell to cell "rtos1" on hpa 0xbff00000 has no doorbell back: the peer needs one on that region naming this cell \(doorbells come in pairs\)$ */
// SPDX-License-Identifier: GPL-2.0-only
/* A doorbell whose peer has none back. */
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
		MEMORY(RAM16(0x85000000), SHM),
		BOOT,
	}),
};
