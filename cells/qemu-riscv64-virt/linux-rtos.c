// SPDX-License-Identifier: GPL-2.0-only
/*
 * The default demo: Linux in a cell of two vharts beside our RTOS in a
 * cell of one, on a 4-hart QEMU virt machine (hart 0 stays with the
 * hypervisor: it boots, and takes the console's input interrupt).
 *
 * Each guest sees a small virt-like machine of its own: RAM at
 * 0x80000000, an emulated ns16550 UART at 0x10000000 (IRQ 10) and a
 * virtual PLIC at 0x0c000000.  Linux also gets a virtio-blk disk (the
 * demo's ext2 image, kept in 1 MiB of RAM no cell maps: what Linux writes
 * there survives its restarts) and a virtio console, "linux-hvc" on the
 * multiplexer (hvc0 in Linux: the demo kernel has no SBI hvc).
 *
 * The two talk over 1 MiB both map MEM_SHARED at guest 0x90000000 (host
 * memory no other cell maps, past the disk), with a doorbell each at
 * 0x10003000 (IRQ 3) naming the other: Linux's /init runs fv-doorbell
 * (cells/guests/linux/fv-doorbell.c) through uio_pdrv_genirq, and the
 * RTOS answers it (cells/guests/rtos/doorbell.c).
 */
#include <fv/layout.h>

GUEST_IMAGE(linux_image, "linux/Image");
GUEST_IMAGE(linux_initrd, "linux/initramfs.cpio.gz");
GUEST_IMAGE(rtos, "rtos/rtos.bin");
GUEST_IMAGE(disk, "disk/disk.img");

#define SHM_GPA		0x90000000
#define SHM_HPA		0x86100000
#define SHM_SIZE	(1 * MiB)
#define DOORBELL_TO(peer_name) {					\
	.type = EMU_DOORBELL, .gpa = 0x10003000, .irq = 3,		\
	.doorbell = { .region_hpa = SHM_HPA, .peer = peer_name } }

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS({
		.name = "linux",
		HARTS(1, 2),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x90000000, .size = 256 * MiB,
			 .flags = MEM_RWX },
		       { .gpa = SHM_GPA, .hpa = SHM_HPA, .size = SHM_SIZE,
			 .flags = MEM_RW | MEM_SHARED }),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 },
			 { .type = EMU_VIRTIO_BLK, .gpa = 0x10001000, .irq = 1,
			   .blk = { .hpa = 0x86000000, .size = 1 * MiB, BLK_IMAGE(disk) } },
			 { .type = EMU_VIRTIO_CONSOLE, .gpa = 0x10002000, .irq = 2,
			   .console = { .name = "linux-hvc" } },
			 DOORBELL_TO("rtos")),
		.arch.vplic_gpa = 0x0c000000,
		/* RISC-V Linux wants its Image 2 MiB into RAM */
		.kernel = IMAGE(linux_image, 0x80200000),
		.initrd = IMAGE(linux_initrd, 0x88000000),
		.entry = 0x80200000,
		.bootargs = "console=ttyS0 earlycon=sbi "
			    "uio_pdrv_genirq.of_id=ferrovisor,doorbell",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	}, {
		.name = "rtos",
		HARTS(3),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x84000000, .size = 16 * MiB,
			 .flags = MEM_RWX },
		       { .gpa = SHM_GPA, .hpa = SHM_HPA, .size = SHM_SIZE,
			 .flags = MEM_RW | MEM_SHARED }),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 },
			 DOORBELL_TO("linux")),
		.arch.vplic_gpa = 0x0c000000,
		.kernel = IMAGE(rtos, 0x80200000),
		.entry = 0x80200000,
		.bootargs = "status_every=1000",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	}),
};
