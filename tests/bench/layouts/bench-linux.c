// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux boot time (tests/bench): the demo's Linux (same kernel, initramfs,
 * bootargs, 256 MiB) alone in a cell of one vhart.  Alone, so that no
 * other cell's instructions count in its time under -icount; one vhart,
 * because QEMU runs the harts of an -icount machine in turns and a hart
 * that spins waiting for another (remote TLB flushes, IPIs) burns its
 * whole turn, which would swamp what is measured.
 */
#include <fv/layout.h>

GUEST_IMAGE(linux_image, "linux/Image");
GUEST_IMAGE(linux_initrd, "linux/initramfs.cpio.gz");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS({
		.name = "linux",
		HARTS(1),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x90000000, .size = 256 * MiB,
			 .flags = MEM_RWX }),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 }),
		.arch.vplic_gpa = 0x0c000000,
		.kernel = IMAGE(linux_image, 0x80200000),
		.initrd = IMAGE(linux_initrd, 0x88000000),
		.entry = 0x80200000,
		.bootargs = "console=ttyS0 earlycon=sbi",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_STOP,
	}),
};
