// SPDX-License-Identifier: GPL-2.0-only
/*
 * rtos0 shuts down with its Sstc timer still armed; its hart must then
 * sleep, not spin (issue 8, 1.3).  rtos1 ticks on.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos0", 0x84000000, "stop_after=2 status_every=50", 0),
	      RTOS_CELL("rtos1", 0x85000000, "status_every=100", 1)),
};
