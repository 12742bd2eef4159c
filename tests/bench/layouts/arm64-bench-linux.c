// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM64 Linux boot time (tests/bench/linuxboot.py): the ARM64 demo's Linux
 * (cells/qemu-aarch64-virt/linux-rtos.c: same kernel, initramfs, bootargs,
 * 256 MiB, guest addresses) alone in a cell of one vCPU.  Alone, so that
 * no other cell's instructions count in its time under -icount; one vCPU,
 * because QEMU runs the CPUs of an -icount machine in turns and a CPU
 * that spins waiting for another would swamp what is measured (the same
 * reasons as the RISC-V bench-linux.c).  Natively the same Image runs at
 * EL1 on a one-CPU, 256 MiB machine.
 */
#include <fv/layout.h>

GUEST_IMAGE(linux_image, "linux/Image");
GUEST_IMAGE(linux_initrd, "linux/initramfs.cpio.gz");

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS({
		.name = "linux",
		HARTS(1),
		MEMORY({ .gpa = 0x40000000, .hpa = 0x60000000, .size = 256 * MiB,
			 .flags = MEM_RWX }),
		EMULATED({ .type = EMU_PL011, .gpa = 0x09000000, .irq = 33 }),
		.arch = { .vgicd_gpa = 0x08000000, .vgicr_gpa = 0x080a0000 },
		.kernel = IMAGE(linux_image, 0x40200000),
		.initrd = IMAGE(linux_initrd, 0x48000000),
		.entry = 0x40200000,
		.bootargs = "console=ttyAMA0 earlycon=pl011,0x9000000",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_STOP,
	}),
};
