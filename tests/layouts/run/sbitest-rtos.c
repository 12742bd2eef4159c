// SPDX-License-Identifier: GPL-2.0-only
/*
 * The SBI checks: cell "sbi" (2 vharts on harts 0 and 1) runs every check
 * of the sbitest guest and shuts down; cell "rtos" (hart 2) ticks on.
 * "sbi" has an emulated UART for sbitest's mmio checks (its console stays
 * SBI DBCN).  "rtos" comes first so it has the console's focus: the
 * checks' lines are then collected and written whole.  "sbi" shuts down 250 ms after its
 * checks, when the RTOS is surely ticking.
 */
#include "run.h"

GUEST_IMAGE(rtos, "rtos/rtos.bin");
GUEST_IMAGE(sbitest, "sbitest/sbitest.bin");

const struct layout fv_layout = {
	.board = "qemu-riscv64-virt",
	CELLS(RTOS_CELL("rtos", 0x85000000, "status_every=100", 2),
	      SBITEST_UART_CELL("sbi", 0x84000000, "bad=none delay_ms=250", 0, 1)),
};
