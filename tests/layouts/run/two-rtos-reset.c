// SPDX-License-Identifier: GPL-2.0-only
/*
 * SRST reboot: rtos0 asks for a cold reboot after 2 status lines (and so
 * again after every restart); rtos1 ticks on.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos0", 0x84000000, "reset_after=2 status_every=100", 0),
	      RTOS_CELL("rtos1", 0x85000000, "status_every=100", 1)),
};
