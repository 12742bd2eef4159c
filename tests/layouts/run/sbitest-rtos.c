// SPDX-License-Identifier: GPL-2.0-only
/*
 * The SBI checks: cell "sbi" (2 vharts on harts 0 and 1) runs every check
 * of the sbitest guest and shuts down; cell "rtos" (hart 2) ticks on.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");
GUEST_IMAGE(sbitest, "sbitest/sbitest.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(SBITEST_CELL("sbi", 0x84000000, "bad=none", 0, 1),
	      RTOS_CELL("rtos", 0x85000000, "status_every=100", 2)),
};
