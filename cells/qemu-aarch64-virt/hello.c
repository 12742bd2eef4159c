// SPDX-License-Identifier: GPL-2.0-only
/*
 * Two cells of the ARM64 test guest (cells/guests/hello-arm64), on CPUs 1
 * and 2: each prints its hello through an emulated PL011, asks the
 * virtual PSCI its version and then prints "alive <n>" lines.  CPUs 0 and 3 stay free (the console's
 * housekeeping runs on one of them).
 */
#include "hello.h"

GUEST_IMAGE(hello, "hello-arm64/hello.bin");

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS(HELLO_CELL("hello0", 1, 0x50000000, "", EMU_PL011),
	      HELLO_CELL("hello1", 2, 0x51000000, "", EMU_PL011)),
};
