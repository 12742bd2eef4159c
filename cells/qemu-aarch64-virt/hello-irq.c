// SPDX-License-Identifier: GPL-2.0-only
/*
 * Interrupts through the virtual GIC, with the ARM64 test guest
 * (cells/guests/hello-arm64, irq.c): cell "irq0" has two vCPUs (CPUs 1
 * and 2), sends an SGI from one to the other, takes the alarm of QEMU
 * virt's PL031 RTC (passed through, SPI 2 = INTID 34) and echoes typed
 * characters from its PL011's receive interrupt; cell "spy" (CPU 3) tries
 * to enable, pend and route INTID 34 in its own virtual distributor and
 * gets nothing, then echoes input too.  CPU 0 keeps the console.
 */
#include "hello.h"

GUEST_IMAGE(hello, "hello-arm64/hello.bin");

#define IRQ_CELL(cell_name, args, ...) 					\
	.name = cell_name,						\
	HARTS(__VA_ARGS__),						\
	EMULATED({ .type = EMU_PL011, .gpa = 0x09000000, .irq = 33 }),	\
	.arch = { .vgicd_gpa = 0x08000000, .vgicr_gpa = 0x080a0000 },	\
	.kernel = IMAGE(hello, 0x40000000),				\
	.entry = 0x40000000,						\
	.bootargs = (args),						\
	.on_fault = POLICY_STOP,					\
	.on_reboot = POLICY_RESTART

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({ IRQ_CELL("irq0", "irq", 1, 2),
		MEMORY({ .gpa = 0x40000000, .hpa = 0x50000000, .size = 16 * MiB,
			 .flags = MEM_RWX }),
		DEVICES({ .gpa = 0x09010000, .hpa = 0x09010000, .size = 0x1000,
			  .irqs = { 34 } }) },
	      { IRQ_CELL("spy", "spy=34", 3),
		MEMORY({ .gpa = 0x40000000, .hpa = 0x51000000, .size = 16 * MiB,
			 .flags = MEM_RWX }) }),
};
