// SPDX-License-Identifier: GPL-2.0-only
/*
 * The monitor with no free hart (tests/integration/test_monitor.py): the
 * cells take all four harts, so the console is served on a hart of the
 * cell with input focus (rtos0, harts 0 and 1).  A restart or stop of
 * rtos0 typed there is then done by that same hart, once the console's
 * interrupt is over.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos0", 0x84000000, "status_every=100", 0, 1),
	      RTOS_CELL("rtos1", 0x85000000, "status_every=100", 2, 3)),
};
