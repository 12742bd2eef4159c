// SPDX-License-Identifier: GPL-2.0-only
/*
 * The demo's Linux alone in a cell with its console on the virtio console:
 * console=hvc0.  Why: the demo kernel has no SBI hvc, so its virtio
 * console is hvc0, and a layout must be able to make that Linux's only
 * console (tests/integration/test_demo_virtio.py).  The UART is still
 * there (earlycon=sbi writes the early boot through SBI).
 */
#include <fv/layout.h>

GUEST_IMAGE(linux_image, "linux/Image");
GUEST_IMAGE(linux_initrd, "linux/initramfs.cpio.gz");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS({
		.name = "linux",
		HARTS(1, 2),
		MEMORY({ .gpa = 0x80000000, .hpa = 0x90000000, .size = 256 * MiB,
			 .flags = MEM_RWX }),
		EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 },
			 { .type = EMU_VIRTIO_CONSOLE, .gpa = 0x10001000, .irq = 1,
			   .console = { .name = "linux-hvc" } }),
		.arch.vplic_gpa = 0x0c000000,
		.kernel = IMAGE(linux_image, 0x80200000),
		.initrd = IMAGE(linux_initrd, 0x88000000),
		.entry = 0x80200000,
		.bootargs = "console=hvc0 earlycon=sbi",
		.on_fault = POLICY_STOP,
		.on_reboot = POLICY_RESTART,
	}),
};
