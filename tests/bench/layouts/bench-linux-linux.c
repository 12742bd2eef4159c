// SPDX-License-Identifier: GPL-2.0-only
/*
 * A bulk transfer between two Linux cells (tests/bench): the cells of
 * cells/qemu-riscv64-virt/linux-linux.c (the same macro, so the same
 * harts, memory and virtio-net link), with make bench's initramfs
 * (tests/bench/linux/) instead of the demo's: linux1 listens with busybox
 * nc, linux0 sends it fv.mib= MiB of zeros, each says what it counted and
 * powers off (its reboot policy is to stop).
 */
#include "../../../cells/qemu-riscv64-virt/linux-linux.h"

GUEST_IMAGE(linux_image, "linux/Image");
GUEST_IMAGE(linux_initrd, "linux/bench-initramfs.cpio.gz");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(LINUX_LINUX_CELL("linux0", 1, 0x90000000,
			       "fv.ip=10.0.0.1/24 fv.bench=nc-send fv.mib=4", POLICY_STOP),
	      LINUX_LINUX_CELL("linux1", 2, 0xa0000000,
			       "fv.ip=10.0.0.2/24 fv.bench=nc-recv", POLICY_STOP)),
};
