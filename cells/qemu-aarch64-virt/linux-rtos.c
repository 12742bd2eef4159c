// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ARM64 board's default demo, like the RISC-V one: Linux in a cell
 * of two CPUs (1 and 2; it starts its second vCPU with PSCI CPU_ON)
 * beside our RTOS in a cell of one (CPU 3); CPU 0 stays with the
 * hypervisor for the console's housekeeping.
 *
 * Linux is the demo kernel built from Debian's linux-source-6.1 for
 * arm64 (ci/build-linux.sh, cells/guests/linux/kernel-arm64.config) with
 * the busybox initramfs (ci/build-initramfs.sh, busybox-static:arm64).
 * Each guest sees a small QEMU aarch64 virt machine of its own: RAM at
 * 0x40000000, an emulated PL011 at 0x09000000 (SPI 1, INTID 33) and the
 * virtual GICv3 where virt has its GIC.  Linux also gets, as on RISC-V,
 * a virtio-blk disk (the demo's ext2 image, make disk, kept in 1 MiB of
 * RAM no cell maps: what Linux writes there survives its restarts) and a
 * virtio console, "linux-hvc" on the multiplexer (hvc0 in Linux), where
 * virt has its virtio-mmio transports (0x0a000000 up, SPIs 16 up).
 *
 * The two talk over 1 MiB both map MEM_SHARED at guest 0x50000000 (just
 * past Linux's RAM; host memory no other cell maps, past the disk), with
 * a doorbell each at 0x0a003000 (SPI 19, INTID 51) naming the other:
 * Linux's /init runs fv-doorbell (cells/guests/linux/fv-doorbell.c)
 * through uio_pdrv_genirq, and the RTOS answers it
 * (cells/guests/rtos/doorbell.c).
 *
 * Host memory: the hypervisor keeps 0x40200000 up (HV_MEM_SIZE: its
 * image, with Linux's Image and initramfs embedded, and its page pool);
 * the RTOS's 16 MiB are at 0x50000000, the disk's 1 MiB at 0x51000000,
 * the shared 1 MiB at 0x51100000, Linux's 256 MiB at 0x60000000.
 */
#include <fv/layout.h>

GUEST_IMAGE(linux_image, "linux/Image");
GUEST_IMAGE(linux_initrd, "linux/initramfs.cpio.gz");
GUEST_IMAGE(rtos, "rtos/rtos.bin");
GUEST_IMAGE(disk, "disk/disk.img");

#define DISK_HPA	0x51000000
#define SHM_GPA		0x50000000
#define SHM_HPA		0x51100000
#define SHM_SIZE	(1 * MiB)
#define DOORBELL_TO(peer_name) {					\
	.type = EMU_DOORBELL, .gpa = 0x0a003000, .irq = 51,		\
	.doorbell = { .region_hpa = SHM_HPA, .peer = peer_name } }

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({
		.name = "linux",
		HARTS(1, 2),
		MEMORY({ .gpa = 0x40000000, .hpa = 0x60000000, .size = 256 * MiB,
			 .flags = MEM_RWX },
		       { .gpa = SHM_GPA, .hpa = SHM_HPA, .size = SHM_SIZE,
			 .flags = MEM_RW | MEM_SHARED }),
		EMULATED({ .type = EMU_PL011, .gpa = 0x09000000, .irq = 33 },
			 { .type = EMU_VIRTIO_BLK, .gpa = 0x0a001000, .irq = 49,
			   .blk = { .hpa = DISK_HPA, .size = 1 * MiB, BLK_IMAGE(disk) } },
			 { .type = EMU_VIRTIO_CONSOLE, .gpa = 0x0a002000, .irq = 50,
			   .console = { .name = "linux-hvc" } },
			 DOORBELL_TO("rtos")),
		.arch = { .vgicd_gpa = 0x08000000, .vgicr_gpa = 0x080a0000 },
		/* 2 MiB into RAM, text_offset 0: the Image's header */
		.kernel = IMAGE(linux_image, 0x40200000),
		.initrd = IMAGE(linux_initrd, 0x48000000),
		.entry = 0x40200000,
		.bootargs = "console=ttyAMA0 earlycon=pl011,0x9000000 "
			    "uio_pdrv_genirq.of_id=ferrovisor,doorbell",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	}, {
		.name = "rtos",
		HARTS(3),
		MEMORY({ .gpa = 0x40000000, .hpa = 0x50000000, .size = 16 * MiB,
			 .flags = MEM_RWX },
		       { .gpa = SHM_GPA, .hpa = SHM_HPA, .size = SHM_SIZE,
			 .flags = MEM_RW | MEM_SHARED }),
		EMULATED({ .type = EMU_PL011, .gpa = 0x09000000, .irq = 33 },
			 DOORBELL_TO("linux")),
		.arch = { .vgicd_gpa = 0x08000000, .vgicr_gpa = 0x080a0000 },
		.kernel = IMAGE(rtos, 0x40200000),
		.entry = 0x40200000,
		.bootargs = "status_every=1000",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	}),
};
