// SPDX-License-Identifier: GPL-2.0-only
/*
 * The I/O figures (tests/bench): the bench guest (bootarg bench=io) with
 * an emulated virtio-blk disk, against QEMU's virtio-blk-device natively,
 * and a doorbell to a second bench guest (bench=echo) that rings back.
 * A layout of its own, so that the disk, the doorbell and the second cell
 * change nothing in the machine of the other figures (layouts/bench.c).
 * The bench cell is that layout's (harts 1 and 2, 64 MiB, the UART
 * emulated); the echo cell has hart 3 and 16 MiB.  The disk is 2 MiB of
 * RAM no cell maps, filled at boot from tests/bench/mkdisk.py's image.
 */
#include <fv/layout.h>

GUEST_IMAGE(bench, "bench/bench.bin");
GUEST_IMAGE(disk, "bench/disk.img");

#define SHM_HPA		0xbff00000

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS({
		.name = "bench",
		HARTS(1, 2),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x88000000, .size = 64 * MiB,
			 .flags = MEM_RWX },
		       { .gpa = 0x88000000, .hpa = SHM_HPA, .size = 1 * MiB,
			 .flags = MEM_RW | MEM_SHARED }),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 },
			 { .type = EMU_VIRTIO_BLK, .gpa = 0x10008000, .irq = 8,
			   .blk = { .hpa = 0xa0000000, .size = 2 * MiB, .readonly = 1,
				    BLK_IMAGE(disk) } },
			 { .type = EMU_DOORBELL, .gpa = 0x10009000, .irq = 12,
			   .doorbell = { .region_hpa = SHM_HPA, .peer = "echo" } }),
		.arch.vplic_gpa = 0x0c000000,
		.kernel = IMAGE(bench, 0x80200000),
		.entry = 0x80200000,
		.bootargs = "bench=io",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_STOP,
	}, {
		.name = "echo",
		HARTS(3),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x8c000000, .size = 16 * MiB,
			 .flags = MEM_RWX },
		       { .gpa = 0x88000000, .hpa = SHM_HPA, .size = 1 * MiB,
			 .flags = MEM_RW | MEM_SHARED }),
		EMULATED({ .type = EMU_DOORBELL, .gpa = 0x10001000, .irq = 12,
			   .doorbell = { .region_hpa = SHM_HPA, .peer = "bench" } }),
		.arch.vplic_gpa = 0x0c000000,
		.kernel = IMAGE(bench, 0x80200000),
		.entry = 0x80200000,
		.bootargs = "bench=echo",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_STOP,
	}),
};
