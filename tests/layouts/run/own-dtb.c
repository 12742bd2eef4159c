// SPDX-License-Identifier: GPL-2.0-only
/*
 * A cell that brings its own device tree (own-dtb.dts) beside one that
 * gets a generated one: the RTOS must boot from the hand-written tree,
 * with its bootargs, not the layout's.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");
GUEST_IMAGE(own_dtb, "own-dtb/own-dtb.dtb");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS({
		.name = "own",
		HARTS(0),
		RAM16(0x84000000),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }),
		.arch.vplic_gpa = 0x0c000000,
		.kernel = IMAGE(rtos, 0x80200000),
		.dtb = own_dtb_start,
		.entry = 0x80200000,
		.bootargs = "status_every=999",		/* not used: the tree has its own */
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	}, RTOS_CELL("gen", 0x85000000, "status_every=100", 1)),
};
