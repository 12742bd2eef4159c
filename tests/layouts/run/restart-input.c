// SPDX-License-Identifier: GPL-2.0-only
/*
 * A cell that reboots in a loop while it has the console's focus and its
 * UART receive interrupt on (the RTOS enables it), beside a cell that
 * ticks.  Typed input meanwhile must not hang any hart (issue 8, 1.1).
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos0", 0x84000000, "reset_after=1 status_every=20", 1),
	      RTOS_CELL("rtos1", 0x85000000, "status_every=100", 0)),
};
