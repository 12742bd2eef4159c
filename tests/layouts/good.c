/* expect: OK */
// SPDX-License-Identifier: GPL-2.0-only
/* A layout the checker accepts: two cells sharing one memory window. */
#include "common.h"

GUEST_IMAGE(rd, "test/img.bin");

const struct layout fv_layout = {
	BOARD,
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000),
		       { .gpa = 0x90000000, .hpa = 0xbff00000, .size = 1 * MiB,
			 .flags = MEM_RW | MEM_SHARED }),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }),
		BOOT,
		.bootargs = "tick_us=1000",
		.on_fault = POLICY_RESTART,
	}, {
		.name = "linux",
		HARTS(2, 3),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x90000000, .size = 256 * MiB,
			 .flags = MEM_RWX },
		       { .gpa = 0xc0000000, .hpa = 0xbff00000, .size = 1 * MiB,
			 .flags = MEM_RW | MEM_SHARED }),
		/* the RTC and the flash: devices that do no DMA */
		DEVICES({ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000, .irqs = { 11 } },
			{ .gpa = 0x20000000, .hpa = 0x20000000, .size = 0x2000 }),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }),
		.arch.vplic_gpa = 0x0c000000,
		.kernel = IMAGE(img, 0x80200000),
		.initrd = IMAGE(rd, 0x88000000),
		.entry = 0x80200000,
	}),
};
