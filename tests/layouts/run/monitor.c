// SPDX-License-Identifier: GPL-2.0-only
/*
 * The monitor's command line (tests/integration/test_monitor.py): two
 * RTOS cells, rtos0 on hart 1 and rtos1 on hart 2, so housekeeping has a
 * hart of its own (hart 0) and every stop, start and restart is done by
 * another hart than the one that serves the console.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos0", 0x84000000, "status_every=100", 1),
	      RTOS_CELL("rtos1", 0x85000000, "status_every=100", 2)),
};
