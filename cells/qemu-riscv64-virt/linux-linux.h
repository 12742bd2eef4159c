/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A cell of the linux-linux layout: one vhart on `hart`, 256 MiB at hpa
 * `ram`, an emulated ns16550 console and a virtio-net card on link 1.
 * Shared by linux-linux.c and the benchmark that runs a bulk transfer
 * between the same two cells with its own /init and bootargs
 * (tests/bench/layouts/bench-linux-linux.c), so the two never drift apart.
 * Needs GUEST_IMAGE(linux_image, ...) and GUEST_IMAGE(linux_initrd, ...).
 */
#ifndef CELLS_LINUX_LINUX_H
#define CELLS_LINUX_LINUX_H

#include <fv/layout.h>

#define LINUX_LINUX_CELL(cell_name, hart, ram, args, reboot) {			\
	.name = cell_name,							\
	HARTS(hart),								\
	MEMORY({ .gpa = 0x80000000, .hpa = (ram), .size = 256 * MiB,		\
		 .flags = MEM_RWX }),						\
	EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 },	\
		 { .type = EMU_VIRTIO_NET, .gpa = 0x10001000, .irq = 1,		\
		   .net = { .link = 1 } }),					\
	.arch.vplic_gpa = 0x0c000000,						\
	.kernel = IMAGE(linux_image, 0x80200000),				\
	.initrd = IMAGE(linux_initrd, 0x88000000),				\
	.entry = 0x80200000,							\
	.bootargs = "console=ttyS0 earlycon=sbi " args,				\
	.on_fault = POLICY_STOP,						\
	.on_reboot = (reboot),							\
}

#endif
