// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM64: Debian's own arm64 kernel, unmodified (linux-image-arm64 from
 * bookworm, ci/fetch-debian-kernel-arm64.sh), in one cell with our
 * busybox initramfs (/init: cells/guests/linux/init), console on the
 * emulated PL011 (ttyAMA0; its node names the fixed clock Linux's AMBA
 * bus wants), QEMU virt's PL031 RTC passed through.
 * The Image is ~33 MiB, so the hypervisor keeps 64 MiB
 * (CONFIG_HV_MEM_SIZE=0x4000000, 0x40200000-0x441fffff) and the cell's
 * 512 MiB start at 0x48000000.
 */
#include <fv/layout.h>

GUEST_IMAGE(debian_image, "debian-arm64/Image");
GUEST_IMAGE(initrd, "debian-arm64/initramfs.cpio.gz");

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({
		.name = "linux",
		HARTS(1, 2),
		MEMORY({ .gpa = 0x40000000, .hpa = 0x48000000, .size = 512 * MiB,
			 .flags = MEM_RWX }),
		EMULATED({ .type = EMU_PL011, .gpa = 0x09000000, .irq = 33 }),
		/* QEMU virt's PL031 RTC, its SPI 2 (INTID 34) with it */
		DEVICES({ .gpa = 0x09010000, .hpa = 0x09010000, .size = 0x1000,
			  .irqs = { 34 } }),
		.arch = { .vgicd_gpa = 0x08000000, .vgicr_gpa = 0x080a0000 },
		/* 2 MiB into RAM, text_offset 0: the Image's header */
		.kernel = IMAGE(debian_image, 0x40200000),
		.initrd = IMAGE(initrd, 0x48000000),
		.entry = 0x40200000,
		.bootargs = "console=ttyAMA0 earlycon=pl011,0x9000000",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	}),
};
