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
 * As in the PLIC demo (linux-rtos.c), Linux also gets a virtio-blk disk
 * (the demo's ext2 image, in 1 MiB of RAM no cell maps), a virtio console
 * ("linux-hvc" on the multiplexer, hvc0 in Linux) and a doorbell to the
 * RTOS over 1 MiB both map MEM_SHARED: virtio sources 1 and 2 and the
 * doorbell's 3 of Linux's virtual APLIC, the doorbell's 3 of the RTOS's.
 * Debian builds virtio-mmio, virtio-blk and ext4 as modules: our
 * initramfs for this kernel carries them (linux-rtos-aia.mk) and /init
 * loads them.  Debian's kernel has no uio_pdrv_genirq, so Linux's end of
 * the doorbell is fv-doorbell on /dev/mem, polling for the RTOS's
 * answer; the RTOS takes Linux's rings as interrupts of its APLIC.
 *
 * The Debian Image is ~35 MiB, so the hypervisor keeps 64 MiB
 * (CONFIG_HV_MEM_SIZE=0x4000000, to 0x841fffff), both cells live above
 * that, and QEMU gets 2 GiB (Linux's 512 MiB at 0x90000000; the RTOS's
 * 16 MiB at 0x86000000, then the disk and the shared region).
 */
#include <fv/layout.h>

GUEST_IMAGE(debian_image, "debian/Image");
GUEST_IMAGE(linux_initrd, "debian/initramfs.cpio.gz");
GUEST_IMAGE(rtos, "rtos/rtos.bin");
GUEST_IMAGE(disk, "disk/disk.img");

#define UART	{ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }
#define RTC	{ .gpa = 0x101000, .hpa = 0x101000, .size = 0x1000, .irqs = { 11 } }
#define IMSIC_GPA	0x28000000
#define APLIC_GPA	0x0d000000
#define DISK_HPA	0x87000000
#define SHM_GPA		0xa0000000	/* past Linux's RAM */
#define SHM_HPA		0x87100000
#define SHM_SIZE	(1 * MiB)
#define DOORBELL_TO(peer_name) {					\
	.type = EMU_DOORBELL, .gpa = 0x10003000, .irq = 3,		\
	.doorbell = { .region_hpa = SHM_HPA, .peer = peer_name } }

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS({
		.name = "linux",
		HARTS(1, 2),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x90000000, .size = 512 * MiB,
			 .flags = MEM_RWX },
		       { .gpa = SHM_GPA, .hpa = SHM_HPA, .size = SHM_SIZE,
			 .flags = MEM_RW | MEM_SHARED }),
		EMULATED(UART,
			 { .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 1,
			   .blk = { .hpa = DISK_HPA, .size = 1 * MiB, BLK_IMAGE(disk) } },
			 { .type = EMU_VIRTIO_CONSOLE, .gpa = 0x10002000, .irq = 2,
			   .console = { .name = "linux-hvc" } },
			 DOORBELL_TO("rtos")),
		.arch.imsic_gpa = IMSIC_GPA,
		.arch.aplic_gpa = APLIC_GPA,
		/* 2 MiB into RAM; the Image's header asks for ~36 MiB from there */
		.kernel = IMAGE(debian_image, 0x80200000),
		.initrd = IMAGE(linux_initrd, 0x88000000),
		.entry = 0x80200000,
		/* the uio parameter binds the doorbell should Debian's
		 * kernel ever have uio_pdrv_genirq (/init passes a module its
		 * parameters from the command line) */
		.bootargs = "console=ttyS0 earlycon=sbi "
			    "uio_pdrv_genirq.of_id=ferrovisor,doorbell",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	}, {
		.name = "rtos",
		HARTS(3),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x86000000, .size = 16 * MiB,
			 .flags = MEM_RWX },
		       { .gpa = SHM_GPA, .hpa = SHM_HPA, .size = SHM_SIZE,
			 .flags = MEM_RW | MEM_SHARED }),
		DEVICES(RTC),
		EMULATED(UART, DOORBELL_TO("linux")),
		.arch.imsic_gpa = IMSIC_GPA,
		.arch.aplic_gpa = APLIC_GPA,
		.kernel = IMAGE(rtos, 0x80200000),
		.entry = 0x80200000,
		.bootargs = "status_every=1000",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	}),
};
