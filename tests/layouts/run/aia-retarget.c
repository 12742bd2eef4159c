// SPDX-License-Identifier: GPL-2.0-only
/*
 * AIA machine: rtos0 (harts 0 and 1, owns the RTC) aims its virtual
 * APLIC outside itself at every boot (aplic_attack=1: another hart, a
 * guest index, an identity out of range, a genmsi) and reboots itself
 * after 3 status lines; rtos1 (hart 2) must go on taking its interrupts.
 */
#include <fv/layout.h>

GUEST_IMAGE(rtos, "rtos/rtos.bin");

#define RTC	{ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000, .irqs = { 11 } }

#define AIA_CELL(cell_name, ram, args, devs, ...) {			\
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
	CELLS(AIA_CELL("rtos0", 0x84000000,
		       "status_every=100 harts=2 aplic_attack=1 reset_after=3",
		       DEVICES(RTC), 0, 1),
	      AIA_CELL("rtos1", 0x85000000, "status_every=100", .nr_devs = 0, 2)),
};
