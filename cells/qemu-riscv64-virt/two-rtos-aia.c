// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two RTOS cells on the AIA machine (QEMU virt with aia=aplic-imsic,
 * configs/qemu-riscv64-virt-aia_defconfig): "rtos0" of two vharts (harts
 * 0 and 1), which play IPI ping-pong through their guest interrupt files,
 * and "rtos1" on hart 2; hart 3 serves the console.  Each vhart gets a
 * guest interrupt file of its hart at imsic_gpa + vhart * 4 KiB.
 */
#include <fv/layout.h>

GUEST_IMAGE(rtos, "rtos/rtos.bin");

#define RTOS_CELL(cell_name, ram, args, ...) {				\
	.name = cell_name,						\
	HARTS(__VA_ARGS__),						\
	MEMORY({ .gpa = 0x80000000, .hpa = (ram), .size = 16 * MiB,	\
		 .flags = MEM_RWX }),					\
	EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }), \
	.arch.vplic_gpa = 0x0c000000,					\
	.arch.imsic_gpa = 0x28000000,					\
	.kernel = IMAGE(rtos, 0x80200000),				\
	.entry = 0x80200000,						\
	.bootargs = args,						\
	.on_fault = POLICY_STOP,					\
	.on_reboot = POLICY_RESTART,					\
}

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos0", 0x84000000, "status_every=200 harts=2", 0, 1),
	      RTOS_CELL("rtos1", 0x85000000, "status_every=200", 2)),
};
