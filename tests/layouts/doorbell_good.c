/* expect: OK */
// SPDX-License-Identifier: GPL-2.0-only
/* Two cells ringing each other over a region they share, one of them
 * read-only, and a third that shares it without a doorbell. */
#include "common.h"

#define SHM(flags_)	{ .gpa = 0x90000000, .hpa = 0xbff00000, .size = 1 * MiB, \
			  .flags = (flags_) | MEM_SHARED }

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000), SHM(MEM_RW)),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 },
			 { .type = EMU_DOORBELL, .gpa = 0x10001000, .irq = 11,
			   .doorbell = { .region_hpa = 0xbff00000, .peer = "rtos1" } }),
		BOOT,
	}, {
		.name = "rtos1",
		HARTS(1),
		MEMORY(RAM16(0x85000000), SHM(MEM_R)),
		EMULATED({ .type = EMU_DOORBELL, .gpa = 0x10001000, .irq = 11,
			   .doorbell = { .region_hpa = 0xbff00000, .peer = "rtos0" } }),
		BOOT,
	}, {
		.name = "rtos2",
		HARTS(2),
		MEMORY(RAM16(0x86000000), SHM(MEM_RW)),
		BOOT,
	}),
};
