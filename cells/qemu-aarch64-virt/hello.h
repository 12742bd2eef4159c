/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A cell of the ARM64 test guest: one CPU, 16 MiB of RAM at guest
 * address 0x40000000 (where QEMU's aarch64 virt has its RAM), an emulated
 * console UART (EMU_PL011 or EMU_UART16550, as the caller says) at
 * 0x09000000 and the virtual GIC's windows where virt has
 * its GIC.  Shared by cells/qemu-aarch64-virt/hello.c and the tests'
 * ARM64 layouts.
 */
#ifndef HELLO_ARM64_H
#define HELLO_ARM64_H

#include <fv/layout.h>

#define HELLO_CELL(cell_name, cpu, ram, args, uart) {				\
	.name = cell_name,						\
	HARTS(cpu),							\
	MEMORY({ .gpa = 0x40000000, .hpa = (ram), .size = 16 * MiB,	\
		 .flags = MEM_RWX }),					\
	EMULATED({ .type = (uart), .gpa = 0x09000000, .irq = 33 }),	\
	.arch = { .vgicd_gpa = 0x08000000, .vgicr_gpa = 0x080a0000 },	\
	.kernel = IMAGE(hello, 0x40000000),				\
	.entry = 0x40000000,						\
	.bootargs = (args),						\
	.on_fault = POLICY_STOP,					\
	.on_reboot = POLICY_RESTART,					\
}

#endif
