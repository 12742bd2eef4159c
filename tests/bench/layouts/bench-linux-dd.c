// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux reading its disk (tests/bench): the demo kernel, 256 MiB and one
 * vhart as in bench-linux.c, the demo disk (make disk) as an emulated
 * virtio-blk, and make bench's initramfs (tests/bench/linux/), whose /init
 * reads the whole disk (fv.bench=dd), says what it counted and powers off.
 * Natively the same runs with QEMU's virtio-blk-device on the same image.
 */
#include <fv/layout.h>

GUEST_IMAGE(linux_image, "linux/Image");
GUEST_IMAGE(linux_initrd, "linux/bench-initramfs.cpio.gz");
GUEST_IMAGE(disk, "disk/disk.img");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS({
		.name = "linux",
		HARTS(1),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x90000000, .size = 256 * MiB,
			 .flags = MEM_RWX }),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 },
			 { .type = EMU_VIRTIO_BLK, .gpa = 0x10008000, .irq = 8,
			   .blk = { .hpa = 0xa0000000, .size = 1 * MiB, .readonly = 1,
				    BLK_IMAGE(disk) } }),
		.arch.vplic_gpa = 0x0c000000,
		.kernel = IMAGE(linux_image, 0x80200000),
		.initrd = IMAGE(linux_initrd, 0x88000000),
		.entry = 0x80200000,
		.bootargs = "console=ttyS0 earlycon=sbi fv.bench=dd",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_STOP,
	}),
};
