// SPDX-License-Identifier: GPL-2.0-only
/*
 * A bulk transfer between two Linux cells (tests/bench): the cells of
 * cells/qemu-riscv64-virt/linux-linux.c (harts 1 and 2, 256 MiB each, a
 * virtio-net card each on link 1, 10.0.0.1 and 10.0.0.2), with make
 * bench's initramfs (tests/bench/linux/) instead of the demo's: linux1
 * listens with busybox nc, linux0 sends it fv.mib= MiB of zeros, each says
 * what it counted and powers off.  A copy rather than that layout because
 * a run that measures by itself needs its own /init and bootargs; keep
 * the cells as they are there.
 */
#include <fv/layout.h>

GUEST_IMAGE(linux_image, "linux/Image");
GUEST_IMAGE(linux_initrd, "linux/bench-initramfs.cpio.gz");

#define LINUX_CELL(cell_name, hart, ram, args) {				\
	.name = cell_name,							\
	HARTS(hart),								\
	MEMORY({ .gpa = 0x80000000, .hpa = (ram), .size = 256 * MiB,		\
		 .flags = MEM_RWX }),						\
	EMULATED({ .type = EMU_UART16550, .gpa = 0x10000000, .irq = 10 },	\
		 { .type = EMU_VIRTIO_NET, .gpa = 0x10001000, .irq = 1,		\
		   .net = { .link = 1 } }),					\
	.arch.vplic_gpa = 0x0c000000,						\
	.kernel = IMAGE(linux_image, 0x80200000),				\
	.initrd = IMAGE(linux_initrd, 0x88000000),				\
	.entry = 0x80200000,							\
	.bootargs = "console=ttyS0 earlycon=sbi " args,				\
	.on_fault = POLICY_STOP,						\
	.on_reboot = POLICY_STOP,						\
}

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(LINUX_CELL("linux0", 1, 0x90000000, "fv.ip=10.0.0.1/24 fv.bench=nc-send fv.mib=4"),
	      LINUX_CELL("linux1", 2, 0xa0000000, "fv.ip=10.0.0.2/24 fv.bench=nc-recv")),
};
