// SPDX-License-Identifier: GPL-2.0-only
/*
 * RISC-V's linux-linux on the ARM64 board: two Linux cells that talk.
 * One vCPU each (CPUs 1 and 2; CPU 0 stays with the hypervisor for the
 * console's housekeeping), 256 MiB each, an emulated PL011 console each
 * and a virtio-net card each on link 1, the hypervisor's switch between
 * them.  /init gives eth0 the address in fv.ip=, so from linux0's shell
 * `ping 10.0.0.2` reaches linux1.  No MAC given: each card's is derived
 * (02:46:56:<cell>:<link>:<device>).
 *
 * Linux is the arm64 demo kernel with the busybox initramfs, as in
 * linux-rtos.c.  Host memory: the hypervisor keeps 0x40200000 up
 * (HV_MEM_SIZE), linux0's RAM is at 0x50000000, linux1's at 0x60000000:
 * both end below 0x70000000, inside QEMU's -m 768M.
 */
#include "linux-linux.h"

GUEST_IMAGE(linux_image, "linux/Image");
GUEST_IMAGE(linux_initrd, "linux/initramfs.cpio.gz");

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS(A64_LINUX_LINUX_CELL("linux0", 1, 0x50000000, "fv.ip=10.0.0.1/24",
				   POLICY_RESTART),
	      A64_LINUX_LINUX_CELL("linux1", 2, 0x60000000, "fv.ip=10.0.0.2/24",
				   POLICY_RESTART)),
};
