// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two Linux cells that talk: one vhart each (harts 1 and 2; hart 0 stays
 * with the hypervisor), 256 MiB each, an emulated ns16550 console each,
 * and a virtio-net card each on link 1, the hypervisor's switch between
 * them.  /init gives eth0 the address in fv.ip=, so from linux0's shell
 * `ping 10.0.0.2` reaches linux1.
 */
#include <fv/layout.h>

GUEST_IMAGE(linux_image, "linux/Image");
GUEST_IMAGE(linux_initrd, "linux/initramfs.cpio.gz");

#define LINUX_CELL(cell_name, hart, ram, ip) {					\
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
	.bootargs = "console=ttyS0 earlycon=sbi fv.ip=" ip,			\
	.on_fault = POLICY_STOP,						\
	.on_reboot = POLICY_RESTART,						\
}

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(LINUX_CELL("linux0", 1, 0x90000000, "10.0.0.1/24"),
	      LINUX_CELL("linux1", 2, 0xa0000000, "10.0.0.2/24")),
};
