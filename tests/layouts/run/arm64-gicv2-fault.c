// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM64, GICv2 image: cell "bad" loads from 0x08030000, the board's GICv2
 * virtual interface control (GICH), which the hypervisor keeps for
 * itself and no cell has, and is stopped; cell "good" beside it goes on
 * printing (test_arm64_gicv2.py).
 */
#include "../../../cells/qemu-aarch64-virt/hello.h"

GUEST_IMAGE(hello, "hello-arm64/hello.bin");

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS(HELLO_CELL("bad", 1, 0x50000000, "fault=0x08030000", EMU_UART16550),
	      HELLO_CELL("good", 2, 0x51000000, "", EMU_PL011)),
};
