// SPDX-License-Identifier: GPL-2.0-only
/*
 * One cell reboots in a loop while the other shuts down: the machine must
 * stay on, since a restarting cell is not a stopped one (issue 8, 1.2).
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos0", 0x84000000, "reset_after=1 status_every=10", 0),
	      RTOS_CELL("rtos1", 0x85000000, "stop_after=4 status_every=50", 1)),
};
