// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two Linux cells that talk: one vhart each (harts 1 and 2; hart 0 stays
 * with the hypervisor), 256 MiB each, an emulated ns16550 console each,
 * and a virtio-net card each on link 1, the hypervisor's switch between
 * them.  /init gives eth0 the address in fv.ip=, so from linux0's shell
 * `ping 10.0.0.2` reaches linux1.
 */
#include "linux-linux.h"

GUEST_IMAGE(linux_image, "linux/Image");
GUEST_IMAGE(linux_initrd, "linux/initramfs.cpio.gz");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(LINUX_LINUX_CELL("linux0", 1, 0x90000000, "fv.ip=10.0.0.1/24", POLICY_RESTART),
	      LINUX_LINUX_CELL("linux1", 2, 0xa0000000, "fv.ip=10.0.0.2/24", POLICY_RESTART)),
};
