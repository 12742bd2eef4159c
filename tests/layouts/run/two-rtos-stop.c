// SPDX-License-Identifier: GPL-2.0-only
/*
 * SRST shutdown: rtos0 shuts down after 3 status lines, rtos1 after 12;
 * then every cell has stopped and the hypervisor powers off.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos0", 0x84000000, "stop_after=3 status_every=100", 0),
	      RTOS_CELL("rtos1", 0x85000000, "stop_after=12 status_every=100", 1)),
};
