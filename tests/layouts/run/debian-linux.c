// SPDX-License-Identifier: GPL-2.0-only
/*
 * Debian's own riscv64 kernel, unmodified (ci/fetch-debian-kernel.sh),
 * in the Linux cell of the demo layout, with our initramfs: proof that no
 * part of the hypervisor depends on our kernel config.  For
 * tests/integration/test_debian_kernel.py, on QEMU virt with 4 harts and
 * 2 GiB.
 *
 * The Debian Image is ~35 MiB, so the hypervisor image is built with
 * CONFIG_HV_MEM_SIZE=0x4000000 (64 MiB from 0x80200000, to 0x841fffff)
 * and both cells live above that.
 */
#include <fv/layout.h>

/* debian-perf.c includes this file with its own initramfs (perf in it) */
#ifndef DEBIAN_INITRD
#define DEBIAN_INITRD "linux/initramfs.cpio.gz"
#endif

GUEST_IMAGE(debian_image, "debian/Image");
GUEST_IMAGE(linux_initrd, DEBIAN_INITRD);
GUEST_IMAGE(rtos, "rtos/rtos.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS({
		.name = "linux",
		HARTS(1, 2),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x90000000, .size = 512 * MiB,
			 .flags = MEM_RWX }),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }),
		.arch.vplic_gpa = 0x0c000000,
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
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }),
		.arch.vplic_gpa = 0x0c000000,
		.kernel = IMAGE(rtos, 0x80200000),
		.entry = 0x80200000,
		.bootargs = "status_every=1000",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	}),
};
