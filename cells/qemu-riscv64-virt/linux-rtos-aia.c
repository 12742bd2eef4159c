// SPDX-License-Identifier: GPL-2.0-only
/*
 * The AIA board's demo (QEMU virt with aia=aplic-imsic,
 * configs/qemu-riscv64-virt-aia_defconfig): Linux in a cell of two
 * vharts (harts 1 and 2) beside our RTOS in a cell of one (hart 3); hart
 * 0 serves the console.  Our demo kernel (6.1) has no AIA drivers, so
 * Linux is Debian's own riscv64 kernel, unmodified
 * (ci/fetch-debian-kernel.sh), with our initramfs, as
 * tests/layouts/run/debian-linux.c runs it on the PLIC board.
 *
 * Each vhart gets a guest interrupt file of its hart at imsic_gpa +
 * vhart * 4 KiB, each cell a virtual APLIC at aplic_gpa: Linux's IPIs
 * between its vharts are stores into each other's file, and its UART's
 * interrupt is a message the hypervisor stores into the file its
 * virtual APLIC names.  The RTOS owns the RTC, whose alarm goes from the
 * physical APLIC straight into the RTOS's file.
 *
 * The Debian Image is ~35 MiB, so the hypervisor keeps 64 MiB
 * (CONFIG_HV_MEM_SIZE=0x4000000, to 0x841fffff), both cells live above
 * that, and QEMU gets 2 GiB (Linux's 512 MiB at 0x90000000).
 */
#include <fv/layout.h>

GUEST_IMAGE(debian_image, "debian/Image");
GUEST_IMAGE(linux_initrd, "linux/initramfs.cpio.gz");
GUEST_IMAGE(rtos, "rtos/rtos.bin");

#define UART	{ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }
#define RTC	{ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000, .irqs = { 11 } }
#define IMSIC_GPA	0x28000000
#define APLIC_GPA	0x0d000000

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS({
		.name = "linux",
		HARTS(1, 2),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x90000000, .size = 512 * MiB,
			 .flags = MEM_RWX }),
		EMULATED(UART),
		.arch.imsic_gpa = IMSIC_GPA,
		.arch.aplic_gpa = APLIC_GPA,
		/* 2 MiB into RAM; the Image's header asks for ~36 MiB from there */
		.kernel = IMAGE(debian_image, 0x80200000),
		.initrd = IMAGE(linux_initrd, 0x88000000),
		.entry = 0x80200000,
		.bootargs = "console=ttyS0 earlycon=sbi",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	}, {
		.name = "rtos",
		HARTS(3),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x86000000, .size = 16 * MiB,
			 .flags = MEM_RWX }),
		DEVICES(RTC),
		EMULATED(UART),
		.arch.imsic_gpa = IMSIC_GPA,
		.arch.aplic_gpa = APLIC_GPA,
		.kernel = IMAGE(rtos, 0x80200000),
		.entry = 0x80200000,
		.bootargs = "status_every=1000",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	}),
};
