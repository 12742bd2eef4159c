// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM64: one cell whose guest calls PSCI CPU_SUSPEND, standby with its
 * virtual timer armed and powerdown, then SYSTEM_OFF (test_arm64_cells.py).
 */
#include <fv/layout.h>

GUEST_IMAGE(hello, "hello-arm64/hello.bin");

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({
		.name = "suspend",
		HARTS(1),
		MEMORY({ .gpa = 0x40000000, .hpa = 0x50000000, .size = 16 * MiB,
			 .flags = MEM_RWX }),
		EMULATED({ .type = EMU_PL011, .gpa = 0x09000000, .irq = 33 }),
		.arch = { .vgicd_gpa = 0x08000000, .vgicr_gpa = 0x080a0000 },
		.kernel = IMAGE(hello, 0x40000000),
		.entry = 0x40000000,
		.bootargs = "suspend",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	}),
};
