// SPDX-License-Identifier: GPL-2.0-only
/*
 * ARM64: both cells call PSCI SYSTEM_OFF, which stops the calling cell
 * only; once both have, the machine powers off (POWEROFF_WHEN_ALL_STOPPED,
 * test_arm64_cells.py).
 */
#include "../../../cells/qemu-aarch64-virt/hello.h"

GUEST_IMAGE(hello, "hello-arm64/hello.bin");

const struct layout fv_layout = {
	.board = "qemu-aarch64-virt",
	CELLS(HELLO_CELL("off0", 1, 0x50000000, "off", EMU_PL011),
	      HELLO_CELL("off1", 2, 0x51000000, "off", EMU_PL011)),
};
