// SPDX-License-Identifier: GPL-2.0-only
/*
 * GDB on a cell (tests/integration/test_gdb.py): two RTOS cells, rtos0 on
 * hart 1 (debugged) and rtos1 on hart 2, whose status line comes every 20
 * ticks so that it prints many while rtos0 is stopped; housekeeping has
 * hart 0 to itself.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos0", 0x84000000, "status_every=100", 1),
	      RTOS_CELL("rtos1", 0x85000000, "status_every=20", 2)),
};
