// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two RTOS cells on the AIA machine (QEMU virt with aia=aplic-imsic,
 * configs/qemu-riscv64-virt-aia_defconfig): "rtos0" of two vharts (harts
 * 0 and 1), which play IPI ping-pong through their guest interrupt files
 * and own the RTC (its alarm a message straight into rtos0's file), and
 * "rtos1" on hart 2; hart 3 serves the console.  Each vhart gets a guest
 * interrupt file of its hart at imsic_gpa + vhart * 4 KiB, each cell a
 * virtual APLIC at aplic_gpa.
 */
#include <fv/layout.h>

GUEST_IMAGE(rtos, "rtos/rtos.bin");

#define RTC	{ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000, .irqs = { 11 } }

#define RTOS_CELL(cell_name, ram, args, devs, ...) {			\
	.name = cell_name,						\
	HARTS(__VA_ARGS__),						\
	MEMORY({ .gpa = 0x80000000, .hpa = (ram), .size = 16 * MiB,	\
		 .flags = MEM_RWX }),					\
	devs,								\
	EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }), \
	.arch.imsic_gpa = 0x28000000,					\
	.arch.aplic_gpa = 0x0d000000,					\
	.kernel = IMAGE(rtos, 0x80200000),				\
	.entry = 0x80200000,						\
	.bootargs = args,						\
	.on_fault = POLICY_STOP,					\
	.on_reboot = POLICY_RESTART,					\
}

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos0", 0x84000000, "status_every=200 harts=2", DEVICES(RTC), 0, 1),
	      RTOS_CELL("rtos1", 0x85000000, "status_every=200", .nr_devs = 0, 2)),
};
