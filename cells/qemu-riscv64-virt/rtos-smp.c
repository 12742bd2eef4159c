// SPDX-License-Identifier: GPL-2.0-only
/* One RTOS cell of two vharts; the guest starts vhart 1 with SBI HSM. */
#include <fv/layout.h>

GUEST_IMAGE(rtos, "rtos/rtos.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS({
		.name = "rtos",
		HARTS(0, 1),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x84000000, .size = 16 * MiB,
			 .flags = MEM_RWX }),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }),
		.arch.vplic_gpa = 0x0c000000,
		.kernel = IMAGE(rtos, 0x80200000),
		.entry = 0x80200000,
		.bootargs = "status_every=200",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	}),
};
