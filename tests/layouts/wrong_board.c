/* expect: the layout is for board "qemu-arm64-virt", not the configured platform "qemu-riscv64-virt" */
// SPDX-License-Identifier: GPL-2.0-only
/* A layout written for another board. */
#include "common.h"

const struct layout fv_layout = {
	.board = "qemu-arm64-virt",
	CELLS({
		.name = "rtos0",
		HARTS(0),
		MEMORY(RAM16(0x84000000)),
		BOOT,
	}),
};
