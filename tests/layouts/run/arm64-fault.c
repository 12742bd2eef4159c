// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM64: cell "bad" loads from 0x48000000, guest-physical memory it does
 * not have (its RAM is 0x40000000-0x40ffffff), and is stopped; cell
 * "good" beside it goes on printing (test_arm64_cells.py).
 */
#include "../../../cells/qemu-aarch64-virt/hello.h"

GUEST_IMAGE(hello, "hello-arm64/hello.bin");

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS(HELLO_CELL("bad", 1, 0x50000000, "fault=0x48000000", EMU_UART16550),
	      HELLO_CELL("good", 2, 0x51000000, "", EMU_PL011)),
};
