/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A cell of the ARM64 linux-linux layout: one vCPU on `cpu`, 256 MiB at
 * hpa `ram` seen at guest 0x40000000 (QEMU virt's RAM), an emulated PL011
 * console (SPI 1, INTID 33) and a virtio-net card on link 1 at virt's
 * first virtio-mmio transport (0x0a000000, SPI 16, INTID 48).  In a header,
 * as RISC-V's linux-linux.h, so a layout with its own bootargs (a
 * benchmark's) gets the same cells.
 * Needs GUEST_IMAGE(linux_image, ...) and GUEST_IMAGE(linux_initrd, ...).
 */
#ifndef CELLS_A64_LINUX_LINUX_H
#define CELLS_A64_LINUX_LINUX_H

#include <fv/layout.h>

#define A64_LINUX_LINUX_CELL(cell_name, cpu, ram, args, reboot) {		\
	.name = cell_name,							\
	HARTS(cpu),								\
	MEMORY({ .gpa = 0x40000000, .hpa = (ram), .size = 256 * MiB,		\
		 .flags = MEM_RWX }),						\
	EMULATED({ .type = EMU_PL011, .gpa = 0x09000000, .irq = 33 },		\
		 { .type = EMU_VIRTIO_NET, .gpa = 0x0a000000, .irq = 48,	\
		   .net = { .link = 1 } }),					\
	.arch = { .vgicd_gpa = 0x08000000, .vgicr_gpa = 0x080a0000 },		\
	/* 2 MiB into RAM, text_offset 0: the Image's header */		\
	.kernel = IMAGE(linux_image, 0x40200000),				\
	.initrd = IMAGE(linux_initrd, 0x48000000),				\
	.entry = 0x40200000,							\
	.bootargs = "console=ttyAMA0 earlycon=pl011,0x9000000 " args,		\
	.on_fault = POLICY_STOP,						\
	.on_reboot = (reboot),							\
}

#endif
